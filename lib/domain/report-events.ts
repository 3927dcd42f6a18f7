/**
 * The business events the report counters are summed from, read out of stream
 * images. Each reader returns undefined for an image that is not a complete
 * event of its kind (old items written before a field existed, other entities),
 * so a malformed record is skipped instead of stalling the stream.
 */

import { MAX_ANCESTORS } from './ring'
import { localDay } from './time-zone'

/** One change from the table's stream, its images already plain values. */
export interface TableChange {
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE'
  newImage?: Record<string, unknown>
  oldImage?: Record<string, unknown>
  /** When the change happened (the record's ApproximateCreationDateTime), ISO. */
  at?: string
}

/** Who an event is counted under: a ring and type (ring 0, type "none" is the brand itself: no distributor). */
export interface Credit {
  ring: number
  type: string
}

export const NO_DISTRIBUTOR: Credit = { ring: 0, type: 'none' }

/**
 * Where a distributor stands when a batch is counted: ring, type and recruiters
 * (nearest first). A hand-over, a type change or a move changes these after the
 * distributor's links (and so their clicks) recorded theirs.
 */
export interface Placement extends Credit {
  ancestors: string[]
}

/** Current placements by distributor id, read by the caller (the domain does no I/O). */
export type Placements = ReadonlyMap<string, Placement>

const NO_PLACEMENTS: Placements = new Map()

/**
 * Each brand's time zone, read by the caller once per batch: an event's day is
 * the brand's local day (docs/architecture.md §3.7). A brand missing here counts UTC days.
 */
export type Zones = ReadonlyMap<string, string>
const NO_ZONES: Zones = new Map()

/**
 * `ancestors` on an event are the credited distributor's recruiters (nearest
 * first) as the event's item recorded them: the teams it also counts in.
 */
export interface ClickEvent extends Credit {
  brandId: string
  code: string
  distributorId: string
  day: string
  ancestors: string[]
}
export interface LinkEvent extends Credit {
  brandId: string
  day: string
}
export interface JoinEvent extends Credit {
  brandId: string
  distributorId: string
  day: string
  counted: boolean
  recruiter?: Credit & { id: string; store?: string }
  /** The newcomer's own recruiters: the teams they join. */
  ancestors: string[]
}
export interface MoveEvent {
  brandId: string
  day: string
  before: (Credit & { counted: boolean }) | undefined
  after: Credit & { counted: boolean }
}
export interface OrderEvent extends Credit {
  brandId: string
  day: string
  distributorId: string | null
  store?: string
  total: number
  firstOrderOfCustomer: boolean
  referredCustomer: boolean
  ancestors: string[]
}
export interface RefundEvent extends Credit {
  brandId: string
  day: string
  distributorId: string | null
  store?: string
  base: number
  referredCustomer: boolean
  ancestors: string[]
}
export interface CommissionEvent extends Credit {
  brandId: string
  day: string
  amount: number
}

/** Statuses that make someone one of a brand's distributors: not an applicant, not gone. */
const COUNTED_STATUSES = new Set(['active', 'suspended'])

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
/** The brand's local day of a stored instant, or undefined when the value is not one. */
const dayOf = (iso: unknown, brandId: unknown, zones: Zones): string | undefined => {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(iso) || Number.isNaN(Date.parse(iso))) return undefined
  return localDay(iso, (typeof brandId === 'string' ? zones.get(brandId) : undefined) ?? 'UTC')
}
const entityOf = (image: Record<string, unknown> | undefined, entity: string) =>
  image?.entity === entity ? image : undefined
/** A stored ancestor list, read defensively: distinct ids other than the distributor's own, at most MAX_ANCESTORS; anything else is none. */
const ancestorsOf = (v: unknown, self: string): string[] =>
  Array.isArray(v) ? [...new Set(v.filter(str))].filter((id) => id !== self).slice(0, MAX_ANCESTORS) : []

/**
 * A click, counted where its distributor stands now when `placements` has them,
 * else where the click's link recorded them at creation (a distributor since deleted).
 * @example asClick(clickImage, new Map([['d_1', { ring: 2, type: 'member', ancestors: ['d_new'] }]])) → { ring: 2, ancestors: ['d_new'], … }
 */
export function asClick(
  image: Record<string, unknown> | undefined,
  placements: Placements = NO_PLACEMENTS,
  zones: Zones = NO_ZONES,
): ClickEvent | undefined {
  const i = entityOf(image, 'click')
  const day = dayOf(i?.at, i?.brandId, zones)
  if (!i || !day || !str(i.code) || !str(i.brandId) || !num(i.ring) || !str(i.type)) return undefined
  const distributorId = str(i.distributorId) ? i.distributorId : ''
  const now = distributorId ? placements.get(distributorId) : undefined
  const at = now && num(now.ring) && str(now.type) ? now : { ring: i.ring, type: i.type, ancestors: i.ancestors }
  return {
    brandId: i.brandId,
    code: i.code,
    distributorId,
    ring: at.ring,
    type: at.type,
    day,
    ancestors: distributorId ? ancestorsOf(at.ancestors, distributorId) : [],
  }
}

