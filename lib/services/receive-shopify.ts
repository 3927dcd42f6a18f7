import { createHash } from 'node:crypto'
import { getOrder } from '../db/orders'
import { getWebhookEvent, rememberWebhookEvent } from '../db/webhook-events'
import { deliveryUnder, type Mapped, orderFromShopify, quoteBigIds, shopifyOrderId } from '../domain/shopify'
import { refundFromShopify } from '../domain/shopify-refund'
import { AppError, invalidField } from '../errors'
import { OrderBody, RefundBody } from '../schemas/order'
import { type ShopifyAnswer, ShopifyOrder, ShopifyRefund, shopifyIssueMessage } from '../schemas/shopify'
import { ingestOrder } from './ingest-order'
import { presentRefund } from './present-refund'
import { readJson } from './read-json'
import { refundOrder } from './refund-order'

/** One verified delivery from a brand's Shopify store. */
export interface ShopifyDelivery {
  brandId: string
  /** `X-Shopify-Topic`: orders/paid, orders/create and refunds/create are read; any other is acknowledged. */
  topic: string
  /** `X-Shopify-Event-Id` (or the older `X-Shopify-Webhook-Id`): the same id is the same delivery. */
  eventId?: string
  /** The body as signed: parsed here, after the signature and the repeat check. */
  raw: string
}

/**
 * Receives a Shopify webhook once per event id: a repeat (same id, topic and
 * signed body) is answered at once and does nothing; another body under a used
 * id is a 409, since Shopify never sends one. A delivery that fails is not
 * remembered, so Shopify's retry (a refund that came before its order) is
 * processed when it arrives again. Remembering is only a shortcut: orders and
 * refunds are idempotent on their own.
 */
export async function receiveShopify({ brandId, topic, eventId, raw }: ShopifyDelivery): Promise<ShopifyAnswer> {
  const delivery = { topic, bodyHash: createHash('sha256').update(raw).digest('hex') }
  if (eventId) {
    const seen = deliveryUnder(await getWebhookEvent(brandId, eventId), delivery)
    if (seen === 'repeat') return { ok: true, duplicate: true }
    if (seen === 'conflict')
      throw new AppError({
        code: 'conflict',
        message: `Event ${eventId} was already received with another topic or body; a repeat must be the same delivery.`,
        fields: { 'x-shopify-event-id': 'Already used for another delivery.' },
      })
  }
  const answer = await receiveTopic(brandId, topic, raw)
  if (eventId) await rememberWebhookEvent(brandId, eventId, delivery)
  return answer
}

/** Parses a payload by its schema, a misfit answered in Ripple's words (a 422 naming each field). */
const parseShopify = <T>(schema: { parse: (v: unknown, p: { error: typeof shopifyIssueMessage }) => T }, v: unknown) =>
  schema.parse(v, { error: shopifyIssueMessage })

async function receiveTopic(brandId: string, topic: string, raw: string): Promise<ShopifyAnswer> {
  if (topic === 'orders/paid' || topic === 'orders/create') {
    const json = readJson(quoteBigIds(raw))
    // orders/create counts only when it is already paid (and is not read further otherwise); orders/paid always does.
    const status = ShopifyOrder.pick({ financial_status: true }).safeParse(json).data?.financial_status
    if (topic === 'orders/paid' || status === 'paid') {
      const order = OrderBody.parse(mappedOrThrow(orderFromShopify(parseShopify(ShopifyOrder, json))))
      return { ok: true, ...(await ingestShopifyOrder(brandId, order)).result }
    }
  } else if (topic === 'refunds/create') {
    const refund = parseShopify(ShopifyRefund, readJson(quoteBigIds(raw)))
    // The refund's currency and lines are its order's: the order must have arrived first.
    const order = await getOrder(brandId, shopifyOrderId(refund.order_id))
    if (!order)
      throw new AppError({
        code: 'not_found',
        message: `Order ${refund.order_id} has not arrived yet; Shopify will retry.`,
      })
    const { orderId, body, setAside } = mappedOrThrow(refundFromShopify(refund, order))
    // A refund of nothing commissioned (shipping only, money pending) is still recorded: an amount of 0 reverses nothing.
    const valid = 'amount' in body && body.amount === 0 ? body : RefundBody.parse(body)
    const { refundId, reversals } = presentRefund((await refundOrder(brandId, orderId, valid)).refund)
    return { ok: true, refundId, reversals, setAside }
  }
  return { ok: true, ignored: topic }
}

/**
 * Ingests a mapped order. An order stored before lines kept their Shopify ids
 * was hashed without them: its repeat is compared as that body, so Shopify's
 * retry across the change is still a repeat rather than a 409.
 */
async function ingestShopifyOrder(brandId: string, order: OrderBody) {
  try {
    return await ingestOrder(brandId, order)
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'conflict')) throw err
    const stored = await getOrder(brandId, order.orderId)
    if (!stored || stored.lines.some((l) => l.externalLineIds)) throw err
    return await ingestOrder(brandId, { ...order, lines: order.lines.map(({ externalLineIds: _, ...l }) => l) })
  }
}

/** A payload Shopify would never send (a price with too many decimals) is the sender's fault: a 422 naming the field. */
function mappedOrThrow<T>(m: Mapped<T>): T {
  if (!m.ok) throw invalidField(m.field, m.message)
  return m.value
}
