import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonContent, errorResponses } from '../openapi-app'
import { distributorOf, requireRole } from '../auth'
import { baseUrlOf } from '../base-url'
import { Distributor, TeamSummary } from '../../schemas/distributor'
import { PageQuery } from '../../schemas/common'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { getTeamCounts, listRecruits } from '../../db/distributors'
import { listLinksOf } from '../../db/links'
import { LINK_SHARDS, linkScope, sumCounters } from '../../db/counters'

export const me = router()
const mine = [requireRole('distributor')]

/** Team counts as a sorted list of levels. */
const teamLevels = (counts: Record<number, number>) =>
  Object.entries(counts)
    .map(([level, count]) => ({ level: Number(level), count }))
    .sort((a, b) => a.level - b.level)

// GET /api/me: the signed-in distributor, with team size by level.
me.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['me'],
    middleware: mine,
    responses: { 200: jsonContent(z.object({ distributor: Distributor, team: TeamSummary, inviteUrl: z.string() }), 'Me'), ...errorResponses },
  }),
  async (c) => {
    const { brandId, distributorId } = distributorOf(c)
    const [distributor, counts] = await Promise.all([getDistributorOrThrow(brandId, distributorId), getTeamCounts(distributorId)])
    return c.json({ distributor, team: { levels: teamLevels(counts) }, inviteUrl: `${baseUrlOf(c)}/m/join/${distributor.inviteCode}` }, 200)
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
        z.object({ items: z.array(z.object({ code: z.string(), shortUrl: z.string(), target: z.string(), productId: z.string().optional(), clicks: z.number().int(), createdAt: z.string() })), nextCursor: z.string().optional() }),
        'A page of links',
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { distributorId } = distributorOf(c)
    const { cursor, limit } = c.req.valid('query')
    const page = await listLinksOf(distributorId, { cursor, limit })
    const clicks = await sumCounters(page.items.map((l) => linkScope(l.code)), LINK_SHARDS, 'total', 'clicks')
    const base = baseUrlOf(c)
    const items = page.items.map((l) => ({ code: l.code, shortUrl: `${base}/s/${l.code}`, target: l.target, productId: l.productId, clicks: clicks.get(linkScope(l.code)) ?? 0, createdAt: l.createdAt }))
    return c.json({ items, nextCursor: page.nextCursor }, 200)
  },
)

// GET /api/me/team: team size by level and my direct recruits.
me.openapi(
  createRoute({
    method: 'get',
    path: '/me/team',
    tags: ['me'],
    middleware: mine,
    request: { query: PageQuery },
    responses: {
      200: jsonContent(z.object({ levels: TeamSummary.shape.levels, recruits: z.array(Distributor), nextCursor: z.string().optional() }), 'My team'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { distributorId } = distributorOf(c)
    const { cursor, limit } = c.req.valid('query')
    const [counts, page] = await Promise.all([getTeamCounts(distributorId), listRecruits(distributorId, { cursor, limit })])
    return c.json({ levels: teamLevels(counts), recruits: page.items, nextCursor: page.nextCursor }, 200)
  },
)
