import { createRoute } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
import { Programme } from '../../schemas/programme'
import { putProgramme } from '../../db/brands'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'

export const programme = router()

// GET /api/programme: the brand's programme settings.
programme.openapi(
  createRoute({
    method: 'get',
    path: '/programme',
    tags: ['programme'],
    middleware: [requireRole('admin', 'finance')] as const,
    responses: { 200: jsonContent(Programme, 'Programme settings'), ...errorResponses },
  }),
  async (c) => c.json((await getBrandOrThrow(brandOf(c))).programme, 200),
)

// PUT /api/programme: replace every setting at once (validated as a whole).
programme.openapi(
  createRoute({
    method: 'put',
    path: '/programme',
    tags: ['programme'],
    middleware: [requireRole('admin')] as const,
    request: { body: jsonBody(Programme) },
    responses: { 200: jsonContent(Programme, 'Stored settings'), ...errorResponses },
  }),
  async (c) => {
    const brand = await putProgramme(brandOf(c), c.req.valid('json'))
    return c.json(brand.programme, 200)
  },
)
