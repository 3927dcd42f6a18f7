import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonContent, access, errorResponses } from '../openapi-app'
import { brandOf, distributorOf } from '../auth'
import { CommissionQuery, LedgerEntrySchema } from '../../schemas/commission-query'
import { PageQuery } from '../../schemas/common'
import { listCommissions } from '../../services/list-commissions'
import { getBalance } from '../../db/balances'
import { listLedgerOf } from '../../db/ledger'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { presentLedgerEntry } from '../../services/present-ledger-entry'

export const commissions = router()
const Page = z.object({ items: z.array(LedgerEntrySchema), nextCursor: z.string().optional() })

// GET /api/commissions: ledger entries, by distributor, status, order or time range.
const listCommissionsRoute = createRoute({
  method: 'get',
  path: '/commissions',
  operationId: 'listCommissions',
  description: "The brand's ledger entries, a page at a time, by distributor, status, order or time range.",
  tags: ['commissions'],
  ...access('admin', 'finance'),
  request: { query: CommissionQuery },
  responses: { 200: jsonContent(Page, 'A page of entries'), ...errorResponses },
})
commissions.openapi(listCommissionsRoute, async (c) => {
  const page = await listCommissions(brandOf(c), c.req.valid('query'))
  return c.json({ items: page.items.map(presentLedgerEntry), nextCursor: page.nextCursor }, 200)
})

// GET /api/me/commissions: my entries, newest first, and my balance by status.
const listMyCommissionsRoute = createRoute({
  method: 'get',
  path: '/me/commissions',
  operationId: 'listMyCommissions',
  description: "The signed-in distributor's ledger entries, newest first, and their balance by status.",
  tags: ['me'],
  ...access('distributor'),
  request: { query: PageQuery },
  responses: {
    200: jsonContent(
      Page.extend({
        balance: z.object({
          currency: z.string(),
          pending: z.number().int(),
          available: z.number().int(),
          settled: z.number().int(),
          paid: z.number().int(),
        }),
      }),
      'My ledger',
    ),
    ...errorResponses,
  },
})
commissions.openapi(listMyCommissionsRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  const { cursor, limit } = c.req.valid('query')
  const brand = await getBrandOrThrow(brandId)
  const [page, balance] = await Promise.all([
    listLedgerOf(distributorId, { cursor, limit }),
    getBalance(distributorId, brand.programme.currency),
  ])
  return c.json({ items: page.items.map(presentLedgerEntry), nextCursor: page.nextCursor, balance }, 200)
})
