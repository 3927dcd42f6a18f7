import type { channelReportFor, overviewFor, rippleReportFor, trendFor } from '../../lib/services/reports'
import type { z } from '@hono/zod-openapi'
import type { LeaderboardSchema } from '../../lib/schemas/report'
import { typeName } from '../i18n/console-admin'
import type { DashboardText } from '../i18n/dashboard'
import type { Lang } from '../i18n/lang'
import { cells, type ReportTable } from './report-table'

/**
 * One builder per dashboard table: the page and the CSV download both call these,
 * so a download is always the table on the screen.
 */

export type RippleData = Awaited<ReturnType<typeof rippleReportFor>>
export type ChannelData = Awaited<ReturnType<typeof channelReportFor>>
export type TrendData = Awaited<ReturnType<typeof trendFor>>
export type OverviewData = Awaited<ReturnType<typeof overviewFor>>
/** The leaderboard as the API documents it (names and types are there for distributors). */
export type TopData = z.infer<typeof LeaderboardSchema>

/** Per ring: distributors to fission, and the totals over every ring. */
export function rippleTable(r: RippleData, t: DashboardText): ReportTable {
  const c = cells(t.none, r.currency)
  const figures = (f: RippleData['totals']) => [
    c.int(f.distributors),
    c.int(f.activeDistributors),
    c.int(f.links),
    c.int(f.clicks),
    c.int(f.orders),
    c.money(f.gmv),
    c.money(f.commission),
    c.int(f.newCustomers),
    c.int(f.newRecruits),
    c.ratio(f.fission),
  ]
  const headers = [
    t.distributors,
    t.activeDistributors,
    t.links,
    t.clicks,
    t.orders,
    t.gmv(r.currency),
    t.commission(r.currency),
    t.newCustomers,
    t.newRecruits,
    t.fission,
  ]
  return {
    name: 'ripple',
    caption: t.rippleTitle,
    columns: [{ header: t.ring, num: false }, ...headers.map((header) => ({ header, num: true }))],
    rows: r.rings.map((ring) => ({ key: String(ring.ring), cells: [c.text(t.ringName(ring.ring)), ...figures(ring)] })),
    foot: [{ key: 'total', cells: [c.text(t.total), ...figures(r.totals)] }],
  }
}

/** Distribution GMV by circle (internal, external) with shares. */
export function channelTable(r: ChannelData, t: DashboardText): ReportTable {
  const c = cells(t.none, r.currency)
  return {
    name: 'channels',
    caption: t.circleBar,
    columns: [
      { header: t.circle, num: false },
      { header: t.gmv(r.currency), num: true },
      { header: t.share, num: true },
    ],
    rows: r.circles.map((x) => ({
      key: x.circle,
      cells: [c.text(t.circles[x.circle]), c.money(x.gmv), c.percent(x.shareBps)],
    })),
    foot: [{ key: 'total', cells: [c.text(t.total), c.money(r.total), c.percent(r.total === 0 ? 0 : 10_000)] }],
  }
}

/** Distribution GMV by distributor type, with its circle, headcount, orders and share. */
export function typesTable(r: ChannelData, t: DashboardText, lang: Lang): ReportTable {
  const c = cells(t.none, r.currency)
  return {
    name: 'types',
    caption: t.typeBar,
    columns: [
      { header: t.type, num: false },
      { header: t.circle, num: false },
      { header: t.distributors, num: true },
      { header: t.orders, num: true },
      { header: t.gmv(r.currency), num: true },
      { header: t.share, num: true },
    ],
    rows: r.types.map((x) => ({
      key: x.type,
      cells: [
        c.text(typeName(lang, x.type)),
        c.text(t.circles[x.circle]),
        c.int(x.distributors),
        c.int(x.orders),
        c.money(x.gmv),
        c.percent(x.shareBps),
      ],
    })),
    foot: [
      {
        key: 'total',
        cells: [
          c.text(t.total),
          c.text(''),
          c.int(r.types.reduce((n, x) => n + x.distributors, 0)),
          c.int(r.types.reduce((n, x) => n + x.orders, 0)),
          c.money(r.total),
          c.percent(r.total === 0 ? 0 : 10_000),
        ],
      },
    ],
  }
}

