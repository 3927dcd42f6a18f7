import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineBase } from '../../../lib/domain/commission'
import type { LedgerEntry } from '../../../lib/domain/ledger'
import { decideRefund } from '../../../lib/domain/order'
import type { RefundRequest } from '../../../lib/domain/refund'
import type { RuleSet } from '../../../lib/domain/rule-resolution'
import { decided, NOW, orderAndSteps } from './arbitraries'

/** Every bps and every fixed amount a level may be paid by: the rules' and the programme's defaults. */
function maxRates(rules: RuleSet, defaultBps: readonly number[]) {
  const levels = rules.rules.flatMap((r) => r.levels)
  return {
    bps: Math.max(0, ...defaultBps, ...levels.flatMap((l) => ('bps' in l ? [l.bps] : []))),
    fixed: Math.max(0, ...levels.flatMap((l) => ('fixed' in l ? [l.fixed] : []))),
  }
}

describe('decideOrder (property)', () => {
  it('Σ entries ≤ Σ over lines and paid levels of the most any rate pays: base × max bps, or max fixed × qty', () => {
    fc.assert(
      fc.property(decided, ({ decision, rules, programme: p, lines: ls }) => {
        const max = maxRates(rules, p.defaultBps)
        const levelsPaid = decision.order.attribution.chain.length
        // In basis points of minor units (× 10000), so the bound is exact integers.
        const bound = ls.reduce(
          (s, l) => s + levelsPaid * Math.max(lineBase(l) * max.bps, max.fixed * l.qty * 10000),
          0,
        )
        const earned = decision.entries.reduce((s, e) => s + e.amount, 0)
        expect(earned * 10000).toBeLessThanOrEqual(bound)
        expect(levelsPaid).toBeLessThanOrEqual(p.maxLevels)
      }),
      { numRuns: 200 },
    )
  })

  it('each line of an entry earns at most base × the rule’s bps, or its fixed × qty capped at its base; an entry at most its lines', () => {
    fc.assert(
      fc.property(decided, ({ decision }) => {
        for (const e of decision.entries) {
          expect(e.amount).toBeGreaterThan(0)
          expect(e.amount).toBeLessThanOrEqual(e.lines.reduce((s, l) => s + l.amount, 0))
          for (const l of e.lines) {
            if (e.bps !== undefined) expect(l.amount * 10000).toBeLessThanOrEqual(l.base * e.bps)
            else expect(l.amount).toBe(Math.min((e.fixed ?? 0) * l.qty, l.base))
            expect(l.amount).toBeLessThanOrEqual(l.base)
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('the order remembers exactly its entries, its total is Σ line bases, and nobody uncredited is paid', () => {
    fc.assert(
      fc.property(decided, ({ decision, credited, upline: up, paidAt, programme: p }) => {
        const { order, entries } = decision
        expect(order.total).toBe(order.lines.reduce((s, l) => s + l.base, 0))
        expect(order.commissions.map((c) => [c.entryId, c.amount, c.status])).toEqual(
          entries.map((e) => [e.entryId, e.amount, e.status]),
        )
        expect(new Set(entries.map((e) => e.entryId)).size).toBe(entries.length)
        if (!credited) expect(entries).toEqual([])
        for (const e of entries) {
          expect(up.get(e.distributorId)?.status).toBe('active')
          expect(e.status).toBe(Date.parse(paidAt) + p.holdDays * 86_400_000 <= NOW.getTime() ? 'available' : 'pending')
        }
        expect(decision.binding === null).toBe(!credited)
      }),
      { numRuns: 200 },
    )
  })
})

describe('decideRefund (property)', () => {
  it('reversals never exceed what was earned, for any sequence of partial refunds, before or after settlement', () => {
    fc.assert(
      fc.property(orderAndSteps, ([{ order: first, entries: earned }, steps]) => {
        let order = first
        let ledger: LedgerEntry[] = earned
        const taken = new Map<string, number>()
        let refunded = 0
        steps.forEach((s, i) => {
          if ('settle' in s) {
            ledger = ledger.map((e) => (s.settle.includes(e.entryId) ? { ...e, status: s.status } : e))
            return
          }
          const d = decideRefund(order, ledger, { refundId: `r${i}`, bodyHash: 'h', request: s.refund }, NOW)
          if (!d.ok) return
          for (const r of d.reversals) {
            const original = ledger.find((e) => e.entryId === r.reverses)!
            const settled = original.status === 'settled' || original.status === 'paid'
            expect(r.amount).toBeLessThan(0)
            expect(r.kind).toBe(settled ? 'adjustment' : 'reversal')
            expect(r.status).toBe(settled ? 'available' : original.status)
            taken.set(original.entryId, (taken.get(original.entryId) ?? 0) - r.amount)
          }
          expect(d.checks.map((c) => c.entryId)).toEqual(d.reversals.map((r) => r.reverses))
          refunded += d.refund.base ?? 0
          order = d.order
        })
        for (const e of earned) {
          expect(taken.get(e.entryId) ?? 0).toBeLessThanOrEqual(e.amount)
          expect(order.reversed[e.entryId] ?? 0).toBe(taken.get(e.entryId) ?? 0)
        }
        expect(refunded).toBeLessThanOrEqual(order.total)
      }),
      { numRuns: 200 },
    )
  })

  it('refunding the units left after any line refunds reverses every commission in full', () => {
    fc.assert(
      fc.property(orderAndSteps, ([{ order: first, entries: earned }, steps]) => {
        let order = first
        const taken = new Map<string, number>()
        const apply = (request: RefundRequest, refundId: string) => {
          const d = decideRefund(order, earned, { refundId, bodyHash: 'h', request }, NOW)
          if (!d.ok) return false
          for (const r of d.reversals) taken.set(r.reverses!, (taken.get(r.reverses!) ?? 0) - r.amount)
          order = d.order
          return true
        }
        steps.forEach((s, i) => 'refund' in s && 'lines' in s.refund && apply(s.refund, `r${i}`))
        const rest = order.lines
          .map((l) => ({ sku: l.sku, qty: l.qty - (order.refunds.qty[l.sku] ?? 0) }))
          .filter((l) => l.qty > 0)
        if (rest.length) expect(apply({ lines: rest }, 'rest')).toBe(true)
        for (const e of earned) expect(taken.get(e.entryId) ?? 0).toBe(e.amount)
        expect(apply({ lines: [{ sku: order.lines[0]!.sku, qty: 1 }] }, 'more')).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
