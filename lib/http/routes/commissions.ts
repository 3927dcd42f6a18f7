import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, distributorOf, requireRole } from '../auth'
import { CommissionQuery, LedgerEntrySchema } from '../../schemas/commission-query'
import { PageQuery } from '../../schemas/common'
import { listCommissions } from '../../services/list-commissions'
import { getBalance } from '../../db/balances'
import { listLedgerOf } from '../../db/ledger'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'

export const commissions = router()
const Page = z.object({ items: z.array(LedgerEntrySchema), nextCursor: z.string().optional() })

// GET /api/commissions: ledger entries, by distributor, status, order or time range.
commissions.openapi(
  createRoute({
    method: 'get',
    path: '/commissions',
    tags: ['commissions'],
    middleware: [requireRole('admin', 'finance')],
    request: { query: CommissionQuery },
    responses: { 200: jsonContent(Page, 'A page of entries'), ...errorResponses },
  }),
  async (c) => c.json(await listCommissions(brandOf(c), c.req.valid('query')), 200),
)

// GET /api/me/commissions: my entries, newest first, and my balance by status.
commissions.openapi(
  createRoute({
    method: 'get',
    path: '/me/commissions',
    tags: ['me'],
    middleware: [requireRole('distributor')],
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
  }),
  async (c) => {
    const { brandId, distributorId } = distributorOf(c)
    const { cursor, limit } = c.req.valid('query')
    const brand = await getBrandOrThrow(brandId)
    const [page, balance] = await Promise.all([
      listLedgerOf(distributorId, { cursor, limit }),
      getBalance(distributorId, brand.programme.currency),
    ])
    return c.json({ ...page, balance }, 200)
  },
)
