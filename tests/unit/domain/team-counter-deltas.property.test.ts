import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { counterDeltas, TEAM_FIELDS, type CounterDelta, type TableChange } from '../../../lib/domain/counter-deltas'
import { MAX_ANCESTORS } from '../../../lib/domain/ring'
import { isoAround } from './arbitraries'

/**
 * Team counters: what everyone below a distributor did. The reference here is
 * the tree itself (parent pointers), not the `ancestors` lists the events carry:
 * a team's figures must equal the sum of its members' own figures.
 */

const BRAND = 'b_1'
/** A forest as parent pointers: parents[i] is i's recruiter (always < i) or null for a root. */
type Forest = Array<number | null>
const idOf = (i: number) => `d_${i}`

/** Ancestors by walking the tree, nearest first, capped as placementUnder caps them. */
const ancestorsOf = (parents: Forest, i: number): number[] => {
  const out: number[] = []
  for (let p = parents[i]; p !== null && p !== undefined && out.length < MAX_ANCESTORS; p = parents[p]) out.push(p)
  return out
}

/** Random forests, bushy or chain-like (chains go past the 10-level cap). */
const forest = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 16 })
  .chain((choices) =>
    fc
      .boolean()
      .map((chainy) =>
        choices.map(([pick, root], i): number | null => (i === 0 || root === 0 ? null : chainy ? i - 1 : pick % i)),
      ),
  )

type Event =
  | { kind: 'click'; who: number; at: string }
  | { kind: 'order'; who: number | null; at: string; total: number }
  | { kind: 'refund'; who: number | null; at: string; base: number }
  | { kind: 'join'; who: number; at: string }