/** A link, counted in the ring and type its distributor had when they created it: that is when it happened. */
export function asLink(image: Record<string, unknown> | undefined, zones: Zones = NO_ZONES): LinkEvent | undefined {
  const i = entityOf(image, 'link')
  const day = dayOf(i?.createdAt, i?.brandId, zones)
  if (!i || !day || !str(i.brandId) || !num(i.ring) || !str(i.type)) return undefined
  return { brandId: i.brandId, ring: i.ring, type: i.type, day }
}

/** A distributor's ring, type and whether it counts, or undefined when the image is not a distributor. */
function placement(
  image: Record<string, unknown> | undefined,
): (Credit & { counted: boolean; brandId: string }) | undefined {
  const i = entityOf(image, 'distributor')
  if (!i || !str(i.brandId) || !num(i.ring) || !str(i.type)) return undefined
  return { brandId: i.brandId, ring: i.ring, type: i.type, counted: COUNTED_STATUSES.has(String(i.status)) }
}

export function asJoin(image: Record<string, unknown> | undefined, zones: Zones = NO_ZONES): JoinEvent | undefined {
  const p = placement(image)
  const day = dayOf(image?.joinedAt, p?.brandId, zones)
  if (!p || !day || !str(image?.id)) return undefined
  const r = image.recruiter as Record<string, unknown> | undefined
  const recruiter =
    str(image.parentId) && r && num(r.ring) && str(r.type)
      ? { id: image.parentId, ring: r.ring, type: r.type, store: str(r.store) ? r.store : undefined }
      : undefined
  return { ...p, distributorId: image.id, day, recruiter, ancestors: ancestorsOf(image.ancestors, image.id) }
}

/** A distributor change that moves it between ring/type rows or in or out of the count. */
export function asMove(change: TableChange, zones: Zones = NO_ZONES): MoveEvent | undefined {
  const after = placement(change.newImage)
  const day = dayOf(change.at, after?.brandId, zones)
  if (!after || !day) return undefined
  const before = placement(change.oldImage)
  if (before && before.ring === after.ring && before.type === after.type && before.counted === after.counted)
    return undefined
  return { brandId: after.brandId, day, before, after }
}

export function asOrder(image: Record<string, unknown> | undefined, zones: Zones = NO_ZONES): OrderEvent | undefined {
  const i = entityOf(image, 'order')
  const day = dayOf(i?.paidAt, i?.brandId, zones)
  const r = i?.reporting as Record<string, unknown> | undefined
  if (!i || !day || !str(i.brandId) || !num(i.total) || !r || !num(r.ring) || !str(r.type)) return undefined
  const distributorId = str(r.distributorId) ? r.distributorId : null
  return {
    brandId: i.brandId,
    day,
    ring: r.ring,
    type: r.type,
    distributorId,
    store: str(r.store) ? r.store : undefined,
    total: i.total,
    firstOrderOfCustomer: r.firstOrderOfCustomer === true,
    referredCustomer: r.referredCustomer === true,
    ancestors: distributorId ? ancestorsOf(r.ancestors, distributorId) : [],
  }
}

export function asRefund(image: Record<string, unknown> | undefined, zones: Zones = NO_ZONES): RefundEvent | undefined {
  const i = entityOf(image, 'refund')
  const day = dayOf(i?.paidAt, i?.brandId, zones)
  const r = i?.reporting as Record<string, unknown> | undefined
  if (!i || !day || !str(i.brandId) || !num(i.base) || !r || !num(r.ring) || !str(r.type)) return undefined
  const distributorId = str(r.distributorId) ? r.distributorId : null
  const ancestors = distributorId ? ancestorsOf(r.ancestors, distributorId) : []
  return {
    brandId: i.brandId,
    day,
    ring: r.ring,
    type: r.type,
    distributorId,
    store: str(r.store) ? r.store : undefined,
    base: i.base,
    referredCustomer: r.referredCustomer === true,
    ancestors,
  }
}

/** A ledger entry: commissions add, reversals and adjustments (negative) subtract, on the day the order was paid. */
export function asCommission(
  image: Record<string, unknown> | undefined,
  zones: Zones = NO_ZONES,
): CommissionEvent | undefined {
  const i = entityOf(image, 'ledger')
  const day = dayOf(i?.paidAt, i?.brandId, zones)
  if (!i || !day || !str(i.brandId) || !num(i.amount) || !num(i.ring) || !str(i.type)) return undefined
  return { brandId: i.brandId, day, ring: i.ring, type: i.type, amount: i.amount }
}
