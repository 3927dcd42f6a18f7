import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { Programme } from '../../schemas/programme'
import { putProgramme } from '../../db/brands'
import { seal } from '../../auth/sealed'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'

export const programme = router()

/** PUT body: every setting, plus the brand's Shopify webhook secret (optional, write-only). */
const ProgrammeUpdate = Programme.extend({ shopifySecret: z.string().min(8).max(256).optional() }).openapi(
  'ProgrammeUpdate',
)

// GET /api/programme: the brand's programme settings.
const getProgrammeRoute = createRoute({
  method: 'get',
  path: '/programme',
  operationId: 'getProgramme',
  description:
    "The brand's programme: currency, levels, default rate, binding window, hold, payout threshold and the rest.",
  tags: ['programme'],
  ...access('admin', 'finance'),
  responses: { 200: jsonContent(Programme, 'Programme settings'), ...errorResponses },
})
programme.openapi(getProgrammeRoute, async (c) => c.json((await getBrandOrThrow(brandOf(c))).programme, 200))

// PUT /api/programme: replace every setting at once (validated as a whole).
const replaceProgrammeRoute = createRoute({
  method: 'put',
  path: '/programme',
  operationId: 'replaceProgramme',
  description:
    "Replaces every setting at once, validated as a whole. `shopifySecret` (optional) is stored sealed to verify Shopify's webhooks and never returned.",
  tags: ['programme'],
  ...access('admin'),
  request: { body: jsonBody(ProgrammeUpdate) },
  responses: { 200: jsonContent(Programme, 'Stored settings'), ...bodyErrorResponses },
})
programme.openapi(replaceProgrammeRoute, async (c) => {
  const { shopifySecret, ...settings } = c.req.valid('json')
  // The Shopify secret is write-only: stored sealed for verifying Shopify's webhooks, never returned.
  const brand = await putProgramme(brandOf(c), settings, shopifySecret ? seal(shopifySecret) : undefined)
  return c.json(brand.programme, 200)
})
