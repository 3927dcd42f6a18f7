import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { commissionsFor, lineBase, type PricedLine } from '../../../lib/domain/commission'
import { applyRefund, type EntryForRefund, type RefundRequest, type RefundState } from '../../../lib/domain/refund'
import { chain, defaultBps, isoAround, lines, ruleSet } from './arbitraries'

/** An order as ingestion stores it: lines with bases, and its commission entries (amount > 0). */
const order = fc.tuple(ruleSet, lines, chain, isoAround, defaultBps).map(([rs, ls, members, paidAt, bps]) => {
  const drafts = commissionsFor(ls, members, rs, paidAt, bps).filter((d) => d.amount > 0)
  return {
    lines: ls.map((l: PricedLine) => ({ sku: l.sku, qty: l.qty, base: lineBase(l) })),
    entries: drafts.map((d, i) => ({
      entryId: `e${i}`,
      distributorId: d.distributorId,
      amount: d.amount,
      uncapped: d.uncapped,
      lines: d.lines,
    })),
  }
})
type Order = typeof order extends fc.Arbitrary<infer T> ? T : never

/** Replays refunds the way the service does: state and reversed amounts carried from one to the next. */
class Ledger {
  state: RefundState = { qty: {}, amount: 0 }
  reversed: Record<string, number> = {}
  accepted = 0
  constructor(readonly o: Order) {}
  apply(refund: RefundRequest) {
    const entries: EntryForRefund[] = this.o.entries.map((e) => ({ ...e, reversed: this.reversed[e.entryId] ?? 0 }))
    const out = applyRefund(this.o.lines, entries, this.state, refund)
    if (!out.ok) return out
    for (const r of out.reversals) {
      expect(r.amount).toBeGreaterThan(0)
      this.reversed[r.entryId] = (this.reversed[r.entryId] ?? 0) + r.amount
    }
    this.state = out.state
    this.accepted++
    return out
  }
  /** Balance per distributor: earned minus reversed, as the ledger would sum it. */
  balances(): Map<string, number> {
    const out = new Map<string, number>()
    for (const e of this.o.entries)
      out.set(e.distributorId, (out.get(e.distributorId) ?? 0) + e.amount - (this.reversed[e.entryId] ?? 0))
    return out
  }
  expectWithinEarnings() {
    for (const e of this.o.entries) expect(this.reversed[e.entryId] ?? 0).toBeLessThanOrEqual(e.amount)
  }
  expectAllZero() {
    for (const [id, b] of this.balances()) expect(b, `balance of ${id}`).toBe(0)
  }
}

const orderBase = (o: Order) => o.lines.reduce((s, l) => s + l.base, 0)

/** A random refund against an order: some units of some lines, or an amount up to (and past) the total. */
const refundOf = (o: Order) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.nat({ max: o.lines.length - 1 }), fc.integer({ min: 1, max: 25 })), {
        minLength: 1,
        maxLength: 3,
      })
      .map((picks) => {
        const qty = new Map<string, number>()
        for (const [i, q] of picks) qty.set(o.lines[i]!.sku, (qty.get(o.lines[i]!.sku) ?? 0) + q)
        return { lines: [...qty].map(([sku, q]) => ({ sku, qty: q })) } as RefundRequest
      }),
    fc
      .integer({ min: 1, max: Math.max(1, Math.ceil(orderBase(o) * 1.2)) })
      .map((amount) => ({ amount }) as RefundRequest),
  )

const orderAndRefunds = order.chain((o) => fc.tuple(fc.constant(o), fc.array(refundOf(o), { maxLength: 8 })))

