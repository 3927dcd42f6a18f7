import { z } from '@hono/zod-openapi'
import { isCurrency } from '../domain/money'
import type { OrderBody, RefundBody } from './order'
import { OrderResult, RefundResult } from './order-result'

/**
 * The parts of Shopify's REST webhook payloads that Ripple reads; every other
 * field is dropped. Ids beyond 2^53 arrive quoted (see `quoteBigIds` in
 * lib/domain/shopify.ts), so an id is a number or a string of digits.
 * Amounts stay Shopify's decimal strings here: how many decimals are allowed
 * depends on the currency, which the mapping in lib/domain/shopify.ts applies.
 */
const ShopifyId = z.union([z.number(), z.string()])
const Decimal = z.string().openapi({ description: 'A decimal amount in major units, as Shopify writes it ("299.00").' })

export const ShopifyLineItem = z
  .object({
    id: ShopifyId,
    sku: z.string().nullish(),
    variant_id: ShopifyId.nullish(),
    quantity: z.number().int().min(0),
    price: Decimal,
    total_discount: Decimal.optional(),
    discount_allocations: z.array(z.object({ amount: Decimal })).optional(),
  })
  .openapi('ShopifyLineItem')
export type ShopifyLineItem = z.infer<typeof ShopifyLineItem>

/** `orders/paid` and `orders/create`. Attribution hints (note attributes, landing site, discount codes) are optional. */
export const ShopifyOrder = z
  .object({
    id: ShopifyId,
    currency: z.string().refine(isCurrency, 'Must be an ISO 4217 code such as CNY.'),
    financial_status: z.string().nullish(),
    processed_at: z.string().nullish(),
    created_at: z.string().nullish(),
    customer: z.object({ id: ShopifyId.nullish() }).nullish(),
    line_items: z.array(ShopifyLineItem),
    // Cart apps write what they like into note attributes: any value is read as text, as Shopify shows it.
    note_attributes: z.array(z.object({ name: z.string(), value: z.unknown().transform(String) })).optional(),
    landing_site: z.string().nullish(),
    discount_codes: z.array(z.object({ code: z.string() })).optional(),
  })
  .openapi('ShopifyOrder')
export type ShopifyOrder = z.infer<typeof ShopifyOrder>

/** `refunds/create`: refunded lines when it has them, else the refund transactions. */
export const ShopifyRefund = z
  .object({
    id: ShopifyId,
    order_id: ShopifyId,
    refund_line_items: z
      .array(z.object({ line_item_id: ShopifyId, quantity: z.number().int(), line_item: ShopifyLineItem.optional() }))
      .optional(),
    transactions: z
      .array(z.object({ amount: Decimal, kind: z.string().optional(), status: z.string().optional() }))
      .optional(),
  })
  .openapi('ShopifyRefund')
export type ShopifyRefund = z.infer<typeof ShopifyRefund>

/** A Shopify order as Ripple's order body (lib/domain/shopify.ts maps it), before that body's own validation. */
export type MappedOrder = z.input<typeof OrderBody>
/** A Shopify refund as Ripple's refund of one order. */
export interface MappedRefund {
  orderId: string
  body: z.input<typeof RefundBody>
}

/** What a Shopify delivery is answered with: Shopify only reads the status, the body is for people reading the logs. */
export const ShopifyAnswer = z
  .union([
    z.object({ ok: z.literal(true), duplicate: z.literal(true) }),
    z.object({ ok: z.literal(true), ignored: z.string() }),
    OrderResult.extend({ ok: z.literal(true) }),
    RefundResult.pick({ refundId: true, reversals: true }).extend({ ok: z.literal(true) }),
  ])
  .openapi('ShopifyAnswer')
export type ShopifyAnswer = z.infer<typeof ShopifyAnswer>
