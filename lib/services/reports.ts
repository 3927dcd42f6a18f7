import { readActiveMembers, readHeadcountAt, readRingDays, type RingDayRow } from '../db/report-counters'
import { RING_FIELDS } from '../domain/counter-deltas'
import { channelReport, rippleReport, type RangeRow } from '../domain/ripple'
import { bpsOf } from '../domain/shares'
import type { ReportRange } from '../schemas/report'
import { getBrandOrThrow } from './get-brand-or-throw'
import { daysFrom } from '../domain/time-zone'

/**
 * The brand reports, read from the counters only (never orders, clicks or the
 * ledger): ring/type rows per day, headcounts at `to`, active sets per day.
 * `from` and `to` are the brand's local days (the counters are keyed by them,
 * docs/architecture.md §3.7); every answer names the zone.
 */

/** Day rows summed over the range into one row per ring and type. */
function overRange(rows: readonly RingDayRow[]): RangeRow[] {
  const out = new Map<string, RangeRow>()
  for (const r of rows) {
    const id = `${r.ring}|${r.type}`
    const sum =
      out.get(id) ?? ({ ring: r.ring, type: r.type, ...Object.fromEntries(RING_FIELDS.map((f) => [f, 0])) } as RangeRow)
    for (const f of RING_FIELDS) sum[f] += r[f]
    out.set(id, sum)
  }
  return [...out.values()]
}

/** The counters a report reads; headcounts and active sets only when asked (the trend and overview need neither). */
interface Counters {
  currency: string
  timeZone: string
  days: RingDayRow[]
  headcount: Map<string, { ring: number; type: string; distributors: number }>
  active: Set<string>
}

async function readCounters(brandId: string, { from, to }: ReportRange, need: { members: boolean }): Promise<Counters> {
  const [brand, days, headcount, active] = await Promise.all([
    getBrandOrThrow(brandId),
    readRingDays(brandId, from, to),
    need.members
      ? readHeadcountAt(brandId, to)
      : new Map<string, { ring: number; type: string; distributors: number }>(),
    need.members ? readActiveMembers(brandId, from, to) : new Set<string>(),
  ])
  return { currency: brand.programme.currency, timeZone: brand.programme.timeZone, days, headcount, active }
}

const rippleFrom = ({ from, to }: ReportRange, c: Counters) => ({
  currency: c.currency,
  timeZone: c.timeZone,
  from,
  to,
  ...rippleReport(overRange(c.days), [...c.headcount.values()], c.active),
})
const channelsFrom = ({ from, to }: ReportRange, c: Counters) => ({
  currency: c.currency,
  timeZone: c.timeZone,
  from,
  to,
  ...channelReport(overRange(c.days), [...c.headcount.values()]),
})

export const rippleReportFor = async (brandId: string, range: ReportRange) =>
  rippleFrom(range, await readCounters(brandId, range, { members: true }))
export const channelReportFor = async (brandId: string, range: ReportRange) =>
  channelsFrom(range, await readCounters(brandId, range, { members: true }))
export const trendFor = async (brandId: string, range: ReportRange) =>
  trendFrom(range, await readCounters(brandId, range, { members: false }))
export const overviewFor = async (brandId: string, range: ReportRange) =>
  overviewFrom(range, await readCounters(brandId, range, { members: false }))

/** Every brand report over one range from one read of the counters: the console dashboard's page. */
export async function reportsFor(brandId: string, range: ReportRange) {
  const c = await readCounters(brandId, range, { members: true })
  return {
    ripple: rippleFrom(range, c),
    channels: channelsFrom(range, c),
    trend: trendFrom(range, c),
    overview: overviewFrom(range, c),
  }
}

/** Per day of the range (every day, zeros included): clicks, orders and GMV of every order, and GMV credited to distributors. */
function trendFrom({ from, to }: ReportRange, { currency, timeZone, days: rows }: Counters) {
  const days = daysFrom(from, to).map((day) => ({ day, clicks: 0, orders: 0, gmv: 0, distributionGmv: 0 }))
  const byDay = new Map(days.map((d) => [d.day, d]))
  for (const r of rows) {
    const d = byDay.get(r.day)
    if (!d) continue
    d.clicks += r.clicks
    d.orders += r.orders
    d.gmv += r.gmv
    if (r.ring >= 1) d.distributionGmv += r.gmv
  }
  return { currency, timeZone, from, to, days }
}

/**
 * Customer figures over the range, all from counters:
 * - referral rate: new customers whose first order was credited / all new customers;
 * - repurchase rate: of orders placed by referred customers, the share that were repeat orders;
 * - GMV per referred customer: referred customers' GMV / referred new customers (rounded down).
 */
function overviewFrom({ from, to }: ReportRange, { currency, timeZone, days: rows }: Counters) {
  const summed = overRange(rows)
  const sum = (pick: (r: RangeRow) => number, only: (r: RangeRow) => boolean = () => true) =>
    summed.filter(only).reduce((n, r) => n + pick(r), 0)
  const credited = (r: RangeRow) => r.ring >= 1
  const newCustomers = sum((r) => r.newCustomers)
  const referredNewCustomers = sum((r) => r.newCustomers, credited)
  const referredOrders = sum((r) => r.referredOrders)
  const referredRepeatOrders = sum((r) => r.referredRepeatOrders)
  const referredGmv = sum((r) => r.referredGmv)
  return {
    currency,
    timeZone,
    from,
    to,
    orders: sum((r) => r.orders),
    gmv: sum((r) => r.gmv),
    distributionGmv: sum((r) => r.gmv, credited),
    newCustomers,
    referredNewCustomers,
    customerReferralRateBps: bpsOf(referredNewCustomers, newCustomers),
    referredOrders,
    referredRepeatOrders,
    repurchaseRateBps: bpsOf(referredRepeatOrders, referredOrders),
    referredGmv,
    gmvPerReferredCustomer: referredNewCustomers === 0 ? null : Math.floor(referredGmv / referredNewCustomers),
  }
}
