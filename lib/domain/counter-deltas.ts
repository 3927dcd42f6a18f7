import {
  asClick,
  asCommission,
  asJoin,
  asLink,
  asMove,
  asOrder,
  asRefund,
  NO_DISTRIBUTOR,
  type Credit,
  type Placements,
  type TableChange,
  type Zones,
} from './report-events'

/**
 * Report counters from a batch of table changes: pure, so a batch of any size
 * and shape can be property-tested. The data layer turns the deltas into keys.
 * Every event adds on the day it belongs to: a click, link or join on its own
 * day, an order on its paid day, and a refund or a ledger entry on the day its
 * order was paid (a refund lowers that day's GMV and commission). Days are the
 * brand's local days, from the zones the caller passes (docs/architecture.md §3.7).
 */

export type { Placement, Placements, TableChange, Zones } from './report-events'

/** Per (brand, day, ring, type). */
export const RING_FIELDS = [
  'clicks',
  'links',
  'orders',
  'gmv',
  'commission',
  'newCustomers',
  'newRecruits',
  'referredOrders',
  'referredRepeatOrders',
  'referredGmv',
] as const
export type RingField = (typeof RING_FIELDS)[number]
/**
 * Per (brand, day, distributor), for leaderboards and a distributor's own dashboard;
 * newCustomers: customers whose first order with the brand was credited to them (the mobile rank).
 */
export const DISTRIBUTOR_FIELDS = ['clicks', 'orders', 'gmv', 'recruits', 'newCustomers'] as const
export type DistributorField = (typeof DISTRIBUTOR_FIELDS)[number]
/** Per (brand, day, store): what a store leaderboard ranks by. */
export const STORE_FIELDS = ['orders', 'gmv', 'recruits'] as const
export type StoreField = (typeof STORE_FIELDS)[number]
/**
 * Per (brand, day, distributor): what their team did, everyone below them as far
 * as each member's `ancestors` reach. Clicks, orders and GMV are the sum of the
 * members' own figures; newMembers counts joins anywhere in the team.
 */
export const TEAM_FIELDS = ['clicks', 'orders', 'gmv', 'newMembers'] as const
export type TeamField = (typeof TEAM_FIELDS)[number]

export type CounterDelta =
  | { counter: 'link'; code: string; add: { clicks: number } }
  | {
      counter: 'ringDay'
      brandId: string
      day: string
      ring: number
      type: string
      add: Partial<Record<RingField, number>>
    }
  /** Distributors joining (+1), leaving or moving out (−1) of a ring/type row: the count at a day is the sum up to it. */
  | { counter: 'headcount'; brandId: string; day: string; ring: number; type: string; add: { distributors: number } }
  | {
      counter: 'distributorDay'
      brandId: string
      day: string
      distributorId: string
      type: string
      add: Partial<Record<DistributorField, number>>
    }
  | {
      counter: 'storeDay'
      brandId: string
      day: string
      store: string
      type: string
      add: Partial<Record<StoreField, number>>
    }
  | { counter: 'teamDay'; brandId: string; day: string; distributorId: string; add: Partial<Record<TeamField, number>> }
  /** A distributor with a click or an order that day, as `ring|type|id`, added to that day's set. */
  | { counter: 'active'; brandId: string; day: string; member: string; add: Record<string, never> }

/** The one string a ring/type row is known by in keys and sets. */
export const ringTypeDimension = (ring: number, type: string): string => `ring#${ring}#type#${type}`
export const activeMember = (c: Credit, distributorId: string): string => `${c.ring}|${c.type}|${distributorId}`

const identity = (d: CounterDelta): string => {
  switch (d.counter) {
    case 'link':
      return `link|${d.code}`
    case 'ringDay':
    case 'headcount':
      return `${d.counter}|${d.brandId}|${d.day}|${ringTypeDimension(d.ring, d.type)}`
    case 'distributorDay':
      return `${d.counter}|${d.brandId}|${d.day}|${d.type}|${d.distributorId}`
    case 'storeDay':
      return `${d.counter}|${d.brandId}|${d.day}|${d.type}|${d.store}`
    case 'teamDay':
      return `${d.counter}|${d.brandId}|${d.day}|${d.distributorId}`
    case 'active':
      return `${d.counter}|${d.brandId}|${d.day}|${d.member}`
  }
}

