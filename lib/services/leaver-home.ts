import { type Balance, getBalance } from '../db/balances'
import { type LedgerEntry, listLedgerOf } from '../db/ledger'
import { listProducts } from '../db/products'
import type { Distributor } from '../schemas/distributor'
import { getBrandOrThrow } from './get-brand-or-throw'

export interface LeaverData {
  brandName: string
  name: string
  balance: Balance
  /** My latest entries not yet paid out, newest first. */
  unpaid: LedgerEntry[]
  productNames: Record<string, string>
}

const ENTRIES = 30

/** What a distributor who left still sees on /m: their balance until it is paid, and the unpaid entries behind it. */
export async function loadLeaverData(me: Distributor): Promise<LeaverData> {
  const brand = await getBrandOrThrow(me.brandId)
  const [balance, ledger, products] = await Promise.all([
    getBalance(me.id, brand.programme.currency),
    listLedgerOf(me.id, { limit: ENTRIES }),
    listProducts(me.brandId, { limit: 100 }),
  ])
  return {
    brandName: brand.name,
    name: me.name,
    balance,
    unpaid: ledger.items.filter((e) => e.status !== 'paid'),
    productNames: Object.fromEntries(products.items.map((p) => [p.sku, p.name])),
  }
}
