import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonContent, errorResponses } from '../openapi-app'
import { distributorOf, requireRole } from '../auth'
import { baseUrlOf } from '../base-url'
import { Distributor, TeamSummary } from '../../schemas/distributor'
import { PageQuery } from '../../schemas/common'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { listRecruits } from '../../db/distributors'
import { linksWithClicks } from '../../services/links-with-clicks'
import { teamLevels } from '../../services/team-levels'
import { MyDashboard, TeamStats } from '../../schemas/me'
import { myDashboard, myTeamStats } from '../../services/my-dashboard'

export const me = router()
const mine = [requireRole('distributor')]

// GET /api/me: the signed-in distributor, team size by level, own and team figures for the last 30 days (per day and in total), earnings by status.
me.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['me'],
    middleware: mine,
    responses: {
      200: jsonContent(
        z.object({ distributor: Distributor, team: TeamSummary, inviteUrl: z.string() }).extend(MyDashboard.shape),
        'Me',
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { brandId, distributorId } = distributorOf(c)
    const [distributor, levels, dashboard] = await Promise.all([
      getDistributorOrThrow(brandId, distributorId),
      teamLevels(distributorId),
      myDashboard(brandId, distributorId),
    ])
    return c.json(
      {
        distributor,
        team: { levels },
        inviteUrl: `${baseUrlOf(c)}/m/join/${distributor.inviteCode}`,
        ...dashboard,
      },
      200,
    )
  },
)

// GET /api/me/links: my share links, newest first, with their click counts.
me.openapi(
  createRoute({
    method: 'get',
    path: '/me/links',
    tags: ['me'],
    middleware: mine,
    request: { query: PageQuery },
    responses: {
      200: jsonContent(
        z.object({
          items: z.array(
            z.object({
              code: z.string(),
              shortUrl: z.string(),
              target: z.string(),
              productId: z.string().optional(),
              clicks: z.number().int(),
              createdAt: z.string(),
            }),
          ),
          nextCursor: z.string().optional(),
        }),
        'A page of links',
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { distributorId } = distributorOf(c)
    const { cursor, limit } = c.req.valid('query')
    return c.json(await linksWithClicks(baseUrlOf(c), distributorId, { cursor, limit }), 200)
  },
)

// GET /api/me/team: team size by level, the team's figures for the last 30 days and my direct recruits.
me.openapi(
  createRoute({
    method: 'get',
    path: '/me/team',
    tags: ['me'],
    middleware: mine,
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
  }),
  async (c) => {
    const { brandId, distributorId } = distributorOf(c)
    const { cursor, limit } = c.req.valid('query')
    const [levels, stats, page] = await Promise.all([
      teamLevels(distributorId),
      myTeamStats(brandId, distributorId),
      listRecruits(distributorId, { cursor, limit }),
    ])
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
  },
)
