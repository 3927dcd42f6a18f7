import { keys } from './keys'
import { getItem } from './items'
import type { EntryStatus } from './ledger'

export type Balance = Record<EntryStatus, number> & { currency: string }

/** A distributor's balance in one currency: the running sums of their ledger entries by status. */
export async function getBalance(distributorId: string, currency: string, consistent = false): Promise<Balance> {
  const item = await getItem(keys.balance(distributorId, currency), consistent)
  const n = (k: string) => Number(item?.[k] ?? 0)
  return { currency, pending: n('pending'), available: n('available'), settled: n('settled'), paid: n('paid') }
}
