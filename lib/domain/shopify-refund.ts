import type { MappedRefund, ShopifyRefund } from '../schemas/shopify'
import { currencyExponent } from './money'
import { type RefundState, refundedBase } from './refund'
import { type Mapped, mapped, shopifyMinor, shopifyOrderId, skuOf } from './shopify'

/** What mapping a refund needs of the stored order: its currency, its lines and what they have had back. */
export interface RefundableOrder {
  currency: string
  lines: ReadonlyArray<{ sku: string; qty: number; base: number; externalLineIds?: readonly string[] }>
  refunds: RefundState
}

type Money = { shop_money: { amount: string | number } } | null | undefined
const shopMoney = (set: Money, exponent: number, field: string, signed = false) =>
  set ? shopifyMinor(set.shop_money.amount, exponent, `${field}.shop_money.amount`, signed) : 0

/**
 * Shipping given back: `refund_shipping_lines` (API 2024-10 on), else the
 * `order_adjustments` of kind `shipping_refund` (older versions; both may come,
 * and then they describe the same shipping). Adjustments are negative for money
 * returned: `"-5.00"` is 5.00 of shipping refunded.
 */
function shippingRefunded(r: ShopifyRefund, exponent: number): number {
  const lines = r.refund_shipping_lines ?? []
  if (lines.length > 0)
    return lines.reduce(
      (s, l, i) =>
        s +
        shopMoney(l.subtotal_amount_set, exponent, `refund_shipping_lines.${i}.subtotal_amount_set`) +
        shopMoney(l.tax_amount_set, exponent, `refund_shipping_lines.${i}.tax_amount_set`),
      0,
    )
  const adjusted = (r.order_adjustments ?? []).reduce((s, a, i) => {
    if (a.kind !== 'shipping_refund') return s
    const at = `order_adjustments.${i}`
    const amount = a.amount_set
      ? shopMoney(a.amount_set, exponent, `${at}.amount_set`, true)
      : shopifyMinor(a.amount, exponent, `${at}.amount`, true)
    const tax = a.tax_amount_set
      ? shopMoney(a.tax_amount_set, exponent, `${at}.tax_amount_set`, true)
      : shopifyMinor(a.tax_amount, exponent, `${at}.tax_amount`, true)
    return s - amount - tax
  }, 0)
  return Math.max(0, adjusted)
}

const dutiesRefunded = (r: ShopifyRefund, exponent: number): number =>
  (r.duties ?? []).reduce((s, d, i) => s + shopMoney(d.amount_set, exponent, `duties.${i}.amount_set`), 0)

/** Money that reached the customer: refund transactions that succeeded (a pending one has not, yet). */
const moneyReturned = (r: ShopifyRefund, exponent: number): number =>
  (r.transactions ?? []).reduce(
    (s, t, i) =>
      (t.kind ?? 'refund') === 'refund' && (t.status ?? 'success') === 'success'
        ? s + shopifyMinor(t.amount, exponent, `transactions.${i}.amount`)
        : s,
    0,
  )

/**
 * The order's line a refunded Shopify line names: by Shopify's line item id
 * (two lines of one SKU at different prices are different lines); for an
 * order stored before lines kept their ids, by SKU as the mapping made it.
 */
function lineNamed(order: RefundableOrder, item: NonNullable<ShopifyRefund['refund_line_items']>[number]) {
  const id = String(item.line_item_id)
  const byId = order.lines.find((l) => l.externalLineIds?.includes(id))
  if (byId || order.lines.some((l) => l.externalLineIds)) return byId
  const sku = skuOf({ id, sku: item.line_item?.sku, variant_id: item.line_item?.variant_id })
  return order.lines.find((l) => l.sku === sku)
}

/**
 * Maps `refunds/create` to a refund of the stored order. Commission was paid on
 * goods only, so only goods are reversed: refunded lines by their line item id,
 * or, without lines, the money returned less shipping and duties, capped at the
 * goods not yet refunded (the rest is tax, tips and the like). Shipping,
 * duties, the rest and lines Ripple never held are set aside and reported.
 * What Shopify says happened is a fact: more units than are left, or a refund
 * with nothing left to reverse, is recorded as what it can still reverse (an
 * amount of 0 reverses nothing), not refused for Shopify to retry for days.
 */
export function refundFromShopify(r: ShopifyRefund, order: RefundableOrder): Mapped<MappedRefund> {
  return mapped(() => {
    const exponent = currencyExponent(order.currency)
    const orderId = shopifyOrderId(r.order_id)
    const refundId = `shopify-${r.id}`
    const shipping = shippingRefunded(r, exponent)
    const duties = dutiesRefunded(r, exponent)
    const returned = moneyReturned(r, exponent)
    const items = (r.refund_line_items ?? []).filter((x) => x.quantity > 0)

    if (items.length > 0) {
      const qty = new Map<string, number>()
      const lineItemIds: string[] = []
      for (const item of items) {
        const line = lineNamed(order, item)
        if (!line) {
          lineItemIds.push(String(item.line_item_id))
          continue
        }
        const left = line.qty - (order.refunds.qty[line.sku] ?? 0) - (qty.get(line.sku) ?? 0)
        if (left > 0) qty.set(line.sku, (qty.get(line.sku) ?? 0) + Math.min(item.quantity, left))
      }
      const setAside = { shipping, duties, other: 0, lineItemIds }
      const lines = [...qty].map(([sku, q]) => ({ sku, qty: q }))
      return { orderId, body: lines.length > 0 ? { refundId, lines } : { refundId, amount: 0 }, setAside }
    }

    const goods = Math.max(0, returned - shipping - duties)
    const left = order.lines.reduce((s, l) => s + l.base, 0) - refundedBase(order.lines, order.refunds)
    const amount = Math.max(0, Math.min(goods, left))
    return {
      orderId,
      body: { refundId, amount },
      setAside: { shipping, duties, other: goods - amount, lineItemIds: [] },
    }
  })
}
