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
 * Everything is bounded (ids, texts, arrays, quantities) so an absurd payload is
 * a 422 naming its field, never work or a key DynamoDB refuses.
 */
const ShopifyId = z.union([
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  z.string().regex(/^\d{1,32}$/, 'Must be a Shopify id: digits.'),
])
const Decimal = z
  .string()
  .max(40)
  .openapi({ description: 'A decimal amount in major units, as Shopify writes it ("299.00").' })
/** An amount in a `*_set` money bag: Shopify writes a decimal string, some payloads a JSON number. */
const Amount = z.union([Decimal, z.number()])
/** Shopify's money bag: the shop's currency (the order's) and the customer's; only the shop's is read. */
const MoneySet = z.object({ shop_money: z.object({ amount: Amount }) })
const Text = z.string().max(1000)

export const ShopifyLineItem = z
  .object({
    id: ShopifyId,
    sku: Text.nullish(),
    variant_id: ShopifyId.nullish(),
    quantity: z.number().int().min(0).max(100_000),
    price: Decimal,
    total_discount: Decimal.nullish(),
    discount_allocations: z
      .array(z.object({ amount: Decimal }))
      .max(100)
      .nullish(),
  })
  .openapi('ShopifyLineItem')
export type ShopifyLineItem = z.infer<typeof ShopifyLineItem>

/** `orders/paid` and `orders/create`. Attribution hints (note attributes, landing site, discount codes) are optional. */
export const ShopifyOrder = z
  .object({
    id: ShopifyId,
    currency: z.string().max(8).refine(isCurrency, 'format.currency'),
    financial_status: Text.nullish(),
    processed_at: Text.nullish(),
    created_at: Text.nullish(),
    customer: z.object({ id: ShopifyId.nullish() }).nullish(),
    line_items: z.array(ShopifyLineItem).max(500),
    // Cart apps write what they like into note attributes: any value is read as text, as Shopify shows it.
    note_attributes: z
      .array(
        z.object({
          name: Text,
          value: z.union([z.string(), z.number(), z.boolean(), z.null()]).transform((v) => String(v).slice(0, 1000)),
        }),
      )
      .max(100)
      .nullish(),
    landing_site: z.string().max(4000).nullish(),
    discount_codes: z
      .array(z.object({ code: Text }))
      .max(100)
      .nullish(),
  })
  .openapi('ShopifyOrder')
export type ShopifyOrder = z.infer<typeof ShopifyOrder>

/**
 * `refunds/create`: the refunded lines (by the order's line item ids), the
 * refunded shipping (`refund_shipping_lines`, or `order_adjustments` of kind
 * `shipping_refund` before API 2024-10), refunded duties, and the money moved.
 */
export const ShopifyRefund = z
  .object({
    id: ShopifyId,
    order_id: ShopifyId,
    refund_line_items: z
      .array(
        z.object({
          line_item_id: ShopifyId,
          quantity: z.number().int().min(0).max(100_000),
          // Shopify repeats the order's line here; the id above is what names it.
          line_item: z.object({ sku: Text.nullish(), variant_id: ShopifyId.nullish() }).nullish(),
        }),
      )
      .max(500)
      .nullish(),
    refund_shipping_lines: z
      .array(z.object({ subtotal_amount_set: MoneySet.nullish(), tax_amount_set: MoneySet.nullish() }))
      .max(100)
      .nullish(),
    order_adjustments: z
      .array(
        z.object({
          kind: Text.nullish(),
          amount: Amount.nullish(),
          tax_amount: Amount.nullish(),
          amount_set: MoneySet.nullish(),
          tax_amount_set: MoneySet.nullish(),
        }),
      )
      .max(100)
      .nullish(),
    duties: z
      .array(z.object({ amount_set: MoneySet.nullish() }))
      .max(500)
      .nullish(),
    transactions: z
      .array(z.object({ amount: Amount, kind: Text.nullish(), status: Text.nullish() }))
      .max(100)
      .nullish(),
  })
  .openapi('ShopifyRefund')
export type ShopifyRefund = z.infer<typeof ShopifyRefund>

/**
 * Messages for a payload that does not fit, in Ripple's words: zod's own
 * ("expected array, received undefined") name JavaScript types to a sender who never wrote JavaScript.
 */
export const shopifyIssueMessage = (issue: { code?: string; input?: unknown; expected?: string }) => {
  if (issue.code !== 'invalid_type') return undefined
  if (issue.input === undefined || issue.input === null) return 'Required.'
  const expected = {
    object: 'an object',
    array: 'a list',
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
  }[issue.expected ?? '']
  return expected ? `Must be ${expected}.` : 'Not the kind of value Shopify sends here.'
}

/** A Shopify order as Ripple's order body (lib/domain/shopify.ts maps it), before that body's own validation. */
export type MappedOrder = z.input<typeof OrderBody>

/** What a Shopify refund gave back that earned no commission, in minor units, set aside rather than reversed. */
export const ShopifySetAside = z
  .object({
    shipping: z.number().int(),
    duties: z.number().int(),
    other: z.number().int().openapi({ description: 'Tax, tips and the like in a refund by amount: past the goods.' }),
    lineItemIds: z.array(z.string()).openapi({ description: "Refunded Shopify lines that Ripple's order never held." }),
  })
  .openapi('ShopifySetAside')
export type ShopifySetAside = z.infer<typeof ShopifySetAside>

/** A Shopify refund as Ripple's refund of one order: an amount of 0 records a refund that reverses nothing. */
export interface MappedRefund {
  orderId: string
  body: z.input<typeof RefundBody> | { refundId: string; amount: 0 }
  setAside: ShopifySetAside
}

/** What a Shopify delivery is answered with: Shopify only reads the status, the body is for people reading the logs. */
export const ShopifyAnswer = z
  .union([
    z.object({ ok: z.literal(true), duplicate: z.literal(true) }),
    z.object({ ok: z.literal(true), ignored: z.string() }),
    OrderResult.extend({ ok: z.literal(true) }),
    RefundResult.pick({ refundId: true, reversals: true }).extend({ ok: z.literal(true), setAside: ShopifySetAside }),
  ])
  .openapi('ShopifyAnswer')
export type ShopifyAnswer = z.infer<typeof ShopifyAnswer>

/** The headers of a Shopify delivery that Ripple reads, bounded: ids become keys, and keys have limits. */
export const ShopifyHeaders = z.object({
  'x-shopify-topic': z
    .string()
    .max(100)
    .regex(/^[a-z0-9_]+(\/[a-z0-9_]+)+$/, 'Must be a Shopify topic such as orders/paid.')
    .openapi({ description: 'orders/paid, orders/create or refunds/create; others are ignored.' }),
  'x-shopify-event-id': z
    .string()
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'Must be 1-128 visible ASCII characters, no spaces.')
    .optional()
    .openapi({
      description:
        'The same id is the same delivery: a repeat with the same body is acknowledged and does nothing; a different body under a used id is a 409.',
    }),
  'x-shopify-webhook-id': z
    .string()
    .max(128)
    .regex(/^[\x21-\x7e]+$/, 'Must be 1-128 visible ASCII characters, no spaces.')
    .optional()
    .openapi({ description: 'The older name of X-Shopify-Event-Id, read when that is absent.' }),
  'x-shopify-shop-domain': z
    .string()
    .max(255)
    .regex(/^[A-Za-z0-9.-]+$/, 'Must be a shop domain such as example.myshopify.com.')
    .optional()
    .openapi({ description: 'The store that sent the delivery (example.myshopify.com).' }),
})
export type ShopifyHeaders = z.infer<typeof ShopifyHeaders>