const event = (n: number): fc.Arbitrary<Event> => {
  const who = fc.nat({ max: n - 1 })
  return fc.oneof(
    fc.record({ kind: fc.constant('click' as const), who, at: isoAround }),
    fc.record({
      kind: fc.constant('order' as const),
      who: fc.option(who, { nil: null }),
      at: isoAround,
      total: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    fc.record({
      kind: fc.constant('refund' as const),
      who: fc.option(who, { nil: null }),
      at: isoAround,
      base: fc.integer({ min: 0, max: 1_000_000 }),
    }),
    fc.record({ kind: fc.constant('join' as const), who, at: isoAround }),
  )
}

const world = forest.chain((parents) =>
  fc.tuple(fc.constant(parents), fc.array(event(parents.length), { maxLength: 50 })),
)

/** The stream record each event's item would make, carrying ancestors as the app stores them. */
function changeOf(parents: Forest, e: Event): TableChange {
  const credit = (who: number | null) =>
    who === null
      ? { distributorId: null, ring: 0, type: 'none', firstOrderOfCustomer: false, referredCustomer: false }
      : {
          distributorId: idOf(who),
          ring: 2,
          type: 'member',
          firstOrderOfCustomer: false,
          referredCustomer: false,
          ancestors: ancestorsOf(parents, who).map(idOf),
        }
  switch (e.kind) {
    case 'click':
      return {
        eventName: 'INSERT',
        newImage: {
          entity: 'click',
          code: 'Link0001',
          brandId: BRAND,
          distributorId: idOf(e.who),
          ring: 2,
          type: 'member',
          at: e.at,
          ancestors: ancestorsOf(parents, e.who).map(idOf),
        },
      }
    case 'order':
      return {
        eventName: 'INSERT',
        newImage: { entity: 'order', brandId: BRAND, paidAt: e.at, total: e.total, reporting: credit(e.who) },
      }
    case 'refund':
      return {
        eventName: 'INSERT',
        newImage: { entity: 'refund', brandId: BRAND, paidAt: e.at, base: e.base, reporting: credit(e.who) },
      }
    case 'join': {
      const parent = parents[e.who] ?? null
      const recruiter = parent === null ? {} : { parentId: idOf(parent), recruiter: { ring: 2, type: 'member' } }
      return {
        eventName: 'INSERT',
        newImage: {
          entity: 'distributor',
          id: idOf(e.who),
          brandId: BRAND,
          ring: 2,
          type: 'member',
          status: 'active',
          joinedAt: e.at,
          ancestors: ancestorsOf(parents, e.who).map(idOf),
          ...recruiter,
        },
      }
    }
  }
}

type Sums = Record<string, number>
/** Sums one counter's deltas per `distributorId|day`. */
function sumsOf(deltas: CounterDelta[], counter: 'teamDay' | 'distributorDay'): Map<string, Sums> {
  const out = new Map<string, Sums>()
  for (const d of deltas) {
    if (d.counter !== counter) continue
    const key = `${d.distributorId}|${d.day}`
    const s = out.get(key) ?? {}
    for (const [f, n] of Object.entries(d.add as Sums)) s[f] = (s[f] ?? 0) + n
    out.set(key, s)
  }
  return out
}

describe('team counter deltas', () => {
  it("a team's clicks, orders and GMV each day are the sum of its members' own, over every descendant within reach", () => {
    fc.assert(
      fc.property(world, ([parents, events]) => {
        const deltas = counterDeltas(events.map((e) => changeOf(parents, e)))
        const team = sumsOf(deltas, 'teamDay')
        const own = sumsOf(deltas, 'distributorDay')
        const days = new Set(events.map((e) => e.at.slice(0, 10)))
        parents.forEach((_, a) => {
          const members = parents.map((__, d) => d).filter((d) => ancestorsOf(parents, d).includes(a))
          for (const day of days) {
            const mine = team.get(`${idOf(a)}|${day}`) ?? {}
            for (const f of ['clicks', 'orders', 'gmv'] as const) {
              const expected = members.reduce((n, d) => n + (own.get(`${idOf(d)}|${day}`)?.[f] ?? 0), 0)
              expect(mine[f] ?? 0).toBe(expected)
            }
            const joined = events.filter(
              (e) => e.kind === 'join' && e.at.slice(0, 10) === day && members.includes(e.who),
            ).length
            expect(mine.newMembers ?? 0).toBe(joined)
          }
        })
      }),
    )
  })

  it('writes at most one delta per team and day, only known fields, and nothing for an unattributed order', () => {
    fc.assert(
      fc.property(world, ([parents, events]) => {
        const deltas = counterDeltas(events.map((e) => changeOf(parents, e))).filter((d) => d.counter === 'teamDay')
        const keys = deltas.map((d) => (d.counter === 'teamDay' ? `${d.distributorId}|${d.day}` : ''))
        expect(new Set(keys).size).toBe(keys.length)
        for (const d of deltas) for (const f of Object.keys(d.add)) expect(TEAM_FIELDS).toContain(f)
        // Each order adds to as many teams as its credited distributor has ancestors: at most MAX_ANCESTORS.
        const orders = events
          .filter((e) => e.kind === 'order' && e.who !== null)
          .reduce((n, e) => n + ancestorsOf(parents, e.who as number).length, 0)
        expect(deltas.reduce((n, d) => n + ((d.add as Sums).orders ?? 0), 0)).toBe(orders)
      }),
    )
  })

  it('gives the same deltas for the same batch in any order', () => {
    fc.assert(
      fc.property(
        world.chain(([parents, events]) =>
          fc.tuple(
            fc.constant(parents),
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([parents, events, shuffled]) => {
          expect(counterDeltas(shuffled.map((e) => changeOf(parents, e)))).toEqual(
            counterDeltas(events.map((e) => changeOf(parents, e))),
          )
        },
      ),
    )
  })

  it('lowers the GMV of the order day for a refund, and reads stored ancestor lists defensively', () => {
    const reporting = {
      distributorId: 'd_3',
      ring: 3,
      type: 'guide',
      firstOrderOfCustomer: false,
      referredCustomer: false,
      ancestors: ['d_2', 'd_1'],
    }
    const paidAt = '2026-11-25T10:00:00.000Z'
    const team = (changes: TableChange[]) => counterDeltas(changes).filter((d) => d.counter === 'teamDay')
    expect(
      team([
        { eventName: 'INSERT', newImage: { entity: 'order', brandId: BRAND, paidAt, total: 5000, reporting } },
        { eventName: 'INSERT', newImage: { entity: 'refund', brandId: BRAND, paidAt, base: 1200, reporting } },
      ]),
    ).toEqual([
      { counter: 'teamDay', brandId: BRAND, day: '2026-11-25', distributorId: 'd_1', add: { orders: 1, gmv: 3800 } },
      { counter: 'teamDay', brandId: BRAND, day: '2026-11-25', distributorId: 'd_2', add: { orders: 1, gmv: 3800 } },
    ])
    // Duplicates, the distributor itself and non-strings are dropped; at most MAX_ANCESTORS teams; an order stored before ancestors counts in none.
    const messy = {
      ...reporting,
      ancestors: ['d_2', 'd_2', 'd_3', 7, '', ...Array.from({ length: 12 }, (_, i) => `d_x${i}`)],
    }
    const counted = team([
      { eventName: 'INSERT', newImage: { entity: 'order', brandId: BRAND, paidAt, total: 100, reporting: messy } },
    ])
    expect(counted.map((d) => (d.counter === 'teamDay' ? d.distributorId : '')).sort()).toEqual(
      ['d_2', ...Array.from({ length: MAX_ANCESTORS - 1 }, (_, i) => `d_x${i}`)].sort(),
    )
    const { ancestors: _a, ...before } = reporting
    expect(
      team([
        { eventName: 'INSERT', newImage: { entity: 'order', brandId: BRAND, paidAt, total: 100, reporting: before } },
      ]),
    ).toEqual([])
  })
})
