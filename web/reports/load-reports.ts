import { channelReportFor, overviewFor, reportsFor, rippleReportFor, trendFor } from '../../lib/services/reports'
import { leaderboardFor } from '../../lib/services/leaderboard'
import type { Brand } from '../../lib/schemas/brand'
import type { ReportRange } from '../../lib/schemas/report'
import { dashboardText } from '../i18n/dashboard'
import type { Lang } from '../i18n/lang'
import type { ReportName, ReportTable } from './report-table'
import {
  channelTable,
  overviewTable,
  rippleTable,
  topTable,
  trendTable,
  typesTable,
  type ChannelData,
  type OverviewData,
  type RippleData,
  type TopData,
  type TrendData,
} from './report-tables'

/** Distributors on the dashboard's leaderboard. */
export const TOP_LIMIT = 10

const top = (brandId: string, range: ReportRange) =>
  leaderboardFor(brandId, { ...range, by: 'gmv', group: 'distributor', limit: TOP_LIMIT })

export interface DashboardData {
  ripple: RippleData
  channels: ChannelData
  trend: TrendData
  overview: OverviewData
  top: TopData
}

/** Every report the dashboard shows: the brand's counters read once for the four reports, and the leaderboard beside them. */
export async function loadDashboard(brandId: string, range: ReportRange): Promise<DashboardData> {
  const [reports, leaders] = await Promise.all([reportsFor(brandId, range), top(brandId, range)])
  return { ...reports, top: leaders }
}

/** One report's table, reading only that report (a CSV download). */
export async function loadReportTable(
  name: ReportName,
  brand: Brand,
  range: ReportRange,
  lang: Lang,
): Promise<ReportTable> {
  const t = dashboardText(lang)
  switch (name) {
    case 'ripple':
      return rippleTable(await rippleReportFor(brand.id, range), t)
    case 'channels':
      return channelTable(await channelReportFor(brand.id, range), t)
    case 'types':
      return typesTable(await channelReportFor(brand.id, range), t, lang)
    case 'trend':
      return trendTable(await trendFor(brand.id, range), t)
    case 'overview':
      return overviewTable(await overviewFor(brand.id, range), t)
    case 'top':
      return topTable(await top(brand.id, range), brand.programme.currency, t, lang)
  }
}
