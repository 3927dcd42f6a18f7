import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonContent, jsonBody, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { distributorOf } from '../auth'
import { baseUrlOf } from '../base-url'
import { Distributor, TeamSummary } from '../../schemas/distributor'
import { PageQuery } from '../../schemas/common'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { listRecruits } from '../../db/distributors'
import { linksWithClicks } from '../../services/links-with-clicks'
import { teamLevels } from '../../services/team-levels'
import { MyCustomer, MyDashboard, MyLink, MyOrder, MyRank, TeamStats } from '../../schemas/me'
import { myDashboard, myTeamStats } from '../../services/my-dashboard'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { PayoutDetails, PayoutMasked } from '../../schemas/payout'
import { setPayout } from '../../services/set-payout'
import { listMyCustomers } from '../../services/my-customers'
import { listMyOrders } from '../../services/my-orders'
import { myRank } from '../../services/my-rank'

export const me = router()

// PUT /api/me/payout: where I am paid (bank account, WeChat or Alipay id); write-only, answered masked.
const putMyPayoutRoute = createRoute({
  method: 'put',
  path: '/me/payout',
  operationId: 'putMyPayout',
  description:
    "The signed-in distributor's payout details: write-only (stored encrypted, never read back); the answer and every page show them masked. Finance's settlement export fills `payee_reference` from them.",
  tags: ['me'],
  ...access('distributor'),
  request: { body: jsonBody(PayoutDetails) },
  responses: { 200: jsonContent(z.object({ payout: PayoutMasked }), 'Stored, masked'), ...bodyErrorResponses },
})
me.openapi(putMyPayoutRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  return c.json({ payout: await setPayout(brandId, distributorId, c.req.valid('json')) }, 200)
})

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
  return c.json(await linksWithClicks(baseUrlOf(c), distributorId, { cursor, limit }), 200)
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
  const [levels, stats, page] = await Promise.all([
    teamLevels(distributorId),
    getBrandOrThrow(brandId).then((b) => myTeamStats(brandId, distributorId, b.programme.timeZone)),
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
})

const pageOf = <T extends z.ZodTypeAny>(item: T, what: string) =>
  jsonContent(z.object({ items: z.array(item), nextCursor: z.string().optional() }), what)

// GET /api/me/customers: customers bound to me, since and until when, with their latest orders credited to me.
const listMyCustomersRoute = createRoute({
  method: 'get',
  path: '/me/customers',
  operationId: 'listMyCustomers',
  description:
    'The customers bound to the signed-in distributor (ids masked as a shop shows them), when each binding began and ends, and their latest orders credited to this distributor.',
  tags: ['me'],
  ...access('distributor'),
  request: { query: PageQuery },
  responses: { 200: pageOf(MyCustomer, 'A page of my customers'), ...errorResponses },
})
me.openapi(listMyCustomersRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  const { cursor, limit } = c.req.valid('query')
  return c.json(await listMyCustomers(brandId, distributorId, { cursor, limit }), 200)
})

// GET /api/me/orders: orders credited to me or my team, newest first, each with why it pays me.
const listMyOrdersRoute = createRoute({
  method: 'get',
  path: '/me/orders',
  operationId: 'listMyOrders',
  description:
    'Orders that paid the signed-in distributor a commission, newest first: level 1 when credited to them, higher for their team, with why in one line (clicked your link, used your code, bound customer). A page may hold fewer than `limit` rows.',
  tags: ['me'],
  ...access('distributor'),
  request: { query: PageQuery },
  responses: { 200: pageOf(MyOrder, 'A page of my orders'), ...errorResponses },
})
me.openapi(listMyOrdersRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  const { cursor, limit } = c.req.valid('query')
  return c.json(await listMyOrders(brandId, distributorId, { cursor, limit }), 200)
})

// GET /api/me/rank: my place this month by GMV and by new customers, among my type and within my store.
const getMyRankRoute = createRoute({
  method: 'get',
  path: '/me/rank',
  operationId: 'getMyRank',
  description:
    "The signed-in distributor's place this month (UTC, from the 1st to today) by GMV and by new customers, among distributors of their type and within their store, from the same per-day counters as the leaderboard.",
  tags: ['me'],
  ...access('distributor'),
  responses: { 200: jsonContent(MyRank, 'My rank'), ...errorResponses },
})
me.openapi(getMyRankRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  return c.json(await myRank(await getDistributorOrThrow(brandId, distributorId)), 200)
})
