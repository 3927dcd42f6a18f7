import { createRoute, z } from '@hono/zod-openapi'
import { openSealed } from '../../auth/sealed'
import { getBrandWebhookSecrets } from '../../db/brands'
import { verifyRippleSignature, verifyShopifySignature } from '../../domain/webhook-signature'
import { AppError } from '../../errors'
import { OrderBody, RefundBody } from '../../schemas/order'
import { OrderResult, RefundResult } from '../../schemas/order-result'
import { ShopifyAnswer, ShopifyHeaders, ShopifyOrder, ShopifyRefund, shopifyIssueMessage } from '../../schemas/shopify'
import { ingestOrder } from '../../services/ingest-order'
import { presentRefund } from '../../services/present-refund'
import { readJson } from '../../services/read-json'
import { receiveShopify } from '../../services/receive-shopify'
import { rippleWebhookSecrets } from '../../services/keys'
import { refundOrder } from '../../services/refund-order'
import { ErrorBody } from '../error-body'
import { jsonBody, jsonContent, router } from '../openapi-app'

/**
 * Server-to-server deliveries: Ripple-signed orders and refunds, and Shopify's
 * own webhooks. The brand in the path is only trusted once the signature made
 * with that brand's secret checks out, and the body is parsed only after that:
 * the signature covers the raw bytes, so each handler reads the body as text,
 * verifies it, then validates it with the schemas its route documents (which is
 * why the routes are registered for the document and routed by hand rather than
 * through `openapi()`, whose validators would parse the body first).
 */
export const webhooks = router()

const BrandParams = z.object({
  brandId: z
    .string()
    .regex(/^b_[A-Za-z0-9_-]{1,40}$/)
    .openapi({ description: 'The brand whose webhook secret signed the delivery.' }),
})
const unauthorized = () =>
  new AppError({ code: 'unauthorized', message: 'The webhook signature is missing, stale or wrong.' })

webhooks.openAPIRegistry.registerComponent('securitySchemes', 'rippleSignature', {
  type: 'apiKey',
  in: 'header',
  name: 'X-Ripple-Signature',
  description:
    '`sha256=<hex HMAC-SHA256 of "<X-Ripple-Timestamp>.<raw body>">` keyed by the brand\'s webhook secret (shown once when the brand is created); a timestamp more than 300 s from now is refused.',
})
webhooks.openAPIRegistry.registerComponent('securitySchemes', 'shopifyHmac', {
  type: 'apiKey',
  in: 'header',
  name: 'X-Shopify-Hmac-Sha256',
  description: "Shopify's base64 HMAC-SHA256 of the raw body, keyed by the brand's Shopify webhook secret.",
})

const RippleHeaders = z.object({
  'x-ripple-timestamp': z
    .string()
    .regex(/^\d{1,12}$/)
    .openapi({ description: 'Unix seconds when the delivery was signed; part of the signed text.' }),
})
const WebhookRefundBody = z
  .intersection(z.object({ orderId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/) }), RefundBody)
  .openapi('WebhookRefundInput')

/** The refusals every webhook can give, each with the shared error body. */
const webhookErrors = {
  400: jsonContent(ErrorBody, 'Malformed JSON'),
  401: jsonContent(ErrorBody, 'Signature missing, stale or wrong, or no such brand'),
  409: jsonContent(ErrorBody, 'Same id, different body (for Shopify: a used event id with another topic or body)'),
  413: jsonContent(ErrorBody, 'Body over 1 MB'),
  422: jsonContent(ErrorBody, 'Invalid fields'),
} as const

const receiveOrderRoute = createRoute({
  method: 'post',
  path: '/webhooks/{brandId}/orders',
  tags: ['webhooks'],
  operationId: 'receiveOrderWebhook',
  summary: 'A signed paid order',
  description:
    "A paid order from the brand's backend, signed with its webhook secret: the same body and answer as `POST /api/orders`, written once per orderId.",
  security: [{ rippleSignature: [] }],
  request: { params: BrandParams, headers: RippleHeaders, body: jsonBody(OrderBody) },
  responses: {
    200: jsonContent(OrderResult, 'Already received: the stored result'),
    201: jsonContent(OrderResult, 'Received'),
    ...webhookErrors,
  },
})

const receiveRefundRoute = createRoute({
  method: 'post',
  path: '/webhooks/{brandId}/refunds',
  tags: ['webhooks'],
  operationId: 'receiveRefundWebhook',
  summary: 'A signed refund',
  description:
    "A refund of an order, signed with the brand's webhook secret: `{ orderId, refundId, lines | amount }`. Commissions are reversed pro rata, once per refundId; the answer is that of `POST /api/orders/{orderId}/refunds`.",
  security: [{ rippleSignature: [] }],
  request: { params: BrandParams, headers: RippleHeaders, body: jsonBody(WebhookRefundBody) },
  responses: {
    200: jsonContent(RefundResult, 'Already received'),
    201: jsonContent(RefundResult, 'Refunded'),
    404: jsonContent(ErrorBody, 'No such order'),
    ...webhookErrors,
  },
})