/** One row per day of the range, zeros included. */
export function trendTable(r: TrendData, t: DashboardText): ReportTable {
  const c = cells(t.none, r.currency)
  const sum = (pick: (d: TrendData['days'][number]) => number) => r.days.reduce((n, d) => n + pick(d), 0)
  return {
    name: 'trend',
    caption: t.trendTitle,
    columns: [
      { header: t.day, num: false },
      { header: t.clicks, num: true },
      { header: t.orders, num: true },
      { header: t.gmv(r.currency), num: true },
      { header: t.distributionGmv(r.currency), num: true },
    ],
    rows: r.days.map((d) => ({
      key: d.day,
      cells: [c.text(d.day), c.int(d.clicks), c.int(d.orders), c.money(d.gmv), c.money(d.distributionGmv)],
    })),
    foot: [
      {
        key: 'total',
        cells: [
          c.text(t.total),
          c.int(sum((d) => d.clicks)),
          c.int(sum((d) => d.orders)),
          c.money(sum((d) => d.gmv)),
          c.money(sum((d) => d.distributionGmv)),
        ],
      },
    ],
  }
}

/** The overview's figures, the three triangle metrics among them, one per row. */
export function overviewTable(r: OverviewData, t: DashboardText): ReportTable {
  const c = cells(t.none, r.currency)
  const rows: Array<[string, string, ReturnType<typeof c.int>]> = [
    ['orders', t.allOrders, c.int(r.orders)],
    ['gmv', t.allGmv(r.currency), c.money(r.gmv)],
    ['distributionGmv', t.distributionGmv(r.currency), c.money(r.distributionGmv)],
    ['newCustomers', t.newCustomers, c.int(r.newCustomers)],
    ['referredNewCustomers', t.referredNewCustomers, c.int(r.referredNewCustomers)],
    ['customerReferralRate', t.referralRate, c.percent(r.customerReferralRateBps)],
    ['referredOrders', t.referredOrders, c.int(r.referredOrders)],
    ['referredRepeatOrders', t.referredRepeatOrders, c.int(r.referredRepeatOrders)],
    ['repurchaseRate', t.repurchaseRate, c.percent(r.repurchaseRateBps)],
    ['referredGmv', t.referredGmv(r.currency), c.money(r.referredGmv)],
    ['gmvPerReferredCustomer', t.gmvPerCustomerOf(r.currency), c.money(r.gmvPerReferredCustomer)],
  ]
  return {
    name: 'overview',
    caption: t.triangleTitle,
    columns: [
      { header: t.metric, num: false },
      { header: t.value, num: true },
    ],
    rows: rows.map(([key, label, value]) => ({ key, cells: [c.text(label), value] })),
    foot: [],
  }
}

/** The leaderboard by GMV; names link to the distributor's console page. */
export function topTable(r: TopData, currency: string, t: DashboardText, lang: Lang): ReportTable {
  const c = cells(t.none, currency)
  return {
    name: 'top',
    caption: t.topTitle,
    columns: [
      { header: t.rank, num: true },
      { header: t.name, num: false },
      { header: t.type, num: false },
      { header: t.clicks, num: true },
      { header: t.orders, num: true },
      { header: t.gmv(currency), num: true },
      { header: t.recruits, num: true },
    ],
    rows: r.items.map((x) => ({
      key: x.id,
      cells: [
        c.int(x.rank),
        c.text(x.name ?? x.id, `/console/distributors/${encodeURIComponent(x.id)}?lang=${lang}`),
        c.text(typeName(lang, x.type)),
        c.int(x.clicks ?? 0),
        c.int(x.orders),
        c.money(x.gmv),
        c.int(x.recruits),
      ],
    })),
    foot: [],
  }
}
