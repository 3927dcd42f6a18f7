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

/** A GET /reports/<path> route of the brand admin, answered from the counters. */
const reportRoute = <R extends z.ZodType>(
  path: string,
  operationId: string,
  schema: R,
  summary: string,
  description: string,
) =>
  createRoute({
    method: 'get',
    path: `/reports/${path}`,
    operationId,
    description,
    tags: ['reports'],
    ...access('admin'),
    request: { query: ReportRange },
    responses: { 200: jsonContent(schema, summary), ...errorResponses },
  })

// GET /api/reports/ripple: per ring and type, distributors to fission; amplification.
const rippleReportRoute = reportRoute(
  'ripple',
  'getRippleReport',
  RippleReportSchema,
  'Ripple report',
  'Per ring, and per distributor type within each ring, the figures over the range (distributors to fission), with the amplification: GMV of rings 2 and beyond over GMV of ring 1.',
)
reports.openapi(rippleReportRoute, async (c) => c.json(await rippleReportFor(brandOf(c), c.req.valid('query')), 200))

// GET /api/reports/channels: share of distribution GMV by circle and type.
const channelReportRoute = reportRoute(
  'channels',
  'getChannelReport',
  ChannelReportSchema,
  'Channel report',
  "The share of the range's distribution GMV by circle (internal, external) and by distributor type.",
)
reports.openapi(channelReportRoute, async (c) => c.json(await channelReportFor(brandOf(c), c.req.valid('query')), 200))

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
const overviewRoute = reportRoute(
  'overview',
  'getReportOverview',
  OverviewSchema,
  'Overview',
  "The range's customer referral rate, repurchase rate and GMV per referred customer.",
)
reports.openapi(overviewRoute, async (c) => c.json(await overviewFor(brandOf(c), c.req.valid('query')), 200))

// GET /api/reports/trend: clicks, orders and GMV per day (the dashboard chart).
const trendRoute = reportRoute(
  'trend',
  'getReportTrend',
  TrendSchema,
  'Trend',
  'Clicks, orders and GMV per day over the range (the dashboard chart).',
)
reports.openapi(trendRoute, async (c) => c.json(await trendFor(brandOf(c), c.req.valid('query')), 200))
