import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { z } from 'zod'
import { AppError, fieldsFromZod } from '../errors'
import { toErrorResponse } from './on-error'
import { limitFailedSignatures } from './rate-limit'
import { getBrandWebhookSecrets } from '../db/brands'
import { getOrder } from '../db/orders'
import { rememberWebhookEvent, seenWebhookEvent } from '../db/webhook-events'
import { sha256, webhookSecretFor, safeEqual } from '../auth/secrets'
import { openSealed } from '../auth/sealed'
import { verifyRippleSignature, verifyShopifySignature } from '../domain/webhook-signature'
import {
  orderFromShopify,
  quoteBigIds,
  refundFromShopify,
  shopifyOrderId,
  type ShopifyOrder,
  type ShopifyRefund,
} from '../domain/shopify'
import { OrderBody, RefundBody } from '../schemas/order'
import { ingestOrder } from '../services/ingest-order'
import { refundOrder } from '../services/refund-order'

/** Webhook bodies may be large orders; still bounded. */
const MAX_WEBHOOK_BYTES = 1024 * 1024
const BrandParam = /^b_[A-Za-z0-9_-]{1,40}$/
const unauthorized = () =>
  new AppError({ code: 'unauthorized', message: 'The webhook signature is missing, stale or wrong.' })

/** Parses a JSON text with a schema; any fault is a 4xx naming the fields. */
function parseJson<T extends z.ZodType>(schema: T, raw: string): z.infer<T> {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    throw new AppError({ code: 'invalid_json', message: 'Malformed JSON in request body' })
  }
  const r = schema.safeParse(value)
  if (!r.success)
    throw new AppError({
      code: 'invalid_input',
      message: 'The request has invalid fields.',
      fields: fieldsFromZod(r.error),
    })
  return r.data
}

/** Checks the Ripple signature of a delivery against the brand's derived webhook secret. */
async function verifyRipple(c: Context, brandId: string, raw: string): Promise<void> {
  const secrets = BrandParam.test(brandId) ? await getBrandWebhookSecrets(brandId) : undefined
  if (!secrets) throw unauthorized()
  const secret = webhookSecretFor(brandId, secrets.nonce)
  if (!safeEqual(sha256(secret), secrets.secretHash)) throw unauthorized()
  const verdict = verifyRippleSignature(
    secret,
    c.req.header('x-ripple-timestamp'),
    c.req.header('x-ripple-signature'),
    raw,
    Math.floor(Date.now() / 1000),
  )
  if (verdict !== 'ok') throw unauthorized()
}

/**
 * Server-to-server deliveries: Ripple-signed orders and refunds, and Shopify's
 * own webhooks. The brand in the path is only trusted once the signature made
 * with that brand's secret checks out.
 */
export function buildWebhooksApp(): Hono {
  const app = new Hono().basePath('/webhooks')
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: () => {
        throw new AppError({ code: 'payload_too_large', message: 'The body is over 1 MB.' })
      },
    }),
  )

  app.use('/:brandId/*', limitFailedSignatures)

  // POST /webhooks/:brandId/orders: a signed order, same body and answer as POST /api/orders.
  app.post('/:brandId/orders', async (c) => {
    const raw = await c.req.text()
    await verifyRipple(c, c.req.param('brandId'), raw)
    const { result, created } = await ingestOrder(c.req.param('brandId'), parseJson(OrderBody, raw))
    return c.json(result, created ? 201 : 200)
  })

  // POST /webhooks/:brandId/refunds: a signed refund `{ orderId, refundId, lines | amount }`.
  app.post('/:brandId/refunds', async (c) => {
    const raw = await c.req.text()
    await verifyRipple(c, c.req.param('brandId'), raw)
    const { orderId, ...body } = parseJson(
      z.intersection(z.object({ orderId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/) }), RefundBody),
      raw,
    ) as { orderId: string } & z.infer<typeof RefundBody>
    const { refund, created } = await refundOrder(c.req.param('brandId'), orderId, body as z.infer<typeof RefundBody>)
    const { bodyHash: _h, ...visible } = refund
    return c.json(visible, created ? 201 : 200)
  })

  // POST /webhooks/:brandId/shopify: orders/paid and refunds/create from a Shopify store; other topics are acknowledged and ignored.
  app.post('/:brandId/shopify', async (c) => {
    const brandId = c.req.param('brandId')
    const raw = await c.req.text()
    const secrets = BrandParam.test(brandId) ? await getBrandWebhookSecrets(brandId) : undefined
    const secret = secrets?.shopifySecretSealed ? openSealed(secrets.shopifySecretSealed) : null
    if (!secret || !verifyShopifySignature(secret, c.req.header('x-shopify-hmac-sha256'), raw)) throw unauthorized()
    const topic = c.req.header('x-shopify-topic') ?? ''
    const eventId = c.req.header('x-shopify-event-id') ?? c.req.header('x-shopify-webhook-id')
    if (eventId && (await seenWebhookEvent(brandId, eventId))) return c.json({ ok: true, duplicate: true }, 200)
    let answer: Record<string, unknown> = { ok: true, ignored: topic }
    if (topic === 'orders/paid' || topic === 'orders/create') {
      const payload = parseJson(
        z.looseObject({ id: z.union([z.number(), z.string()]), currency: z.string(), line_items: z.array(z.any()) }),
        quoteBigIds(raw),
      ) as unknown as ShopifyOrder & { financial_status?: string }
      if (topic === 'orders/paid' || payload.financial_status === 'paid') {
        const mapped = safeMap(() => orderFromShopify(payload))
        answer = { ok: true, ...(await ingestOrder(brandId, parseJson(OrderBody, JSON.stringify(mapped)))).result }
      }
    } else if (topic === 'refunds/create') {
      const payload = parseJson(
        z.looseObject({ id: z.union([z.number(), z.string()]), order_id: z.union([z.number(), z.string()]) }),
        quoteBigIds(raw),
      ) as unknown as ShopifyRefund
      const order = await getOrder(brandId, shopifyOrderId(payload.order_id))
      if (!order)
        throw new AppError({
          code: 'not_found',
          message: `Order ${payload.order_id} has not arrived yet; Shopify will retry.`,
        })
      const mapped = safeMap(() => refundFromShopify(payload, order.currency))
      const { refund } = await refundOrder(brandId, mapped.orderId, parseJson(RefundBody, JSON.stringify(mapped.body)))
      answer = { ok: true, refundId: refund.refundId, reversals: refund.reversals }
    }
    if (eventId) await rememberWebhookEvent(brandId, eventId, topic)
    return c.json(answer, 200)
  })

  app.notFound((c) => toErrorResponse(new AppError({ code: 'not_found', message: 'No such webhook.' }), c))
  app.onError(toErrorResponse)
  return app
}

/** A payload Shopify would never send (a price that is not a decimal) is the sender's fault: 422. */
function safeMap<T>(fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw new AppError({ code: 'invalid_input', message: (err as Error).message })
  }
}
