import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  addToTally,
  batchTotals,
  linesFrom,
  mergeTallies,
  moveChunks,
  movedLines,
  periodEnd,
  takenByClose,
  type Tally,
} from '../../../lib/domain/settlement'

const entry = fc.record({
  distributorId: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5'),
  amount: fc.integer({ min: -50_000, max: 200_000 }),
})
const threshold = fc.integer({ min: 0, max: 100_000 })

function tallyOf(entries: Array<{ distributorId: string; amount: number }>): Tally {
  const t: Tally = new Map()
  for (const e of entries) addToTally(t, e)
  return t
}

describe('settlement lines (property)', () => {
  it('each line: gross = sum of positive entries, reversals = sum of negative, net = sum of all, count = entries', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), threshold, (entries, th) => {
        for (const l of linesFrom(tallyOf(entries), th)) {
          const mine = entries.filter((e) => e.distributorId === l.distributorId)
          expect(l.gross).toBe(mine.filter((e) => e.amount >= 0).reduce((s, e) => s + e.amount, 0))
          expect(l.reversals).toBe(mine.filter((e) => e.amount < 0).reduce((s, e) => s + e.amount, 0))
          expect(l.net).toBe(mine.reduce((s, e) => s + e.amount, 0))
          expect(l.entries).toBe(mine.length)
        }
      }),
    )
  })

  it('carries forward exactly the negative nets and those below the threshold (or zero), with the reason', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), threshold, (entries, th) => {
        for (const l of linesFrom(tallyOf(entries), th)) {
          const expected = l.net < 0 ? 'negative' : l.net < th || l.net === 0 ? 'below_threshold' : undefined
          expect(l.reason).toBe(expected)
          expect(l.carriedForward).toBe(expected !== undefined)
          if (!l.carriedForward) expect(l.net).toBeGreaterThanOrEqual(Math.max(th, 1))
        }
      }),
    )
  })

  it('batch totals are the settled lines only, and settled + carried nets add up to every entry', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), threshold, (entries, th) => {
        const lines = linesFrom(tallyOf(entries), th)
        const t = batchTotals(lines)
        const carriedNet = lines.filter((l) => l.carriedForward).reduce((s, l) => s + l.net, 0)
        expect(t.net + carriedNet).toBe(entries.reduce((s, e) => s + e.amount, 0))
        expect(t.gross + t.reversals).toBe(t.net)
        expect(t.distributors + t.carriedForward).toBe(lines.length)
        expect(lines.map((l) => l.distributorId)).toEqual([...lines.map((l) => l.distributorId)].sort())
      }),
    )
  })

  it('the order entries arrive in does not change the lines (shards tally in any order)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 100 }), threshold, fc.integer(), (entries, th, seed) => {
        const shuffled = [...entries].sort((a, b) => ((a.amount * 31 + seed) % 7) - ((b.amount * 31 + seed) % 7))
        expect(linesFrom(tallyOf(shuffled), th)).toEqual(linesFrom(tallyOf(entries), th))
      }),
    )
  })
})

/** A tally as comparable data: its distributors sorted. */
const sorted = (t: Tally) => [...t].sort(([a], [b]) => (a < b ? -1 : 1))
const tally = fc.array(entry, { maxLength: 40 }).map(tallyOf)

describe('mergeTallies (property)', () => {
  it('is associative: shards merge in any grouping', () => {
    fc.assert(
      fc.property(tally, tally, tally, (a, b, c) => {
        expect(sorted(mergeTallies(mergeTallies(a, b), c))).toEqual(sorted(mergeTallies(a, mergeTallies(b, c))))
      }),
    )
  })

  it('is order-independent (commutative), with the empty tally as identity, and changes neither input', () => {
    fc.assert(
      fc.property(tally, tally, (a, b) => {
        const before = [sorted(a), sorted(b)].map((t) => JSON.stringify(t))
        expect(sorted(mergeTallies(a, b))).toEqual(sorted(mergeTallies(b, a)))
        expect(sorted(mergeTallies(a, new Map()))).toEqual(sorted(a))
        expect([sorted(a), sorted(b)].map((t) => JSON.stringify(t))).toEqual(before)
      }),
    )
  })

  it('merging the tallies of any split of the entries, in any order, equals tallying them all at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(entry, fc.nat({ max: 7 })), { maxLength: 200 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }),
        (placed, order) => {
          const shards = Array.from({ length: 8 }, (_, i) => tallyOf(placed.filter(([, s]) => s === i).map(([e]) => e)))
          const merged = order.map((i) => shards[i]!).reduce(mergeTallies, new Map())
          expect(sorted(merged)).toEqual(sorted(tallyOf(placed.map(([e]) => e))))
        },
      ),
    )
  })
})

