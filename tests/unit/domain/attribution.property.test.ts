import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  attribute,
  nextBinding,
  type AttributionInput,
  type CandidateDistributor,
} from '../../../lib/domain/attribution'
import { chainFor } from '../../../lib/domain/chain'
import { distributorType, isoAround } from './arbitraries'

const DAY = 86_400_000
const IDS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'] as const

/** A brand's distributors, some suspended, some missing, some with an external (customer) id. */
const directory = fc
  .array(fc.tuple(fc.constantFrom('active', 'active', 'suspended', 'missing'), distributorType, fc.boolean()), {
    minLength: IDS.length,
    maxLength: IDS.length,
  })
  .map((xs) => {
    const m = new Map<string, CandidateDistributor>()
    xs.forEach(([status, type, buyer], i) => {
      if (status !== 'missing')
        m.set(IDS[i]!, {
          id: IDS[i]!,
          status: status as 'active' | 'suspended',
          type,
          ...(buyer ? { externalId: `cust-${IDS[i]}` } : {}),
        })
    })
    return m
  })

const input = fc
  .record({
    distributors: directory,
    paidAt: isoAround,
    customer: fc.option(fc.constantFrom(...IDS.map((id) => `cust-${id}`), 'cust-other'), { nil: undefined }),
    bindingDays: fc.constantFrom(0, 1, 15, 30),
    selfPurchase: fc.constantFrom<'allow' | 'deny'>('allow', 'deny'),
    click: fc.option(fc.tuple(fc.boolean(), fc.constantFrom(...IDS), fc.integer({ min: 0, max: 40 * DAY })), {
      nil: undefined,
    }),
    ref: fc.option(
      fc.tuple(fc.boolean(), fc.constantFrom(...IDS), fc.constantFrom<'link' | 'coupon'>('link', 'coupon')),
      { nil: undefined },
    ),
    binding: fc.option(
      fc.tuple(
        fc.constantFrom(...IDS),
        fc.integer({ min: 0, max: 40 * DAY }),
        fc.option(fc.integer({ min: -20 * DAY, max: 20 * DAY }), { nil: null }),
      ),
      { nil: undefined },
    ),
  })
  .map((r): AttributionInput => {
    const at = Date.parse(r.paidAt)
    return {
      paidAt: r.paidAt,
      customerId: r.customer,
      bindingDays: r.bindingDays,
      selfPurchase: r.selfPurchase,
      click:
        r.click &&
        (r.click[0]
          ? { clickId: 'k1', found: true, distributorId: r.click[1], at: new Date(at - r.click[2]).toISOString() }
          : { clickId: 'k1', found: false }),
      ref:
        r.ref &&
        (r.ref[0]
          ? { code: 'code1', found: true, distributorId: r.ref[1], via: r.ref[2] }
          : { code: 'code1', found: false }),
      binding: r.binding && {
        distributorId: r.binding[0],
        boundAt: new Date(at - r.binding[1]).toISOString(),
        expiresAt: r.binding[2] === null ? null : new Date(at + r.binding[2]).toISOString(),
      },
      distributors: r.distributors,
    }
  })

/** Reference answer: who may be credited by each source, in precedence order. */
function eligible(i: AttributionInput): Array<{ source: string; id: string }> {
  const at = Date.parse(i.paidAt)
  const ok = (id: string) => {
    const d = i.distributors.get(id)
    return (
      !!d &&
      d.status === 'active' &&
      !(i.selfPurchase === 'deny' && i.customerId !== undefined && d.externalId === i.customerId)
    )
  }
  const out: Array<{ source: string; id: string }> = []
  if (
    i.click?.found &&
    (i.bindingDays === 0 || at - Date.parse(i.click.at) <= i.bindingDays * DAY) &&
    ok(i.click.distributorId)
  )
    out.push({ source: 'click', id: i.click.distributorId })
  if (i.ref?.found && ok(i.ref.distributorId)) out.push({ source: 'refCode', id: i.ref.distributorId })
  if (
    i.binding &&
    (i.binding.expiresAt === null || Date.parse(i.binding.expiresAt) > at) &&
    ok(i.binding.distributorId)
  )
    out.push({ source: 'binding', id: i.binding.distributorId })
  return out
}

