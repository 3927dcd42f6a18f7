import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { router, jsonContent, errorResponses, securityFor } from '../openapi-app'
import { authenticate, brandOf, requireRole } from '../auth'
import { ErrorBody } from '../error-body'
import { AppError } from '../../errors'
import { ImportQuery, ImportReportSchema } from '../../schemas/staff-import'
import { importStaff } from '../../services/import-staff'

/**
 * 4 MB: a 10,000-row staff file is ~0.5 MB. API Gateway hands Lambda a binary body
 * base64-encoded (a third larger) and Lambda takes at most 6 MB per invocation.
 */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024
const CSV_TYPES = ['text/csv', 'application/octet-stream', 'text/plain']

/**
 * The staff import, mounted ahead of the API's JSON-only, 64 KB guards: it takes
 * a raw CSV body, so it brings its own size limit, content types and sign-in check.
 */
export const distributorImport = router()

const csvOnly = createMiddleware(async (c, next) => {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (!type || !CSV_TYPES.includes(type)) {
    throw new AppError({
      code: 'unsupported_media_type',
      message: 'Send the file as the body with `Content-Type: text/csv` (or application/octet-stream).',
    })
  }
  await next()
})
const limitCsv = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new AppError({
      code: 'payload_too_large',
      message: `The file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.`,
    })
  },
})

// POST /api/distributors/import: check (dryRun=true) or import a staff CSV, chunked by `next`.
const importRoute = createRoute({
  method: 'post',
  path: '/distributors/import',
  operationId: 'importDistributors',
  description:
    'Checks (`dryRun=true`) or imports a staff CSV of up to 4 MB, a chunk at a time: call again with `next` until the report has none.',
  tags: ['distributors'],
  middleware: [authenticate, requireRole('admin'), csvOnly, limitCsv],
  security: securityFor(['admin']),
  request: {
    query: ImportQuery,
    body: {
      required: true,
      description:
        'The CSV file: UTF-8 (with or without BOM) or GBK. Columns 姓名/name, 类型/type, 工号/external_id, 门店/部门/store, 推荐人工号/recruiter_external_id.',
      content: {
        'text/csv': { schema: z.string() },
        'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
  },
  responses: {
    200: jsonContent(ImportReportSchema, 'What was checked, written and what is left'),
    ...errorResponses,
    413: jsonContent(ErrorBody, 'File too large'),
    415: jsonContent(ErrorBody, 'Not a CSV body'),
  },
})
distributorImport.openapi(importRoute, async (c) => {
  const q = c.req.valid('query')
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  return c.json(
    await importStaff({ brandId: brandOf(c), bytes, dryRun: q.dryRun === 'true', next: q.next, limit: q.limit }),
    200,
  )
})
