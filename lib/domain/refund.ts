import type { LineCommission } from './commission'

/** What has been refunded of an order so far. */
/** Why a refund is refused: a message code of lib/i18n/messages.ts and its parameters. */
export interface RefundIssue {
  reason: 'refund.sku_not_in_order' | 'refund.qty_left' | 'refund.over_paid'
  params?: Record<string, string | number>
}

export interface RefundState {
  /** Units refunded per SKU. */
  qty: Record<string, number>
  /** Amount refunded without lines, minor units. */
  amount: number
}

export interface OrderLineBase {
  sku: string
  qty: number
  base: number
}

export interface EntryForRefund {
  entryId: string
  amount: number
  uncapped: number
  lines: LineCommission[]
  /** Already reversed by earlier refunds. */
  reversed: number
}

export type RefundRequest = { lines: Array<{ sku: string; qty: number }> } | { amount: number }

export type RefundOutcome =
  | { ok: true; state: RefundState; reversals: Array<{ entryId: string; amount: number }> }
  | { ok: false; field: string; issue: RefundIssue }

/** A non-negative fraction n/d in exact integers. */
type Fraction = { n: bigint; d: bigint }
const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d })
const ZERO: Fraction = { n: 0n, d: 1n }

/** Share of the order refunded, for a weighting of its lines: Σ weight × refundedQty/qty / Σ weight + amount/total. */
function refundedShare(
  lines: ReadonlyArray<{ sku: string; qty: number; weight: number }>,
  state: RefundState,
  orderBase: number,
): Fraction {
  const total = lines.reduce((s, l) => s + l.weight, 0)
  let share = ZERO
  if (total > 0) {
    for (const l of lines)
      share = add(share, { n: BigInt(l.weight) * BigInt(state.qty[l.sku] ?? 0), d: BigInt(l.qty) * BigInt(total) })
  }
  if (orderBase > 0 && state.amount > 0) share = add(share, { n: BigInt(state.amount), d: BigInt(orderBase) })
  return share
}

/**
 * The base amount refunded so far: each line's base × refunded qty / qty
 * (rounded down), plus refunded amounts, never more than the order's base. The
 * difference before and after a refund is what that refund takes off GMV, and a
 * full refund takes off exactly the order's base.
 * @example refundedBase([{ sku: 'A', qty: 3, base: 1000 }], { qty: { A: 1 }, amount: 0 }) === 333
 */
export function refundedBase(orderLines: readonly OrderLineBase[], state: RefundState): number {
  const total = orderLines.reduce((s, l) => s + l.base, 0)
  let refunded = state.amount
  for (const l of orderLines) {
    const qty = Math.min(l.qty, state.qty[l.sku] ?? 0)
    if (l.qty > 0) refunded += Number((BigInt(l.base) * BigInt(qty)) / BigInt(l.qty))
  }
  return Math.min(total, refunded)
}

/**
 * Applies a refund to an order's commission entries, pro rata and exactly:
 * each entry's total reversal is floor(amount × refunded share), so it never
 * exceeds what was earned, and refunding everything reverses everything. Returns
 * the new refund state and what each entry reverses now, or the field at fault.
 */
export function applyRefund(
  orderLines: readonly OrderLineBase[],
  entries: readonly EntryForRefund[],
  before: RefundState,
  refund: RefundRequest,
): RefundOutcome {
  const state: RefundState = { qty: { ...before.qty }, amount: before.amount }
  const orderBase = orderLines.reduce((s, l) => s + l.base, 0)
  if ('lines' in refund) {
    for (const [i, r] of refund.lines.entries()) {
      const line = orderLines.find((l) => l.sku === r.sku)
      if (!line)
        return {
          ok: false,
          field: `lines.${i}.sku`,
          issue: { reason: 'refund.sku_not_in_order', params: { sku: r.sku } },
        }
      state.qty[r.sku] = (state.qty[r.sku] ?? 0) + r.qty
      if ((state.qty[r.sku] ?? 0) > line.qty)
        return {
          ok: false,
          field: `lines.${i}.qty`,
          issue: { reason: 'refund.qty_left', params: { left: line.qty - (before.qty[r.sku] ?? 0), sku: r.sku } },
        }
    }
  } else {
    state.amount += refund.amount
    // The share below only counts amounts against a non-zero total: a free order refunds no money.
    if (state.amount > orderBase) return { ok: false, field: 'amount', issue: { reason: 'refund.over_paid' } }
  }
  const paid = refundedShare(
    orderLines.map((l) => ({ ...l, weight: l.base })),
    state,
    orderBase,
  )
  if (paid.n > paid.d)
    return {
      ok: false,
      field: 'lines' in refund ? 'lines' : 'amount',
      issue: { reason: 'refund.over_paid' },
    }
  // Once everything paid is refunded, every commission is reversed in full, however
  // the refunds were split: lines weigh by base for the order but by commission for
  // an entry, so a mix of line and amount refunds can total 1 for the order and less for an entry.
  const all = paid.n === paid.d
  const reversals = entries
    .map((e) => {
      const share = refundedShare(
        e.lines.map((l) => ({ sku: l.sku, qty: l.qty, weight: l.amount })),
        state,
        orderBase,
      )
      const capped = all || share.n > share.d ? { n: 1n, d: 1n } : share
      const total = Number((BigInt(e.amount) * capped.n) / capped.d)
      return { entryId: e.entryId, amount: Math.max(0, Math.min(e.amount, total) - e.reversed) }
    })
    .filter((r) => r.amount > 0)
  return { ok: true, state, reversals }
}