/**
 * Sums a batch's events per counter. Only inserts count (each event is inserted
 * once: its id is its idempotency key), plus distributor updates that change a
 * ring, a type or whether the distributor counts. Deltas come out sorted, so the
 * same batch always gives the same chunks (the idempotency marker is per chunk):
 * a retry must therefore pass the same `placements` (the service pins them per batch).
 * Clicks count at their distributor's placement in `placements` (see asClick).
 * @example counterDeltas([{ eventName: 'INSERT', newImage: click }]) → [{ counter: 'active', … }, { counter: 'distributorDay', … }, { counter: 'link', … }, { counter: 'ringDay', … }]
 */
export function counterDeltas(changes: readonly TableChange[], placements?: Placements, zones?: Zones): CounterDelta[] {
  const sums = new Map<string, CounterDelta>()
  const add = (d: CounterDelta) => {
    const key = identity(d)
    const seen = sums.get(key)
    if (!seen) return void sums.set(key, { ...d, add: { ...d.add } } as CounterDelta)
    const into = seen.add as Record<string, number>
    for (const [f, n] of Object.entries(d.add as Record<string, number>)) into[f] = (into[f] ?? 0) + n
  }
  for (const change of changes) for (const d of deltasOf(change, placements, zones)) add(d)
  return [...sums.entries()]
    .filter(([, d]) => d.counter === 'active' || Object.values(d.add as Record<string, number>).some((n) => n !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d)
}

/**
 * The distributors whose current placement a batch's counting needs: those
 * credited with an inserted click, distinct and sorted.
 * @example clickedDistributors([{ eventName: 'INSERT', newImage: { entity: 'click', distributorId: 'd_1', … } }]) → ['d_1']
 */
export function clickedDistributors(changes: readonly TableChange[]): string[] {
  const ids = new Set<string>()
  for (const c of changes) {
    const id = c.eventName === 'INSERT' && c.newImage?.entity === 'click' ? c.newImage.distributorId : undefined
    if (typeof id === 'string' && id.length > 0) ids.add(id)
  }
  return [...ids].sort()
}

/**
 * The brands whose time zone a batch's counting needs: every brand with a change, distinct and sorted.
 * @example brandsOf([{ eventName: 'INSERT', newImage: { entity: 'order', brandId: 'b_1', … } }]) → ['b_1']
 */
export function brandsOf(changes: readonly TableChange[]): string[] {
  const ids = new Set<string>()
  for (const c of changes) {
    const id = c.newImage?.brandId
    if (typeof id === 'string' && id.length > 0 && mayCount(c.eventName, String(c.newImage?.entity))) ids.add(id)
  }
  return [...ids].sort()
}

/** The same figures once for the team of each ancestor of the distributor credited. */
const toTeams = (
  brandId: string,
  day: string,
  ancestors: readonly string[],
  add: Partial<Record<TeamField, number>>,
): CounterDelta[] => ancestors.map((distributorId) => ({ counter: 'teamDay', brandId, day, distributorId, add }))

/** The deltas one change makes, before merging. */
function deltasOf(change: TableChange, placements?: Placements, zones?: Zones): CounterDelta[] {
  if (change.eventName === 'MODIFY') return moveDeltas(change, zones)
  if (change.eventName !== 'INSERT') return []
  const image = change.newImage
  switch (image?.entity) {
    case 'click': {
      const c = asClick(image, placements, zones)
      if (!c) return []
      const { brandId, day } = c
      return [
        { counter: 'link', code: c.code, add: { clicks: 1 } },
        { counter: 'ringDay', brandId, day, ring: c.ring, type: c.type, add: { clicks: 1 } },
        ...(c.distributorId
          ? [
              {
                counter: 'distributorDay',
                brandId,
                day,
                distributorId: c.distributorId,
                type: c.type,
                add: { clicks: 1 },
              } as const,
              { counter: 'active', brandId, day, member: activeMember(c, c.distributorId), add: {} } as const,
              ...toTeams(brandId, day, c.ancestors, { clicks: 1 }),
            ]
          : []),
      ]
    }
    case 'link': {
      const l = asLink(image, zones)
      return l
        ? [{ counter: 'ringDay', brandId: l.brandId, day: l.day, ring: l.ring, type: l.type, add: { links: 1 } }]
        : []
    }
    case 'distributor': {
      const j = asJoin(image, zones)
      if (!j) return []
      const { brandId, day, recruiter: r } = j
      const out: CounterDelta[] = j.counted
        ? [{ counter: 'headcount', brandId, day, ring: j.ring, type: j.type, add: { distributors: 1 } }]
        : []
      out.push(...toTeams(brandId, day, j.ancestors, { newMembers: 1 }))
      if (r) {
        out.push({ counter: 'ringDay', brandId, day, ring: r.ring, type: r.type, add: { newRecruits: 1 } })
        out.push({ counter: 'distributorDay', brandId, day, distributorId: r.id, type: r.type, add: { recruits: 1 } })
        if (r.store) out.push({ counter: 'storeDay', brandId, day, store: r.store, type: r.type, add: { recruits: 1 } })
      }
      return out
    }
    case 'order':
      return orderDeltas(change, zones)
    case 'refund': {
      const r = asRefund(image, zones)
      if (!r) return []
      const { brandId, day } = r
      const out: CounterDelta[] = [
        {
          counter: 'ringDay',
          brandId,
          day,
          ring: r.ring,
          type: r.type,
          add: { gmv: -r.base, ...(r.referredCustomer ? { referredGmv: -r.base } : {}) },
        },
      ]
      if (r.distributorId)
        out.push({
          counter: 'distributorDay',
          brandId,
          day,
          distributorId: r.distributorId,
          type: r.type,
          add: { gmv: -r.base },
        })
      if (r.distributorId && r.store)
        out.push({ counter: 'storeDay', brandId, day, store: r.store, type: r.type, add: { gmv: -r.base } })
      if (r.distributorId) out.push(...toTeams(brandId, day, r.ancestors, { gmv: -r.base }))
      return out
    }
    case 'ledger': {
      const e = asCommission(image, zones)
      return e
        ? [
            {
              counter: 'ringDay',
              brandId: e.brandId,
              day: e.day,
              ring: e.ring,
              type: e.type,
              add: { commission: e.amount },
            },
          ]
        : []
    }
    default:
      return []
  }
}

function orderDeltas(change: TableChange, zones?: Zones): CounterDelta[] {
  const o = asOrder(change.newImage, zones)
  if (!o) return []
  const { brandId, day } = o
  const credit = o.distributorId ? o : NO_DISTRIBUTOR
  const fields: Partial<Record<RingField, number>> = { orders: 1, gmv: o.total }
  if (o.firstOrderOfCustomer) fields.newCustomers = 1
  if (o.referredCustomer)
    Object.assign(fields, {
      referredOrders: 1,
      referredRepeatOrders: o.firstOrderOfCustomer ? 0 : 1,
      referredGmv: o.total,
    })
  const out: CounterDelta[] = [{ counter: 'ringDay', brandId, day, ring: credit.ring, type: credit.type, add: fields }]
  if (o.distributorId) {
    out.push({
      counter: 'distributorDay',
      brandId,
      day,
      distributorId: o.distributorId,
      type: o.type,
      add: { orders: 1, gmv: o.total, ...(o.firstOrderOfCustomer ? { newCustomers: 1 } : {}) },
    })
    out.push({ counter: 'active', brandId, day, member: activeMember(o, o.distributorId), add: {} })
    if (o.store)
      out.push({ counter: 'storeDay', brandId, day, store: o.store, type: o.type, add: { orders: 1, gmv: o.total } })
    out.push(...toTeams(brandId, day, o.ancestors, { orders: 1, gmv: o.total }))
  }
  return out
}

/** A distributor leaving its row (or the count) and entering another, on the day of the change. */
function moveDeltas(change: TableChange, zones?: Zones): CounterDelta[] {
  const m = asMove(change, zones)
  if (!m) return []
  const { brandId, day } = m
  const out: CounterDelta[] = []
  if (m.before?.counted)
    out.push({
      counter: 'headcount',
      brandId,
      day,
      ring: m.before.ring,
      type: m.before.type,
      add: { distributors: -1 },
    })
  // Without the old image (a stream of new images only) a change cannot be told from a join: count nothing rather than twice.
  if (m.before && m.after.counted)
    out.push({ counter: 'headcount', brandId, day, ring: m.after.ring, type: m.after.type, add: { distributors: 1 } })
  return out
}

/** The entities (and the updates) whose stream records the counters read: the stream subscription filters on exactly these. */
export const COUNTED_CHANGES = [
  { eventName: 'INSERT', entities: ['click', 'link', 'distributor', 'order', 'refund', 'ledger'] },
  { eventName: 'MODIFY', entities: ['distributor'] },
] as const

/** True when a record of this event and entity can change a counter. */
export const mayCount = (eventName: string | undefined, entity: string | undefined): boolean =>
  COUNTED_CHANGES.some((c) => c.eventName === eventName && (c.entities as readonly string[]).includes(entity ?? ''))
