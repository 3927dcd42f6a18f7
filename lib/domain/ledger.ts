import { createHash } from 'node:crypto'
import type { CommissionDraft, LineCommission } from './commission'

export type EntryStatus = 'pending' | 'available' | 'settled' | 'paid'
export type EntryKind = 'commission' | 'reversal' | 'adjustment'

/** One ledger entry. Amounts are signed minor units: reversals and adjustments are negative. */
export interface LedgerEntry {
  entryId: string
  brandId: string
  distributorId: string
  orderId: string
  kind: EntryKind
  level: number
  ruleId: string
  ruleVersion: number
  bps?: number
  fixed?: number
  base: number
  amount: number
  currency: string
  status: EntryStatus
  /** When the entry happened: the order's payment for commissions, the refund for reversals. Orders the ledger. */
  at: string
  /** When the order was paid. */
  paidAt: string
  availableAt: string
  createdAt: string
  lines: LineCommission[]
  refundId?: string
  /** For a reversal or adjustment: the entry it reverses. */
  reverses?: string
  settlementId?: string
  /** When the entry became available: a close only takes entries available before it started. */
  availableSince?: string
  /** The distributor's ring and type when the order was paid: reports count commission there. */
  ring?: number
  type?: string
}

const DAY_MS = 86_400_000

/**
 * Deterministic ids make every retry of the same order or refund write the same entries.
 * @example entryIdFor('b1', 'o1', '1', 'programme') // always the same "e_…" id
 */
export const entryIdFor = (...parts: string[]): string =>
  `e_${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 20)}`

/** Where a new commission stands in its hold: when it becomes available, and whether it already is at `now`. */
export interface Hold {
  availableAt: string
  status: 'pending' | 'available'
  /** Set when the entry is available from the start. */
  availableSince?: string
}

/**
 * A commission is held for the programme's `holdDays` after payment: pending
 * until then, available once that instant has passed (an order that arrives
 * late may be available at once).
 * @example holdOf('2026-01-01T00:00:00.000Z', 7, new Date('2026-01-03T00:00:00.000Z')).status === 'pending'
 */
export function holdOf(paidAt: string, holdDays: number, now: Date): Hold {
  const availableAt = new Date(Date.parse(paidAt) + holdDays * DAY_MS).toISOString()
  return Date.parse(availableAt) <= now.getTime()
    ? { availableAt, status: 'available', availableSince: now.toISOString() }
    : { availableAt, status: 'pending' }
}

/** What a commission entry takes from its order. */
export interface EntryOrder {
  brandId: string
  orderId: string
  currency: string
  paidAt: string
}

/**
 * The ledger entries of an order's commission drafts, one per draft and in
 * the same order, all with the order's hold. Each records the ring and type its
 * distributor had when the order was paid (from `parties`), for reports.
 */
export function commissionEntries(
  drafts: readonly CommissionDraft[],
  order: EntryOrder,
  holdDays: number,
  parties: ReadonlyMap<string, { ring?: number; type?: string }>,
  now: Date,
): LedgerEntry[] {
  const hold = holdOf(order.paidAt, holdDays, now)
  return drafts.map((d) => ({
    entryId: entryIdFor(order.brandId, order.orderId, String(d.level), d.ruleId),
    brandId: order.brandId,
    distributorId: d.distributorId,
    orderId: order.orderId,
    kind: 'commission',
    level: d.level,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    bps: d.bps,
    fixed: d.fixed,
    base: d.lines.reduce((s, l) => s + l.base, 0),
    amount: d.amount,
    currency: order.currency,
    status: hold.status,
    at: order.paidAt,
    paidAt: order.paidAt,
    availableAt: hold.availableAt,
    availableSince: hold.availableSince,
    createdAt: now.toISOString(),
    lines: d.lines,
    ring: parties.get(d.distributorId)?.ring,
    type: parties.get(d.distributorId)?.type,
  }))
}

/**
 * The negative entry that takes `amount` back from a commission for a refund.
 * Before settlement it is a reversal with the commission's own status (so a
 * pending commission shrinks while held); once the commission is settled or
 * paid it is an adjustment, available at once, that the next settlement batch recovers.
 */
export function reversalOf(original: LedgerEntry, amount: number, refundId: string, now: Date): LedgerEntry {
  const settled = original.status === 'settled' || original.status === 'paid'
  return {
    ...original,
    entryId: entryIdFor(original.entryId, 'refund', refundId),
    kind: settled ? 'adjustment' : 'reversal',
    amount: -amount,
    status: settled ? 'available' : original.status,
    availableAt: settled ? now.toISOString() : original.availableAt,
    availableSince: settled || original.status === 'available' ? now.toISOString() : undefined,
    at: now.toISOString(),
    createdAt: now.toISOString(),
    refundId,
    reverses: original.entryId,
    settlementId: undefined,
    lines: [],
  }
}
