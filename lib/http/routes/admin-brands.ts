import { createRoute } from '@hono/zod-openapi'
import { nanoid } from 'nanoid'
import { router, jsonBody, jsonContent, access, bodyErrorResponses } from '../openapi-app'
import { CreateBrandBody, CreatedBrand } from '../../schemas/brand'
import { DEFAULT_PROGRAMME, Programme } from '../../schemas/programme'
import { createBrand } from '../../db/brands'
import { sha256, webhookSecretFor } from '../../auth/secrets'
import { newApiKey } from '../../services/keys'
import { defaultTimeZoneFor } from '../../domain/time-zone'

export const adminBrands = router()

// POST /api/admin/brands: the platform admin onboards a brand and receives its first credentials, once.
const createBrandRoute = createRoute({
  method: 'post',
  path: '/admin/brands',
  operationId: 'createBrand',
  description:
    'The platform operator onboards a brand: its programme (defaults filled in) and its first credentials, the admin and finance API keys and the webhook secret, shown in this answer only.',
  tags: ['platform'],
  ...access('platform'),
  request: { body: jsonBody(CreateBrandBody) },
  responses: { 201: jsonContent(CreatedBrand, 'The brand and its credentials (shown once)'), ...bodyErrorResponses },
})
adminBrands.openapi(createBrandRoute, async (c) => {
  const body = c.req.valid('json')
  const currency = body.programme?.currency ?? DEFAULT_PROGRAMME.currency
  // A yuan brand counts Beijing days and months unless it names its zone (docs/architecture.md §3.7).
  const timeZone = body.programme?.timeZone ?? defaultTimeZoneFor(currency)
  const programme = Programme.parse({ ...DEFAULT_PROGRAMME, timeZone, ...body.programme })
  const brand = { id: `b_${nanoid(12)}`, name: body.name, createdAt: new Date().toISOString(), programme }
  const admin = newApiKey(brand.id, 'admin', 'Admin', { now: Date.parse(brand.createdAt) })
  const finance = newApiKey(brand.id, 'finance', 'Finance', { now: Date.parse(brand.createdAt) })
  const webhookNonce = nanoid(16)
  const webhookSecret = webhookSecretFor(brand.id, webhookNonce)
  await createBrand(brand, {
    adminKey: admin.record,
    financeKey: finance.record,
    webhookNonce,
    webhookSecretHash: sha256(webhookSecret),
  })
  return c.json({ brand, adminKey: admin.secret, financeKey: finance.secret, webhookSecret }, 201)
})
