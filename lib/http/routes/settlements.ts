import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
import { AppError } from '../../errors'
import { BatchSchema, CloseBody, PaidBody } from '../../schemas/settlement'
import { PageQuery } from '../../schemas/common'
import { listBatches, listLines } from '../../db/settlements'
import { closeSettlement } from '../../services/close-settlement'
import { previewSettlement } from '../../services/preview-settlement'
import { markPaid } from '../../services/mark-paid'
import { presentBatch } from '../../services/present-batch'
import { batchCsv, batchLinesCsv } from '../../services/settlement-exports'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { getSettlementBatchOrThrow } from '../../services/get-settlement-batch-or-throw'
import { csvDownloadHeaders } from '../csv-download'

export const settlements = router()
const finance = [requireRole('finance')]
const BatchParams = z.object({ id: z.string().regex(/^st_[0-9_-]{7,30}$/, 'Not a settlement id.') })

// POST /api/settlements: close a period into a batch (same period again: the same batch). 202 while it is still closing: POST again to continue.
settlements.openapi(
  createRoute({
    method: 'post',
    path: '/settlements',
    tags: ['settlements'],
    middleware: finance,
    request: { body: jsonBody(CloseBody) },
    responses: {
      200: jsonContent(BatchSchema, 'Existing batch'),
      201: jsonContent(BatchSchema, 'Closed'),
      202: jsonContent(BatchSchema, 'Still closing'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { batch, created } = await closeSettlement(brandOf(c), c.req.valid('json'))
    return c.json(presentBatch(batch), batch.status === 'closing' ? 202 : created ? 201 : 200)
  },
)

// POST /api/settlements/preview: what closing the period now would include and carry forward, writing nothing.
settlements.openapi(
  createRoute({
    method: 'post',
    path: '/settlements/preview',
    tags: ['settlements'],
    middleware: finance,
    request: { body: jsonBody(CloseBody) },
    responses: { 200: jsonContent(z.any(), 'The would-be batch'), ...errorResponses },
  }),
  async (c) => c.json(await previewSettlement(brandOf(c), c.req.valid('json')), 200),
)

// GET /api/settlements: the brand's batches, newest first.
settlements.openapi(
  createRoute({
    method: 'get',
    path: '/settlements',
    tags: ['settlements'],
    middleware: finance,
    request: { query: PageQuery },
    responses: {
      200: jsonContent(z.object({ items: z.array(BatchSchema), nextCursor: z.string().optional() }), 'Batches'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const page = await listBatches(brandOf(c), c.req.valid('query'))
    return c.json({ items: page.items.map((b) => presentBatch(b)), nextCursor: page.nextCursor }, 200)
  },
)

// GET /api/settlements/:id: the batch, its totals, reconciliation, and a page of its lines.
settlements.openapi(
  createRoute({
    method: 'get',
    path: '/settlements/{id}',
    tags: ['settlements'],
    middleware: finance,
    request: { params: BatchParams, query: PageQuery },
    responses: {
      200: jsonContent(BatchSchema.extend({ lines: z.array(z.any()), nextCursor: z.string().optional() }), 'The batch'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const batch = await getSettlementBatchOrThrow(brandOf(c), c.req.valid('param').id)
    const { cursor, limit } = c.req.valid('query')
    const lines = await listLines(batch.brandId, batch.batchId, cursor, limit)
    return c.json({ ...presentBatch(batch), lines: lines.items, nextCursor: lines.nextCursor }, 200)
  },
)

// POST /api/settlements/:id/paid: every entry and balance of the batch to paid, once.
settlements.openapi(
  createRoute({
    method: 'post',
    path: '/settlements/{id}/paid',
    tags: ['settlements'],
    middleware: finance,
    request: { params: BatchParams, body: { content: { 'application/json': { schema: PaidBody } }, required: false } },
    responses: { 200: jsonContent(BatchSchema, 'Paid (or still paying: POST again)'), ...errorResponses },
  }),
  async (c) => {
    // markPaid reads the batch itself (a 404 when it is not this brand's).
    return c.json(presentBatch(await markPaid(brandOf(c), c.req.valid('param').id, c.req.valid('json') ?? {})), 200)
  },
)

/** Streams a CSV a page at a time; the filename carries brand, period and batch. */
async function csvResponse(brandId: string, batchId: string, kind: 'export' | 'lines') {
  const [brand, batch] = await Promise.all([getBrandOrThrow(brandId), getSettlementBatchOrThrow(brandId, batchId)])
  if (batch.status === 'closing')
    throw new AppError({ code: 'conflict', message: 'The batch is still closing; export it once it is closed.' })
  const rows = kind === 'export' ? batchCsv(batch) : batchLinesCsv(batch)
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await rows.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
  })
  const safeBrand = brand.name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || brand.id
  const filename = `ripple-${safeBrand}-${batch.period.replace(/[^0-9-]/g, '_')}-${batch.batchId}-${kind}.csv`
  return new Response(body, { headers: { ...csvDownloadHeaders(filename), 'cache-control': 'no-store' } })
}

// GET /api/settlements/:id/export.csv: one row per distributor, Excel-ready.
settlements.get('/settlements/:id/export.csv', requireRole('finance'), async (c) =>
  csvResponse(brandOf(c), c.req.param('id'), 'export'),
)
// GET /api/settlements/:id/lines.csv: one row per ledger entry.
settlements.get('/settlements/:id/lines.csv', requireRole('finance'), async (c) =>
  csvResponse(brandOf(c), c.req.param('id'), 'lines'),
)
