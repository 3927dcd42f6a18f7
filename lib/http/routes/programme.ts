import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { Programme } from '../../schemas/programme'
import { putProgramme } from '../../db/brands'
import { seal } from '../../auth/sealed'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { AppError } from '../../errors'

export const programme = router()

/** PUT body: every setting, plus the brand's Shopify webhook secret (optional, write-only). */
const ProgrammeUpdate = Programme.extend({
  timeZone: Programme.shape.timeZone.optional().openapi({
    description: 'Kept as stored when absent. Refused (409) once the brand has an order, unless unchanged.',
  }),
  shopifySecret: z.string().min(8).max(256).optional(),
}).openapi('ProgrammeUpdate')

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
  const brandId = brandOf(c)
  // Without a zone the PUT keeps the stored one (clients written before zones existed send none).
  const timeZone = settings.timeZone ?? (await getBrandOrThrow(brandId)).programme.timeZone
  // The Shopify secret is write-only: stored sealed for verifying Shopify's webhooks, never returned.
  const r = await putProgramme(brandId, { ...settings, timeZone }, shopifySecret ? seal(shopifySecret) : undefined)
  if (r.ok) return c.json(r.brand.programme, 200)
  if (r.reason === 'notFound') throw new AppError({ code: 'not_found', message: 'Brand not found.' })
  throw new AppError({
    code: 'conflict',
    message: `The time zone is fixed at ${r.brand.programme.timeZone} since the brand's first order (${r.brand.firstOrderAt}): its days, reports and settlement months are counted in it.`,
    fields: { timeZone: 'Fixed once the brand has orders.' },
  })
})
