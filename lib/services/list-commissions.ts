import {
  LEDGER_SHARDS,
  ledgerOfQuery,
  listBrandLedgerShard,
  listLedgerOf,
  type EntryStatus,
  type LedgerEntry,
} from '../db/ledger'
import { decodeCursor, encodeCursor, invalidCursor, startKeyOf, type Page } from '../db/items'
import { AppError } from '../errors'
import { MAX_REPORT_DAYS } from '../schemas/report'
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
    // The cursor is checked before the distributor is read: a forged one costs no read at all.
    startKeyOf(ledgerOfQuery(f.distributorId, f), f.cursor)
    await getDistributorOrThrow(brandId, f.distributorId, 'distributorId')
    return listLedgerOf(f.distributorId, f)
  }
  const scope = { list: 'commissions', brandId, status: f.status, from: f.from, to: f.to }
  const state = positionIn(decodeCursor(scope, f.cursor))
  // The first page fixes the range (to defaults to now), so later pages walk the same months.
  const to = state?.to ?? f.to ?? new Date().toISOString()
  const from = state?.from ?? f.from ?? `${to.slice(0, 7)}-01`
  checkRange(from, to)
  const months = monthsBetween(from, to)
  if (state && (state.m >= months.length || state.s >= LEDGER_SHARDS)) throw invalidCursor()
  const items: LedgerEntry[] = []
  let { m, s, c } = state ?? { m: 0, s: 0, c: undefined }
  for (let pages = 0; m < months.length && items.length < f.limit; pages++) {
    // Bounded work per request: after MAX_QUERY_PAGES reads, answer with what was found and where to go on.
    if (pages === MAX_QUERY_PAGES) break
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
  }
  return { items, nextCursor: m < months.length ? encodeCursor(scope, { m, s, c, from, to }) : undefined }
}

/** Query pages one brand-wide listing reads per request at most. */
export const MAX_QUERY_PAGES = 10

/** A brand-wide listing walks at most this many days of months (as reports, lib/schemas/report.ts). */
const MAX_LIST_DAYS = MAX_REPORT_DAYS

function checkRange(from: string, to: string): void {
  const days = (Date.parse(to.slice(0, 10)) - Date.parse(from.slice(0, 10))) / 86_400_000
  if (!(days <= MAX_LIST_DAYS)) {
    throw new AppError({
      code: 'invalid_input',
      message: `A listing covers at most ${MAX_LIST_DAYS} days.`,
      reason: 'date.list_too_long',
      params: { days: MAX_LIST_DAYS },
      fields: { from: { reason: 'date.list_too_long', params: { days: MAX_LIST_DAYS } } },
    })
  }
}

interface Position {
  m: number
  s: number
  c?: string
  from: string
  to: string
}

/** A decoded position, its fields checked even though signed: integers in range, strings where strings go. */
function positionIn(state: unknown): Position | undefined {
  if (state === undefined) return undefined
  const p = state as Partial<Position> | null
  const ok =
    !!p &&
    typeof p === 'object' &&
    Number.isSafeInteger(p.m) &&
    Number.isSafeInteger(p.s) &&
    (p.m as number) >= 0 &&
    (p.s as number) >= 0 &&
    (p.c === undefined || typeof p.c === 'string') &&
    typeof p.from === 'string' &&
    typeof p.to === 'string'
  if (!ok) throw invalidCursor()
  return p as Position
}