describe('periods and what a close takes', () => {
  it('ends a month at the next month’s first instant, a range the day after `to`', () => {
    expect(periodEnd({ period: '2026-10' }).end).toBe('2026-11-01T00:00:00.000Z')
    expect(periodEnd({ period: '2026-12' }).end).toBe('2027-01-01T00:00:00.000Z')
    expect(periodEnd({ from: '2026-10-01', to: '2026-10-15' })).toMatchObject({
      id: '2026-10-01_2026-10-15',
      end: '2026-10-16T00:00:00.000Z',
    })
  })

  it('ends a month and a range at local midnight in the brand’s zone', () => {
    expect(periodEnd({ period: '2026-11' }, 'Asia/Shanghai').end).toBe('2026-11-30T16:00:00.000Z')
    expect(periodEnd({ from: '2026-03-01', to: '2026-03-07' }, 'America/New_York').end).toBe('2026-03-08T05:00:00.000Z')
    expect(periodEnd({ from: '2026-03-01', to: '2026-03-08' }, 'America/New_York').end).toBe('2026-03-09T04:00:00.000Z')
  })

  const end = '2026-11-01T00:00:00.000Z'
  const started = '2026-11-03T00:00:00.000Z'
  const base = {
    kind: 'commission',
    amount: 100,
    createdAt: '2026-10-01T00:00:00.000Z',
    availableSince: '2026-10-02T00:00:00.000Z',
  }
  it('takes entries available by the period end, and negative adjustments of any date', () => {
    expect(takenByClose({ ...base, availableAt: '2026-10-31T23:59:59.999Z' }, end, started)).toBe(true)
    expect(takenByClose({ ...base, availableAt: end }, end, started)).toBe(false)
    expect(
      takenByClose(
        {
          ...base,
          kind: 'adjustment',
          amount: -50,
          availableAt: '2026-11-02T00:00:00.000Z',
          availableSince: '2026-11-02T00:00:00.000Z',
        },
        end,
        started,
      ),
    ).toBe(true)
  })
  it('leaves what became available after the close began for the next batch', () => {
    expect(
      takenByClose(
        { ...base, availableAt: '2026-10-20T00:00:00.000Z', availableSince: '2026-11-04T00:00:00.000Z' },
        end,
        started,
      ),
    ).toBe(false)
    expect(
      takenByClose(
        {
          ...base,
          kind: 'adjustment',
          amount: -50,
          availableAt: '2026-11-04T00:00:00.000Z',
          availableSince: '2026-11-04T00:00:00.000Z',
        },
        end,
        started,
      ),
    ).toBe(false)
  })
})

describe('moveChunks (property)', () => {
  it('keeps every entry once, and each chunk within the transaction limit counting balances and the batch', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ distributorId: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), n: fc.nat() }),
          { maxLength: 600 },
        ),
        fc.integer({ min: 4, max: 100 }),
        (entries, max) => {
          const chunks = moveChunks(entries, max)
          expect(chunks.flat().length).toBe(entries.length)
          expect(new Set(chunks.flat())).toEqual(new Set(entries))
          for (const c of chunks) {
            expect(c.length).toBeGreaterThan(0)
            expect(c.length + new Set(c.map((e) => e.distributorId)).size + 1).toBeLessThanOrEqual(max)
          }
        },
      ),
    )
  })
})

describe('movedLines (property)', () => {
  it("restates a batch to its movement: totals = Σ moved entries, the plan's carried lines kept", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 100 }),
        fc.array(fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6'), { maxLength: 6 }),
        (moved, planned) => {
          const carried = linesFrom(tallyOf([{ distributorId: 'd9', amount: 10 }]), 100)
          const lines = movedLines(tallyOf(moved), carried, planned)
          const totals = batchTotals(lines)
          expect(totals.net).toBe(moved.reduce((s, e) => s + e.amount, 0))
          expect(totals.entries).toBe(moved.length)
          expect(totals.distributors).toBe(new Set(moved.map((e) => e.distributorId)).size)
          expect(lines.find((l) => l.distributorId === 'd9')).toEqual(carried[0])
          for (const l of lines.filter((x) => x.carriedForward))
            expect(l.distributorId === 'd9' || l.net === 0).toBe(true)
          const ids = lines.map((l) => l.distributorId)
          expect(ids).toEqual([...new Set(ids)].sort())
        },
      ),
    )
  })
})
