import { getOrder } from '../db/orders'
import { rememberWebhookEvent, seenWebhookEvent } from '../db/webhook-events'
import { type Mapped, orderFromShopify, quoteBigIds, refundFromShopify, shopifyOrderId } from '../domain/shopify'
import { AppError, invalidField } from '../errors'
import { OrderBody, RefundBody } from '../schemas/order'
import { type ShopifyAnswer, ShopifyOrder, ShopifyRefund } from '../schemas/shopify'
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
 * Receives a Shopify webhook once per event id: a repeat is answered at once
 * and does nothing. A delivery that fails is not remembered, so Shopify's retry
 * (a refund that came before its order) is processed when it arrives again.
 * Remembering is only a shortcut: orders and refunds are idempotent on their own.
 */
export async function receiveShopify({ brandId, topic, eventId, raw }: ShopifyDelivery): Promise<ShopifyAnswer> {
  if (eventId && (await seenWebhookEvent(brandId, eventId))) return { ok: true, duplicate: true }
  const answer = await receiveTopic(brandId, topic, raw)
  if (eventId) await rememberWebhookEvent(brandId, eventId, topic)
  return answer
}

async function receiveTopic(brandId: string, topic: string, raw: string): Promise<ShopifyAnswer> {
  if (topic === 'orders/paid' || topic === 'orders/create') {
    const json = readJson(quoteBigIds(raw))
    // orders/create counts only when it is already paid (and is not read further otherwise); orders/paid always does.
    const status = ShopifyOrder.pick({ financial_status: true }).safeParse(json).data?.financial_status
    if (topic === 'orders/paid' || status === 'paid') {
      const order = OrderBody.parse(mappedOrThrow(orderFromShopify(ShopifyOrder.parse(json))))
      return { ok: true, ...(await ingestOrder(brandId, order)).result }
    }
  } else if (topic === 'refunds/create') {
    const refund = ShopifyRefund.parse(readJson(quoteBigIds(raw)))
    // The refund's currency is its order's: the order must have arrived first.
    const order = await getOrder(brandId, shopifyOrderId(refund.order_id))
    if (!order)
      throw new AppError({
        code: 'not_found',
        message: `Order ${refund.order_id} has not arrived yet; Shopify will retry.`,
      })
    const { orderId, body } = mappedOrThrow(refundFromShopify(refund, order.currency))
    const { refundId, reversals } = presentRefund((await refundOrder(brandId, orderId, RefundBody.parse(body))).refund)
    return { ok: true, refundId, reversals }
  }
  return { ok: true, ignored: topic }
}

/** A payload Shopify would never send (a price with too many decimals) is the sender's fault: a 422 naming the field. */
function mappedOrThrow<T>(m: Mapped<T>): T {
  if (!m.ok) throw invalidField(m.field, m.message)
  return m.value
}
