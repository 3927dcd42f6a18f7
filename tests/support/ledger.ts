import { expect } from 'vitest'
import { getBalance, type Balance } from '../../lib/db/balances'
import { listLedgerOf, type LedgerEntry } from '../../lib/db/ledger'

/** Every ledger entry of a distributor, all pages (tests only). */
export async function allEntriesOf(distributorId: string): Promise<LedgerEntry[]> {
  const out: LedgerEntry[] = []
  let cursor: string | undefined
  do {
    const page = await listLedgerOf(distributorId, { cursor, limit: 100 })
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/**
 * The invariant of docs/architecture.md §3.4: a distributor's balance equals the sum of
 * their ledger entries by status. Returns the balance for further checks.
 */
export async function expectBalanceMatchesLedger(distributorId: string, currency = 'CNY'): Promise<Balance> {
  const [balance, entries] = await Promise.all([getBalance(distributorId, currency, true), allEntriesOf(distributorId)])
  const sums = { pending: 0, available: 0, settled: 0, paid: 0 }
  for (const e of entries.filter((x) => x.currency === currency)) sums[e.status] += e.amount
  expect({ distributorId, ...sums }).toEqual({
    distributorId,
    pending: balance.pending,
    available: balance.available,
    settled: balance.settled,
    paid: balance.paid,
  })
  return balance
}

/** The invariant for several distributors at once. */
export async function expectBalancesMatchLedger(distributorIds: string[], currency = 'CNY'): Promise<void> {
  for (const id of distributorIds) await expectBalanceMatchesLedger(id, currency)
}
