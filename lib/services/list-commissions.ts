import { LEDGER_SHARDS, listBrandLedgerShard, listLedgerOf, type EntryStatus, type LedgerEntry } from '../db/ledger'
import { decodeCursor, encodeCursor, type Page } from '../db/items'
import { getDistributorOrThrow } from './distributor-or-throw'
import { getOrderOrThrow } from './get-order-or-throw'

export interface CommissionFilter {
  distributorId?: string
  status?: EntryStatus
  orderId?: string
  from?: string
  to?: string
  cursor?: string
  limit: number
}

/** Months from `from` to `to`, newest first: the brand ledger index is partitioned by month. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = to.slice(0, 7); m >= from.slice(0, 7); ) {
    months.push(m)
    const [y, mm] = m.split('-').map(Number) as [number, number]
    m = mm === 1 ? `${y - 1}-12` : `${y}-${String(mm - 1).padStart(2, '0')}`
  }
  return months
}

/**
 * Ledger entries for the console and exports, filtered as asked. By order: the
 * paid distributors' ledgers; by distributor: one Query; brand-wide: the month
 * partitions of the brand index, shard after shard, behind one opaque cursor.
 */
export async function listCommissions(brandId: string, f: CommissionFilter): Promise<Page<LedgerEntry>> {
  if (f.orderId) {
    const order = await getOrderOrThrow(brandId, f.orderId)
    const ids = [...new Set(order.commissions.map((c) => c.distributorId))].filter(
      (id) => !f.distributorId || id === f.distributorId,
    )
    const pages = await Promise.all(ids.map((id) => listLedgerOf(id, { status: f.status, limit: 1000 })))
    return { items: pages.flatMap((p) => p.items).filter((e) => e.orderId === f.orderId) }
  }
  if (f.distributorId) {
    await getDistributorOrThrow(brandId, f.distributorId, 'distributorId')
    return listLedgerOf(f.distributorId, f)
  }
  const to = f.to ?? new Date().toISOString()
  const from = f.from ?? `${to.slice(0, 7)}-01`
  const months = monthsBetween(from, to)
  const state = (decodeCursor(f.cursor) as { m?: number; s?: number; c?: string } | undefined) ?? {}
  const items: LedgerEntry[] = []
  for (let m = state.m ?? 0, s = state.s ?? 0, c = state.c; m < months.length; ) {
    const page = await listBrandLedgerShard(brandId, months[m] as string, s, {
      status: f.status,
      from,
      to,
      cursor: c,
      limit: f.limit - items.length,
    })
    items.push(...page.items)
    c = page.nextCursor
    if (!c) {
      s++
      if (s === LEDGER_SHARDS) [m, s] = [m + 1, 0]
    }
    if (items.length >= f.limit) return { items, nextCursor: m < months.length ? encodeCursor({ m, s, c }) : undefined }
  }
  return { items }
}
