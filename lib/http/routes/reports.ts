import { createRoute, type z } from '@hono/zod-openapi'
import { router, jsonContent, access, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import {
  ChannelReportSchema,
  LeaderboardQuery,
  LeaderboardSchema,
  OverviewSchema,
  ReportRange,
  RippleReportSchema,
  TrendSchema,
} from '../../schemas/report'
import { channelReportFor, overviewFor, rippleReportFor, trendFor } from '../../services/reports'
import { leaderboardFor } from '../../services/leaderboard'

export const reports = router()

type Range = z.infer<typeof ReportRange>

/** Serves GET /reports/<path> to the brand admin, answered from the counters by `answer(brandId, range)`. */
const reportGet = <R extends z.ZodType>(
  path: string,
  operationId: string,
  schema: R,
  summary: string,
  description: string,
  answer: (brandId: string, range: Range) => Promise<z.infer<R>>,
) => {
  const route = createRoute({
    method: 'get',
    path: `/reports/${path}`,
    operationId,
    description,
    tags: ['reports'],
    ...access('admin'),
    request: { query: ReportRange },
    responses: { 200: jsonContent(schema, summary), ...errorResponses },
  })
  reports.openapi(route, async (c) => c.json(await answer(brandOf(c), c.req.valid('query')), 200))
}

// GET /api/reports/ripple: per ring and type, distributors to fission; amplification.
reportGet(
  'ripple',
  'getRippleReport',
  RippleReportSchema,
  'Ripple report',
  'Per ring, and per distributor type within each ring, the figures over the range (distributors to fission), with the amplification: GMV of rings 2 and beyond over GMV of ring 1.',
  rippleReportFor,
)

// GET /api/reports/channels: share of distribution GMV by circle and type.
reportGet(
  'channels',
  'getChannelReport',
  ChannelReportSchema,
  'Channel report',
  "The share of the range's distribution GMV by circle (internal, external) and by distributor type.",
  channelReportFor,
)

// GET /api/reports/leaderboard: distributors or stores ranked by GMV, orders or recruits.
const leaderboardRoute = createRoute({
  method: 'get',
  path: '/reports/leaderboard',
  operationId: 'getLeaderboard',
  description: 'Distributors or stores ranked by GMV, orders or recruits over the range.',
  tags: ['reports'],
  ...access('admin'),
  request: { query: LeaderboardQuery },
  responses: { 200: jsonContent(LeaderboardSchema, 'Leaderboard'), ...errorResponses },
})
reports.openapi(leaderboardRoute, async (c) => c.json(await leaderboardFor(brandOf(c), c.req.valid('query')), 200))

// GET /api/reports/overview: customer referral rate, repurchase rate, GMV per referred customer.
reportGet(
  'overview',
  'getReportOverview',
  OverviewSchema,
  'Overview',
  "The range's customer referral rate, repurchase rate and GMV per referred customer.",
  overviewFor,
)

// GET /api/reports/trend: clicks, orders and GMV per day (the dashboard chart).
reportGet(
  'trend',
  'getReportTrend',
  TrendSchema,
  'Trend',
  'Clicks, orders and GMV per day over the range (the dashboard chart).',
  trendFor,
)
