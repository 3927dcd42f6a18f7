import { createRoute, type z } from '@hono/zod-openapi'
import { router, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
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
const admin = [requireRole('admin')]

/** A GET /reports/<path> route of the brand admin, answered from the counters. */
const reportRoute = <R extends z.ZodType>(path: string, schema: R, description: string) =>
  createRoute({
    method: 'get',
    path: `/reports/${path}`,
    tags: ['reports'],
    middleware: admin,
    request: { query: ReportRange },
    responses: { 200: jsonContent(schema, description), ...errorResponses },
  })

// GET /api/reports/ripple: per ring and type, distributors to fission; amplification.
reports.openapi(reportRoute('ripple', RippleReportSchema, 'Ripple report'), async (c) =>
  c.json(await rippleReportFor(brandOf(c), c.req.valid('query')), 200),
)

// GET /api/reports/channels: share of distribution GMV by circle and type.
reports.openapi(reportRoute('channels', ChannelReportSchema, 'Channel report'), async (c) =>
  c.json(await channelReportFor(brandOf(c), c.req.valid('query')), 200),
)

// GET /api/reports/leaderboard: distributors or stores ranked by GMV, orders or recruits.
reports.openapi(
  createRoute({
    method: 'get',
    path: '/reports/leaderboard',
    tags: ['reports'],
    middleware: admin,
    request: { query: LeaderboardQuery },
    responses: { 200: jsonContent(LeaderboardSchema, 'Leaderboard'), ...errorResponses },
  }),
  async (c) => c.json(await leaderboardFor(brandOf(c), c.req.valid('query')), 200),
)

// GET /api/reports/overview: customer referral rate, repurchase rate, GMV per referred customer.
reports.openapi(reportRoute('overview', OverviewSchema, 'Overview'), async (c) =>
  c.json(await overviewFor(brandOf(c), c.req.valid('query')), 200),
)

// GET /api/reports/trend: clicks, orders and GMV per day (the dashboard chart).
reports.openapi(reportRoute('trend', TrendSchema, 'Trend'), async (c) =>
  c.json(await trendFor(brandOf(c), c.req.valid('query')), 200),
)
