import { channelReportFor, overviewFor, rippleReportFor, trendFor } from '../../lib/services/reports'
import { leaderboardFor } from '../../lib/services/leaderboard'
import type { Brand } from '../../lib/schemas/brand'
import type { ReportRange } from '../../lib/schemas/report'
import { dashboardText } from '../i18n/dashboard'
import type { Lang } from '../i18n/lang'
import type { ReportName, ReportTable } from './report-table'
import { channelTable, overviewTable, rippleTable, topTable, trendTable, typesTable, type ChannelData, type OverviewData, type RippleData, type TopData, type TrendData } from './report-tables'

/** Distributors on the dashboard's leaderboard. */
export const TOP_LIMIT = 10

const top = (brandId: string, range: ReportRange) => leaderboardFor(brandId, { ...range, by: 'gmv', group: 'distributor', limit: TOP_LIMIT })

export interface DashboardData {
  ripple: RippleData
  channels: ChannelData
  trend: TrendData
  overview: OverviewData
  top: TopData
}

/** Every report the dashboard shows, read from the counters at once. */
export async function loadDashboard(brandId: string, range: ReportRange): Promise<DashboardData> {
  const [ripple, channels, trend, overview, leaders] = await Promise.all([rippleReportFor(brandId, range), channelReportFor(brandId, range), trendFor(brandId, range), overviewFor(brandId, range), top(brandId, range)])
  return { ripple, channels, trend, overview, top: leaders }
}

/** One report's table, reading only that report (a CSV download). */
export async function loadReportTable(name: ReportName, brand: Brand, range: ReportRange, lang: Lang): Promise<ReportTable> {
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
