import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commissionsFor } from '../../../lib/domain/commission'
import { commissionEntries, holdOf, type LedgerEntry, reversalOf } from '../../../lib/domain/ledger'
import { chain, defaultBps, isoAround, lines, ruleSet } from './arbitraries'

const DAY = 86_400_000

/** A commission entry in any status, as a refund may find it. */
const entry = fc
  .record({
    amount: fc.integer({ min: 1, max: 1_000_000 }),
    status: fc.constantFrom<LedgerEntry['status']>('pending', 'available', 'settled', 'paid'),
    paidAt: isoAround,
    settlementId: fc.option(fc.constant('st_2026-01'), { nil: undefined }),
  })
  .map(
    (e): LedgerEntry => ({
      entryId: 'e_1',
      brandId: 'b1',
      distributorId: 'd1',
      orderId: 'o1',
      kind: 'commission',
      level: 1,
      ruleId: 'programme',
      ruleVersion: 0,
      bps: 1000,
      base: e.amount * 10,
      amount: e.amount,
      currency: 'CNY',
      status: e.status,
      at: e.paidAt,
      paidAt: e.paidAt,
      availableAt: new Date(Date.parse(e.paidAt) + 7 * DAY).toISOString(),
      createdAt: e.paidAt,
      lines: [{ sku: 'A', qty: 1, base: e.amount * 10, amount: e.amount }],
      settlementId: e.settlementId,
    }),
  )

describe('holdOf (property)', () => {
  it('is pending until paidAt + holdDays, available from that instant on, and says since when', () => {
    fc.assert(
      fc.property(isoAround, fc.integer({ min: 0, max: 365 }), isoAround, (paidAt, holdDays, now) => {
        const hold = holdOf(paidAt, holdDays, new Date(now))
        const due = Date.parse(paidAt) + holdDays * DAY
        expect(Date.parse(hold.availableAt)).toBe(due)
        expect(hold.status).toBe(due <= Date.parse(now) ? 'available' : 'pending')
        expect(hold.availableSince).toBe(hold.status === 'available' ? now : undefined)
      }),
    )
  })
})

describe('commissionEntries (property)', () => {
  it('one entry per draft with its amount, distinct deterministic ids, and the order’s hold', () => {
    fc.assert(
      fc.property(
        ruleSet,
        lines,
        chain,
        isoAround,
        defaultBps,
        fc.integer({ min: 0, max: 30 }),
        (rs, ls, members, paidAt, bps, holdDays) => {
          const drafts = commissionsFor(ls, members, rs, paidAt, bps)
          const order = { brandId: 'b1', orderId: 'o1', currency: 'CNY', paidAt }
          const now = new Date('2026-01-20T00:00:00.000Z')
          const entries = commissionEntries(drafts, order, holdDays, new Map(), now)
          expect(entries.map((e) => [e.distributorId, e.level, e.ruleId, e.amount])).toEqual(
            drafts.map((d) => [d.distributorId, d.level, d.ruleId, d.amount]),
          )
          expect(new Set(entries.map((e) => e.entryId)).size).toBe(entries.length)
          expect(commissionEntries(drafts, order, holdDays, new Map(), now)).toEqual(entries)
          const hold = holdOf(paidAt, holdDays, now)
          for (const e of entries) {
            expect([e.kind, e.status, e.availableAt, e.at]).toEqual([
              'commission',
              hold.status,
              hold.availableAt,
              paidAt,
            ])
            expect(e.base).toBe(e.lines.reduce((s, l) => s + l.base, 0))
          }
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('reversalOf (property)', () => {
  it('takes back exactly the amount, as a reversal in the same status before settlement, an available adjustment after', () => {
    fc.assert(
      fc.property(
        entry.chain((e) => fc.tuple(fc.constant(e), fc.integer({ min: 1, max: e.amount }))),
        isoAround,
        ([original, amount], now) => {
          const r = reversalOf(original, amount, 'r1', new Date(now))
          const settled = original.status === 'settled' || original.status === 'paid'
          expect(r.amount).toBe(-amount)
          expect(original.amount + r.amount).toBeGreaterThanOrEqual(0)
          expect(r.kind).toBe(settled ? 'adjustment' : 'reversal')
          expect(r.status).toBe(settled ? 'available' : original.status)
          expect(r.availableAt).toBe(settled ? now : original.availableAt)
          expect(r.availableSince).toBe(r.status === 'available' ? now : undefined)
          expect([r.reverses, r.refundId, r.settlementId, r.at, r.lines]).toEqual([
            original.entryId,
            'r1',
            undefined,
            now,
            [],
          ])
          expect([r.distributorId, r.currency, r.level, r.ruleId]).toEqual([
            original.distributorId,
            original.currency,
            original.level,
            original.ruleId,
          ])
          expect(r.entryId).not.toBe(original.entryId)
          expect(reversalOf(original, amount, 'r2', new Date(now)).entryId).not.toBe(r.entryId)
          expect(reversalOf(original, amount, 'r1', new Date(now)).entryId).toBe(r.entryId)
        },
      ),
    )
  })
})