describe('applyRefund (property)', () => {
  it('reversals never exceed earnings, and nothing refunds more than was paid', () => {
    fc.assert(
      fc.property(orderAndRefunds, ([o, refunds]) => {
        const l = new Ledger(o)
        for (const r of refunds) {
          const before = JSON.stringify(l.state)
          const out = l.apply(r)
          if (!out.ok) expect(JSON.stringify(l.state)).toBe(before)
          l.expectWithinEarnings()
          // Refunded value (lines at their base share, plus amounts) stays within the order's total.
          const value = o.lines.reduce((s, x) => s + (x.base * (l.state.qty[x.sku] ?? 0)) / x.qty, 0) + l.state.amount
          expect(value).toBeLessThanOrEqual(orderBase(o) + 1e-6)
          for (const x of o.lines) expect(l.state.qty[x.sku] ?? 0).toBeLessThanOrEqual(x.qty)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('refunding every unit, in any steps, returns every balance to zero', () => {
    fc.assert(
      fc.property(
        order.chain((o) =>
          fc.tuple(
            fc.constant(o),
            fc.array(
              refundOf(o).filter((r) => 'lines' in r),
              { maxLength: 6 },
            ),
          ),
        ),
        ([o, partial]) => {
          const l = new Ledger(o)
          for (const r of partial) l.apply(r)
          const rest = o.lines
            .map((x) => ({ sku: x.sku, qty: x.qty - (l.state.qty[x.sku] ?? 0) }))
            .filter((x) => x.qty > 0)
          if (rest.length) expect(l.apply({ lines: rest }).ok).toBe(true)
          l.expectAllZero()
          // Nothing is left to refund.
          expect(l.apply({ lines: [{ sku: o.lines[0]!.sku, qty: 1 }] }).ok).toBe(false)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('refunding the whole amount, in any steps, returns every balance to zero', () => {
    fc.assert(
      fc.property(
        order
          .filter((o) => orderBase(o) > 0)
          .chain((o) =>
            fc.tuple(fc.constant(o), fc.array(fc.integer({ min: 1, max: orderBase(o) }), { maxLength: 6 })),
          ),
        ([o, amounts]) => {
          const l = new Ledger(o)
          for (const amount of amounts) l.apply({ amount })
          const rest = orderBase(o) - l.state.amount
          if (rest > 0) expect(l.apply({ amount: rest }).ok).toBe(true)
          l.expectAllZero()
          expect(l.apply({ amount: 1 }).ok).toBe(false)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('refunding some whole lines, then the rest of the money as an amount, returns every balance to zero', () => {
    fc.assert(
      fc.property(
        order
          .filter((o) => orderBase(o) > 0)
          .chain((o) => fc.tuple(fc.constant(o), fc.subarray(o.lines.map((x) => x.sku)))),
        ([o, skus]) => {
          const l = new Ledger(o)
          if (skus.length)
            expect(
              l.apply({ lines: skus.map((sku) => ({ sku, qty: o.lines.find((x) => x.sku === sku)!.qty })) }).ok,
            ).toBe(true)
          const rest = o.lines.filter((x) => !skus.includes(x.sku)).reduce((s, x) => s + x.base, 0)
          if (rest > 0) expect(l.apply({ amount: rest }).ok).toBe(true)
          l.expectAllZero()
        },
      ),
      { numRuns: 500 },
    )
  })

  it('names the field at fault', () => {
    const o = { lines: [{ sku: 'A', qty: 2, base: 1000 }], entries: [] }
    expect(applyRefund(o.lines, [], { qty: {}, amount: 0 }, { lines: [{ sku: 'Z', qty: 1 }] })).toMatchObject({
      ok: false,
      field: 'lines.0.sku',
    })
    expect(applyRefund(o.lines, [], { qty: { A: 1 }, amount: 0 }, { lines: [{ sku: 'A', qty: 2 }] })).toMatchObject({
      ok: false,
      field: 'lines.0.qty',
      issue: { reason: 'refund.qty_left', params: { left: 1, sku: 'A' } },
    })
    expect(applyRefund(o.lines, [], { qty: {}, amount: 600 }, { amount: 401 })).toMatchObject({
      ok: false,
      field: 'amount',
    })
    expect(applyRefund(o.lines, [], { qty: { A: 1 }, amount: 0 }, { amount: 501 })).toMatchObject({
      ok: false,
      field: 'amount',
    })
    // A free order (every line discounted to nothing) has no money to refund.
    expect(applyRefund([{ sku: 'A', qty: 1, base: 0 }], [], { qty: {}, amount: 0 }, { amount: 1 })).toMatchObject({
      ok: false,
      field: 'amount',
    })
  })
})
