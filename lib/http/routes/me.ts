import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonContent, access, errorResponses } from '../openapi-app'
import { distributorOf } from '../auth'
import { baseUrlOf } from '../base-url'
import { Distributor, TeamSummary } from '../../schemas/distributor'
import { PageQuery } from '../../schemas/common'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { getTeamCounts, listRecruits } from '../../db/distributors'
import { listLinksOf } from '../../db/links'
import { LINK_SHARDS, linkScope, sumCounters } from '../../db/counters'
import { MyDashboard, MyLink, TeamStats } from '../../schemas/me'
import { myDashboard, myTeamStats } from '../../services/my-dashboard'

export const me = router()

/** Team counts as a sorted list of levels. */
const teamLevels = (counts: Record<number, number>) =>
  Object.entries(counts)
    .map(([level, count]) => ({ level: Number(level), count }))
    .sort((a, b) => a.level - b.level)

// GET /api/me: the signed-in distributor, team size by level, own and team figures for the last 30 days (per day and in total), earnings by status.
const getMeRoute = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  description:
    "The signed-in distributor, their team size by level, their own and their team's figures for the last 30 days (per day and in total), their earnings by status and their invite URL.",
  tags: ['me'],
  ...access('distributor'),
  responses: {
    200: jsonContent(
      z.object({ distributor: Distributor, team: TeamSummary, inviteUrl: z.string() }).extend(MyDashboard.shape),
      'Me',
    ),
    ...errorResponses,
  },
})
me.openapi(getMeRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  const [distributor, counts, dashboard] = await Promise.all([
    getDistributorOrThrow(brandId, distributorId),
    getTeamCounts(distributorId),
    myDashboard(brandId, distributorId),
  ])
  return c.json(
    {
      distributor,
      team: { levels: teamLevels(counts) },
      inviteUrl: `${baseUrlOf(c)}/m/join/${distributor.inviteCode}`,
      ...dashboard,
    },
    200,
  )
})

// GET /api/me/links: my share links, newest first, with their click counts.
const listMyLinksRoute = createRoute({
  method: 'get',
  path: '/me/links',
  operationId: 'listMyLinks',
  description: "The signed-in distributor's share links, newest first, each with its short URL and click count.",
  tags: ['me'],
  ...access('distributor'),
  request: { query: PageQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(MyLink), nextCursor: z.string().optional() }), 'A page of links'),
    ...errorResponses,
  },
})
me.openapi(listMyLinksRoute, async (c) => {
  const { distributorId } = distributorOf(c)
  const { cursor, limit } = c.req.valid('query')
  const page = await listLinksOf(distributorId, { cursor, limit })
  const clicks = await sumCounters(
    page.items.map((l) => linkScope(l.code)),
    LINK_SHARDS,
    'total',
    'clicks',
  )
  const base = baseUrlOf(c)
  const items = page.items.map(
    (l): MyLink => ({
      code: l.code,
      shortUrl: `${base}/s/${l.code}`,
      target: l.target,
      productId: l.productId,
      clicks: clicks.get(linkScope(l.code)) ?? 0,
      createdAt: l.createdAt,
    }),
  )
  return c.json({ items, nextCursor: page.nextCursor }, 200)
})

// GET /api/me/team: team size by level, the team's figures for the last 30 days and my direct recruits.
const getMyTeamRoute = createRoute({
  method: 'get',
  path: '/me/team',
  operationId: 'getMyTeam',
  description:
    "The signed-in distributor's team: its size by level, its figures for the last 30 days and a page of their direct recruits.",
  tags: ['me'],
  ...access('distributor'),
  request: { query: PageQuery },
  responses: {
    200: jsonContent(
      z.object({
        levels: TeamSummary.shape.levels,
        total: z.number().int(),
        stats: TeamStats,
        recruits: z.array(Distributor),
        nextCursor: z.string().optional(),
      }),
      'My team',
    ),
    ...errorResponses,
  },
})
me.openapi(getMyTeamRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  const { cursor, limit } = c.req.valid('query')
  const [counts, stats, page] = await Promise.all([
    getTeamCounts(distributorId),
    myTeamStats(brandId, distributorId),
    listRecruits(distributorId, { cursor, limit }),
  ])
  const levels = teamLevels(counts)
  return c.json(
    {
      levels,
      total: levels.reduce((n, l) => n + l.count, 0),
      stats,
      recruits: page.items,
      nextCursor: page.nextCursor,
    },
    200,
  )
})