const receiveShopifyRoute = createRoute({
  method: 'post',
  path: '/webhooks/{brandId}/shopify',
  tags: ['webhooks'],
  operationId: 'receiveShopifyWebhook',
  summary: 'A Shopify webhook',
  description:
    "A webhook from the brand's Shopify store. orders/paid (and orders/create once paid) is ingested as an order, refunds/create as a refund of it; any other topic is acknowledged and ignored. Repeats of an event id are acknowledged and do nothing.",
  security: [{ shopifyHmac: [] }],
  request: {
    params: BrandParams,
    headers: ShopifyHeaders,
    body: jsonBody(z.union([ShopifyOrder, ShopifyRefund]).openapi({ description: 'The payload of the topic.' })),
  },
  responses: {
    200: jsonContent(ShopifyAnswer, 'Received, a repeat, or a topic Ripple ignores'),
    404: jsonContent(ErrorBody, "A refund of an order that has not arrived yet: Shopify's retry will find it"),
    ...webhookErrors,
  },
})

for (const route of [receiveOrderRoute, receiveRefundRoute, receiveShopifyRoute])
  webhooks.openAPIRegistry.registerPath(route)

/** The brand's webhook secrets, or nothing for a brand id that is malformed or unknown. */
const secretsOf = async (brandId: string) =>
  BrandParams.shape.brandId.safeParse(brandId).success ? await getBrandWebhookSecrets(brandId) : undefined

/** Checks the Ripple signature of a delivery against the brand's webhook secret (or, during a rotation's grace, the previous one). */
async function verifyRipple(brandId: string, header: (name: string) => string | undefined, raw: string) {
  const secrets = BrandParams.shape.brandId.safeParse(brandId).success ? await rippleWebhookSecrets(brandId) : []
  const now = Math.floor(Date.now() / 1000)
  const signedBy = (secret: string) =>
    verifyRippleSignature(secret, header('x-ripple-timestamp'), header('x-ripple-signature'), raw, now) === 'ok'
  if (!secrets.some(signedBy)) throw unauthorized()
}

// POST /webhooks/:brandId/orders: a signed order, same body and answer as POST /api/orders.
webhooks.post(receiveOrderRoute.getRoutingPath(), async (c) => {
  const brandId = c.req.param('brandId')
  const raw = await c.req.text()
  await verifyRipple(brandId, (name) => c.req.header(name), raw)
  const { result, created } = await ingestOrder(brandId, OrderBody.parse(readJson(raw)))
  return c.json(result, created ? 201 : 200)
})

// POST /webhooks/:brandId/refunds: a signed refund `{ orderId, refundId, lines | amount }`.
webhooks.post(receiveRefundRoute.getRoutingPath(), async (c) => {
  const brandId = c.req.param('brandId')
  const raw = await c.req.text()
  await verifyRipple(brandId, (name) => c.req.header(name), raw)
  const { orderId, ...body } = WebhookRefundBody.parse(readJson(raw))
  // TypeScript keeps only the keys common to the union in the rest of the destructuring; the value is a RefundBody.
  const { refund, created } = await refundOrder(brandId, orderId, body as RefundBody)
  return c.json(presentRefund(refund), created ? 201 : 200)
})

// POST /webhooks/:brandId/shopify: orders/paid and refunds/create from a Shopify store; other topics are acknowledged and ignored.
webhooks.post(receiveShopifyRoute.getRoutingPath(), async (c) => {
  const brandId = c.req.param('brandId')
  const raw = await c.req.text()
  const sealed = (await secretsOf(brandId))?.shopifySecretSealed
  const secret = sealed ? openSealed(sealed) : null
  if (!secret || !verifyShopifySignature(secret, c.req.header('x-shopify-hmac-sha256'), raw)) throw unauthorized()
  // Headers are not signed: each is bounded before it names anything (an event id becomes a key).
  const headers = ShopifyHeaders.parse(
    Object.fromEntries(Object.keys(ShopifyHeaders.shape).map((name) => [name, c.req.header(name)])),
    { error: shopifyIssueMessage },
  )
  const topic = headers['x-shopify-topic']
  const eventId = headers['x-shopify-event-id'] ?? headers['x-shopify-webhook-id']
  return c.json(await receiveShopify({ brandId, topic, eventId, raw }), 200)
})
