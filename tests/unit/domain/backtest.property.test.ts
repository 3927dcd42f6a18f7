import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BacktestTally, replayOrder } from '../../../lib/domain/backtest'
import { decideRefund, type Order } from '../../../lib/domain/order'
import { NOW, orderAndSteps, ruleSet } from './arbitraries'

type Case = typeof orderAndSteps extends fc.Arbitrary<infer T> ? T : never

/** The order after every refund step that applies (settling steps do not change the order). */
function afterRefunds([{ order: first, entries }, steps]: Case): Order {
  let order = first
  steps.forEach((s, i) => {
    if (!('refund' in s)) return
    const d = decideRefund(order, entries, { refundId: `r${i}`, bodyHash: 'h', request: s.refund }, NOW)
    if (d.ok) order = d.order
  })
  return order
}

/** Sums by distributor, level and rule: the grain a commission entry has. */
const byEntry = (earned: { distributorId: string; level: number; ruleId: string; amount: number }[]) => {
  const sums = new Map<string, number>()
  for (const e of earned) {
    const key = `${e.distributorId}#${e.level}#${e.ruleId}`
    sums.set(key, (sums.get(key) ?? 0) + e.amount)
  }
  return Object.fromEntries([...sums].filter(([, v]) => v !== 0).sort())
}

describe('backtest replay (property)', () => {
  it('under the rules an order was paid by, the draft pays what was paid, refunds included', () => {
    fc.assert(
      fc.property(orderAndSteps, (x) => {
        const { rules, programme } = x[2]
        const order = afterRefunds(x)
        const replayed = replayOrder(order, rules, programme.defaultBps)
        expect(byEntry(replayed.draft)).toEqual(byEntry(replayed.actual))
        const tally = new BacktestTally()
        tally.add(replayed)
        const result = tally.result()
        expect(result.difference).toBe(0)
        expect(result.gainers).toEqual([])
        expect(result.losers).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('totals are the sums of the replayed orders, and every breakdown adds up to them', () => {
    fc.assert(
      fc.property(fc.array(orderAndSteps, { minLength: 1, maxLength: 5 }), ruleSet, (orders, draft) => {
        const tally = new BacktestTally()
        let actual = 0
        let drafted = 0
        for (const x of orders) {
          const replayed = replayOrder(afterRefunds(x), draft, x[2].programme.defaultBps)
          actual += replayed.actual.reduce((s, e) => s + e.amount, 0)
          drafted += replayed.draft.reduce((s, e) => s + e.amount, 0)
          tally.add(replayed)
        }
        const r = tally.result()
        expect(r.orders).toBe(orders.length)
        expect([r.actual.commission, r.draft.commission, r.difference]).toEqual([actual, drafted, drafted - actual])
        for (const breakdown of [r.byRing, r.byType, r.byLevel, r.byRule]) {
          expect(breakdown.reduce((s, p) => s + p.actual, 0)).toBe(actual)
          expect(breakdown.reduce((s, p) => s + p.draft, 0)).toBe(drafted)
        }
        for (const g of r.gainers) expect(g.difference).toBeGreaterThan(0)
        for (const l of r.losers) expect(l.difference).toBeLessThan(0)
      }),
      { numRuns: 100 },
    )
  })
})
