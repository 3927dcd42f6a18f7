import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses, securityFor } from '../openapi-app'
import { ErrorBody } from '../error-body'
import { brandOf, requireRole } from '../auth'
import { AppError } from '../../errors'
import { BatchSchema, BatchWithLines, CloseBody, PaidBody, SettlementPreviewSchema } from '../../schemas/settlement'
import { PageQuery } from '../../schemas/common'
import { listBatches, listLines } from '../../db/settlements'
import { getSettlementBatchOrThrow } from '../../services/get-settlement-batch-or-throw'
import { closeSettlement } from '../../services/close-settlement'
import { previewSettlement } from '../../services/preview-settlement'
import { markPaid } from '../../services/mark-paid'
import { presentBatch, presentBatchLine } from '../../services/present-batch'
import { presentSettlementPreview } from '../../services/present-preview'
import { batchCsv, batchLinesCsv } from '../../services/settlement-exports'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { csvDownloadHeaders } from '../csv-download'

export const settlements = router()
const BatchParams = z.object({ id: z.string().regex(/^st_[0-9_-]{7,30}$/, 'Not a settlement id.') })

// POST /api/settlements: close a period into a batch (same period again: the same batch). 202 while it is still closing: POST again to continue.
const closeSettlementRoute = createRoute({
  method: 'post',
  path: '/settlements',
  operationId: 'closeSettlement',
  description:
    'Closes a month (or a custom range) into a settlement batch: available entries up to its end are settled, lines below the payout threshold or negative are carried forward. The same period again answers the same batch; 202 means it is still closing: POST again to continue.',
  tags: ['settlements'],
  ...access('finance'),
  request: { body: jsonBody(CloseBody) },
  responses: {
    200: jsonContent(BatchSchema, 'Existing batch'),
    201: jsonContent(BatchSchema, 'Closed'),
    202: jsonContent(BatchSchema, 'Still closing'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'Another period of the brand is still closing'),
  },
})
settlements.openapi(closeSettlementRoute, async (c) => {
  const { batch, created } = await closeSettlement(brandOf(c), c.req.valid('json'))
  return c.json(presentBatch(batch), batch.status === 'closing' ? 202 : created ? 201 : 200)
})

// POST /api/settlements/preview: what closing the period now would include and carry forward, writing nothing.
const previewSettlementRoute = createRoute({
  method: 'post',
  path: '/settlements/preview',
  operationId: 'previewSettlement',
  description:
    'What closing the period now would include and carry forward, with its totals and the largest lines named, writing nothing. If the period already has a batch, that batch is named instead.',
  tags: ['settlements'],
  ...access('finance'),
  request: { body: jsonBody(CloseBody) },
  responses: { 200: jsonContent(SettlementPreviewSchema, 'The would-be batch'), ...bodyErrorResponses },
})
settlements.openapi(previewSettlementRoute, async (c) =>
  c.json(presentSettlementPreview(await previewSettlement(brandOf(c), c.req.valid('json'))), 200),
)

// GET /api/settlements: the brand's batches, newest first.
const listSettlementsRoute = createRoute({
  method: 'get',
  path: '/settlements',
  operationId: 'listSettlements',
  description: "The brand's settlement batches, newest first, a page at a time.",
  tags: ['settlements'],
  ...access('finance'),
  request: { query: PageQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(BatchSchema), nextCursor: z.string().optional() }), 'Batches'),
    ...errorResponses,
  },
})
settlements.openapi(listSettlementsRoute, async (c) => {
  const page = await listBatches(brandOf(c), c.req.valid('query'))
  return c.json({ items: page.items.map((b) => presentBatch(b)), nextCursor: page.nextCursor }, 200)
})

// GET /api/settlements/:id: the batch, its totals, reconciliation, and a page of its lines.
const getSettlementRoute = createRoute({
  method: 'get',
  path: '/settlements/{id}',
  operationId: 'getSettlement',
  description: 'A batch with its totals and reconciliation, and a page of its lines (one per distributor).',
  tags: ['settlements'],
  ...access('finance'),
  request: { params: BatchParams, query: PageQuery },
  responses: { 200: jsonContent(BatchWithLines, 'The batch'), ...errorResponses },
})
settlements.openapi(getSettlementRoute, async (c) => {
  const batch = await getSettlementBatchOrThrow(brandOf(c), c.req.valid('param').id)
  const { cursor, limit } = c.req.valid('query')
  const lines = await listLines(batch.brandId, batch.batchId, cursor, limit)
  return c.json({ ...presentBatch(batch), lines: lines.items.map(presentBatchLine), nextCursor: lines.nextCursor }, 200)
})

// POST /api/settlements/:id/paid: every entry and balance of the batch to paid, once.
const markSettlementPaidRoute = createRoute({
  method: 'post',
  path: '/settlements/{id}/paid',
  operationId: 'markSettlementPaid',
  description:
    'Marks the batch paid: every entry and balance of it moves to paid, once, with the payment date and reference. While it is still paying, POST again to continue.',
  tags: ['settlements'],
  ...access('finance'),
  request: { params: BatchParams, body: { content: { 'application/json': { schema: PaidBody } }, required: false } },
  responses: {
    200: jsonContent(BatchSchema, 'Paid (or still paying: POST again)'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'The batch is still closing, or another run of the brand holds the settlement lock'),
  },
})
settlements.openapi(markSettlementPaidRoute, async (c) => {
  // markPaid reads the batch itself (a 404 when it is not this brand's).
  return c.json(presentBatch(await markPaid(brandOf(c), c.req.valid('param').id, c.req.valid('json') ?? {})), 200)
})

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

// The downloads are plain routes (a streamed body; an unknown id is a 404), described here for the document.
for (const [kind, operationId, rows] of [
  ['export', 'exportSettlement', 'one row per distributor, Excel-ready'],
  ['lines', 'exportSettlementLines', 'one row per ledger entry'],
] as const) {
  settlements.openAPIRegistry.registerPath({
    method: 'get',
    path: `/settlements/{id}/${kind}.csv`,
    operationId,
    description: `The closed batch as a CSV download, ${rows} (UTF-8 with BOM), streamed a page at a time.`,
    tags: ['settlements'],
    security: securityFor(['finance']),
    request: { params: z.object({ id: z.string() }) },
    responses: {
      200: { description: `The CSV, ${rows}`, content: { 'text/csv': { schema: z.string() } } },
      ...errorResponses,
      409: jsonContent(ErrorBody, 'The batch is still closing'),
    },
  })
}
