import { DISTRIBUTOR_TYPES, type DistributorType } from '../schemas/distributor'
import { circleOf, type Circle } from './ring'
import { largestRemainderBps, ratio4 } from './shares'
import type { RingField } from './counter-deltas'

/**
 * The ripple and channel reports, assembled from summed counters: pure, so the
 * API and a brute-force reference can be compared figure by figure.
 * Distribution figures leave out ring 0 (orders nobody was credited for).
 */

/** One ring/type row summed over a range (any day split). */
export type RangeRow = { ring: number; type: string } & Record<RingField, number>
export interface HeadcountRow {
  ring: number
  type: string
  distributors: number
}

export interface RippleFigures {
  distributors: number
  activeDistributors: number
  links: number
  clicks: number
  orders: number
  gmv: number
  commission: number
  newCustomers: number
  newRecruits: number
  /** newRecruits / activeDistributors, a decimal string with 4 places; null without active distributors. */
  fission: string | null
}
export type RippleRing = RippleFigures & { ring: number; byType: Array<RippleFigures & { type: string }> }
export interface RippleReport {
  rings: RippleRing[]
  totals: RippleFigures
  amplification: string | null
}

const SUMMED = ['links', 'clicks', 'orders', 'gmv', 'commission', 'newCustomers', 'newRecruits'] as const
const typeRank = (t: string) => {
  const i = (DISTRIBUTOR_TYPES as readonly string[]).indexOf(t)
  return i < 0 ? DISTRIBUTOR_TYPES.length : i
}

function figures(rows: readonly RangeRow[], distributors: number, active: number): RippleFigures {
  const f = {
    distributors,
    activeDistributors: active,
    links: 0,
    clicks: 0,
    orders: 0,
    gmv: 0,
    commission: 0,
    newCustomers: 0,
    newRecruits: 0,
  }
  for (const r of rows) for (const k of SUMMED) f[k] += r[k]
  return { ...f, fission: ratio4(f.newRecruits, active) }
}

const isEmpty = (f: RippleFigures) =>
  f.distributors === 0 && f.activeDistributors === 0 && SUMMED.every((k) => f[k] === 0)

/**
 * Per ring (1 and out), per type within a ring, and totals. Active members are
 * `ring|type|id`: a ring counts each id once even if its type changed in the
 * range, the totals count each id once across rings. A ring or type with nothing
 * at all is left out. Amplification is GMV of rings ≥ 2 over ring 1.
 * @example rippleReport(rows, headcount, new Set(['1|guide|d_1'])).rings[0].activeDistributors === 1
 */
export function rippleReport(
  rows: readonly RangeRow[],
  headcount: readonly HeadcountRow[],
  active: ReadonlySet<string>,
): RippleReport {
  const members = [...active].map((m) => {
    const [ring, type, ...id] = m.split('|')
    return { ring: Number(ring), type: type ?? '', id: id.join('|') }
  })
  const rings = [...new Set([...rows, ...headcount, ...members].map((r) => r.ring).filter((r) => r >= 1))].sort(
    (a, b) => a - b,
  )
  const out: RippleRing[] = []
  for (const ring of rings) {
    const inRing = <T extends { ring: number }>(xs: readonly T[]) => xs.filter((x) => x.ring === ring)
    const types = [...new Set([...inRing(rows), ...inRing(headcount), ...inRing(members)].map((r) => r.type))].sort(
      (a, b) => typeRank(a) - typeRank(b) || (a < b ? -1 : 1),
    )
    const byType = types
      .map((type) => {
        const only = <T extends { type: string }>(xs: readonly T[]) => xs.filter((x) => x.type === type)
        const heads = only(inRing(headcount)).reduce((n, h) => n + h.distributors, 0)
        return { type, ...figures(only(inRing(rows)), heads, new Set(only(inRing(members)).map((m) => m.id)).size) }
      })
      .filter((t) => !isEmpty(t))
    const total = figures(
      inRing(rows),
      inRing(headcount).reduce((n, h) => n + h.distributors, 0),
      new Set(inRing(members).map((m) => m.id)).size,
    )
    if (!isEmpty(total) || byType.length) out.push({ ring, ...total, byType })
  }
  const distribution = rows.filter((r) => r.ring >= 1)
  const totals = figures(
    distribution,
    headcount.filter((h) => h.ring >= 1).reduce((n, h) => n + h.distributors, 0),
    new Set(members.filter((m) => m.ring >= 1).map((m) => m.id)).size,
  )
  const gmvOf = (pick: (ring: number) => boolean) =>
    distribution.filter((r) => pick(r.ring)).reduce((n, r) => n + r.gmv, 0)
  return {
    rings: out,
    totals,
    amplification: ratio4(
      gmvOf((r) => r >= 2),
      gmvOf((r) => r === 1),
    ),
  }
}

export interface ChannelReport {
  total: number
  circles: Array<{ circle: Circle; gmv: number; shareBps: number }>
  types: Array<{
    type: DistributorType
    circle: Circle
    gmv: number
    shareBps: number
    orders: number
    distributors: number
  }>
}

/**
 * Share of distribution GMV by circle and by type, each apportioned to exactly
 * 10000 basis points by largest remainder (all zero when there is no GMV). Every
 * type is listed, in the order of DISTRIBUTOR_TYPES (lib/schemas/distributor.ts).
 */
export function channelReport(rows: readonly RangeRow[], headcount: readonly HeadcountRow[]): ChannelReport {
  const distribution = rows.filter((r) => r.ring >= 1)
  const types = DISTRIBUTOR_TYPES.map((type) => ({
    type,
    circle: circleOf(type),
    gmv: distribution.filter((r) => r.type === type).reduce((n, r) => n + r.gmv, 0),
    orders: distribution.filter((r) => r.type === type).reduce((n, r) => n + r.orders, 0),
    distributors: headcount.filter((h) => h.ring >= 1 && h.type === type).reduce((n, h) => n + h.distributors, 0),
  }))
  const typeShares = largestRemainderBps(types.map((t) => t.gmv))
  const circles = (['internal', 'external'] as const).map((circle) => ({
    circle,
    gmv: types.filter((t) => t.circle === circle).reduce((n, t) => n + t.gmv, 0),
  }))
  const circleShares = largestRemainderBps(circles.map((c) => c.gmv))
  return {
    total: types.reduce((n, t) => n + t.gmv, 0),
    circles: circles.map((c, i) => ({ ...c, shareBps: circleShares[i] ?? 0 })),
    types: types.map((t, i) => ({
      type: t.type,
      circle: t.circle,
      gmv: t.gmv,
      shareBps: typeShares[i] ?? 0,
      orders: t.orders,
      distributors: t.distributors,
    })),
  }
}