describe('attribute (property)', () => {
  it('credits the first eligible source in precedence, never a suspended, unknown or denied self-purchasing distributor', () => {
    fc.assert(
      fc.property(input, (i) => {
        const a = attribute(i)
        const first = eligible(i)[0]
        expect({ distributorId: a.distributorId, source: a.source }).toEqual(
          first ? { distributorId: first.id, source: first.source } : { distributorId: null, source: null },
        )
        if (a.distributorId) {
          const d = i.distributors.get(a.distributorId)!
          expect(d.status).toBe('active')
          if (i.selfPurchase === 'deny' && i.customerId) expect(d.externalId).not.toBe(i.customerId)
        }
        // Every source offered is explained once, and exactly one wins when someone is credited.
        const offered = [i.click, i.ref, i.binding].filter(Boolean).length
        expect(a.candidates).toHaveLength(offered)
        expect(a.candidates.filter((c) => c.outcome === 'won')).toHaveLength(a.distributorId ? 1 : 0)
        for (const c of a.candidates) expect(c.detail.length).toBeGreaterThan(0)
      }),
      { numRuns: 2000 },
    )
  })

  it('bindingDays 0 never expires a click', () => {
    const d = new Map([['d1', { id: 'd1', status: 'active' as const, type: 'guide' as const }]])
    const a = attribute({
      paidAt: '2026-06-01T00:00:00.000Z',
      bindingDays: 0,
      selfPurchase: 'allow',
      click: { clickId: 'k', found: true, distributorId: 'd1', at: '2020-01-01T00:00:00.000Z' },
      distributors: d,
    })
    expect(a).toMatchObject({ distributorId: 'd1', source: 'click' })
  })
})

describe('nextBinding (property)', () => {
  const binding = fc.option(
    fc
      .record({
        distributorId: fc.constantFrom(...IDS),
        boundAt: isoAround,
        expiresAt: fc.option(isoAround, { nil: null }),
      })
      .filter((b) => b.expiresAt === null || b.expiresAt > b.boundAt),
    { nil: undefined },
  )
  it('`first` keeps a live binding, `last` rebinds to a newer attribution; bindingDays 0 binds for good', () => {
    fc.assert(
      fc.property(
        binding,
        fc.option(fc.constantFrom(...IDS), { nil: null }),
        isoAround,
        fc.constantFrom(0, 15),
        fc.constantFrom<'first' | 'last'>('first', 'last'),
        (current, credited, paidAt, bindingDays, bindingPolicy) => {
          const next = nextBinding(current, credited, paidAt, { bindingDays, bindingPolicy })
          const at = Date.parse(paidAt)
          const live = !!current && (current.expiresAt === null || Date.parse(current.expiresAt) > at)
          const keeps = !credited || (live && bindingPolicy === 'first') || (live && Date.parse(current!.boundAt) > at)
          if (keeps) expect(next).toBeNull()
          else if (next === null)
            expect(current).toMatchObject({ distributorId: credited, boundAt: paidAt }) // already this very binding
          else {
            expect(next.distributorId).toBe(credited)
            expect(next.boundAt).toBe(new Date(at).toISOString())
            expect(next.expiresAt).toBe(bindingDays === 0 ? null : new Date(at + bindingDays * DAY).toISOString())
          }
        },
      ),
      { numRuns: 1000 },
    )
  })
})

describe('chainFor (property)', () => {
  it('pays at most maxLevels, never a suspended or missing distributor, and never shifts a level', () => {
    fc.assert(
      fc.property(
        directory,
        fc.constantFrom(...IDS),
        fc.shuffledSubarray([...IDS]),
        fc.integer({ min: 1, max: 10 }),
        (byId, credited, ancestorPool, maxLevels) => {
          const ancestors = ancestorPool.filter((id) => id !== credited)
          const c = chainFor(credited, ancestors, byId, maxLevels)
          const path = [credited, ...ancestors]
          expect(c.members.length + c.skipped.length).toBe(Math.min(maxLevels, path.length))
          for (const m of c.members) {
            expect(m.level).toBeLessThanOrEqual(maxLevels)
            expect(path[m.level - 1]).toBe(m.distributorId) // level n is the (n-1)th recruiter up, skipped or not
            expect(byId.get(m.distributorId)?.status).toBe('active')
            expect(m.type).toBe(byId.get(m.distributorId)?.type)
          }
          for (const s of c.skipped) {
            expect(path[s.level - 1]).toBe(s.distributorId)
            expect(s.reason).toBe(byId.has(s.distributorId) ? 'suspended' : 'missing')
          }
          const levels = [...c.members, ...c.skipped].map((x) => x.level).sort((a, b) => a - b)
          expect(levels).toEqual(levels.map((_, i) => i + 1))
        },
      ),
      { numRuns: 1000 },
    )
  })
})
