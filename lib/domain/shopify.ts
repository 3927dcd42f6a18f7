import type { MappedOrder, MappedRefund, ShopifyLineItem, ShopifyOrder, ShopifyRefund } from '../schemas/shopify'
import { currencyExponent, parseMajor } from './money'

/** A mapping's result: the Ripple body, or the Shopify field that cannot be mapped (a 422 for the sender). */
export type Mapped<T> = { ok: true; value: T } | { ok: false; field: string; message: string }

const CODE = /^[A-Za-z0-9_-]{1,64}$/
export const shopifyOrderId = (id: number | string) => `shopify:${id}`

/** A Ripple SKU for a Shopify line: its SKU when it has a usable one, else the variant or line id. */
export function skuOf(li: ShopifyLineItem): string {
  const sku = (li.sku ?? '').trim()
  if (/^[A-Za-z0-9._-]{1,64}$/.test(sku)) return sku
  return li.variant_id ? `variant-${li.variant_id}` : `line-${li.id}`
}

/** Thrown inside a mapping only, and turned into `{ ok: false }` at its edge (see `mapped`). */
class Unmappable extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

function mapped<T>(map: () => T): Mapped<T> {
  try {
    return { ok: true, value: map() }
  } catch (err) {
    if (err instanceof Unmappable) return { ok: false, field: err.field, message: err.message }
    throw err
  }
}

/** Minor units from a Shopify decimal string, exactly: never rounded, never negative. */
function minor(text: string | undefined, exponent: number, field: string): number {
  const v = parseMajor(text ?? '0', exponent)
  if (v === null || v < 0) throw new Unmappable(field, `Not an amount with at most ${exponent} decimals: ${text}`)
  return v
}

/** rpl_click and ref from note attributes first, then the landing page's query string. */
function trackingParams(o: ShopifyOrder): { clickId?: string; refCode?: string } {
  const notes = new Map((o.note_attributes ?? []).map((n) => [n.name, n.value]))
  let landing: URLSearchParams | undefined
  try {
    landing = o.landing_site ? new URL(o.landing_site, 'https://shop.invalid').searchParams : undefined
  } catch {
    landing = undefined
  }
  const pick = (name: string) => [notes.get(name), landing?.get(name)].find((v) => v && CODE.test(v)) ?? undefined
  return {
    clickId: pick('rpl_click'),
    refCode: pick('ref') ?? (o.discount_codes ?? []).map((d) => d.code).find((c) => CODE.test(c)),
  }
}

/** When the order was paid: Shopify's processed_at, else created_at, else now. */
function paidAtOf(o: ShopifyOrder): string {
  const field = o.processed_at != null ? 'processed_at' : 'created_at'
  const at = new Date(o.processed_at ?? o.created_at ?? Date.now())
  if (Number.isNaN(at.getTime())) throw new Unmappable(field, 'Not a date and time.')
  return at.toISOString()
}

/**
 * Maps a Shopify `orders/paid` payload to Ripple's order body: prices and
 * discounts converted exactly by the currency's exponent, lines of the same SKU
 * merged, attribution from note attributes, landing site or discount code.
 */
export function orderFromShopify(o: ShopifyOrder): Mapped<MappedOrder> {
  return mapped(() => {
    const exponent = currencyExponent(o.currency)
    const lines = new Map<string, { sku: string; qty: number; unitPrice: number; discount: number }>()
    o.line_items.forEach((li, i) => {
      const sku = skuOf(li)
      const unitPrice = minor(li.price, exponent, `line_items.${i}.price`)
      const allocated = (li.discount_allocations ?? []).reduce(
        (s, d, j) => s + minor(d.amount, exponent, `line_items.${i}.discount_allocations.${j}.amount`),
        0,
      )
      const discount = allocated || minor(li.total_discount, exponent, `line_items.${i}.total_discount`)
      const prev = lines.get(sku)
      // Same SKU twice at different prices: keep them apart under the line id.
      if (prev && prev.unitPrice !== unitPrice)
        lines.set(`${sku}-${li.id}`, { sku: `${sku}-${li.id}`.slice(0, 64), qty: li.quantity, unitPrice, discount })
      else if (prev) lines.set(sku, { ...prev, qty: prev.qty + li.quantity, discount: prev.discount + discount })
      else lines.set(sku, { sku, qty: li.quantity, unitPrice, discount })
    })
    const customerId = o.customer?.id
    return {
      orderId: shopifyOrderId(o.id),
      customerId: customerId !== undefined && customerId !== null ? String(customerId) : undefined,
      currency: o.currency,
      paidAt: paidAtOf(o),
      lines: [...lines.values()].filter((l) => l.qty > 0),
      ...trackingParams(o),
    }
  })
}

/** Maps `refunds/create` (of an order in `currency`): refunded lines when it has them, else its refunded amount. */
export function refundFromShopify(r: ShopifyRefund, currency: string): Mapped<MappedRefund> {
  return mapped(() => {
    const orderId = shopifyOrderId(r.order_id)
    const refundId = `shopify-${r.id}`
    const items = (r.refund_line_items ?? []).filter((x) => x.quantity > 0)
    if (items.length > 0) {
      const qty = new Map<string, number>()
      for (const x of items) {
        const sku = x.line_item ? skuOf(x.line_item) : `line-${x.line_item_id}`
        qty.set(sku, (qty.get(sku) ?? 0) + x.quantity)
      }
      return { orderId, body: { refundId, lines: [...qty].map(([sku, q]) => ({ sku, qty: q })) } }
    }
    const exponent = currencyExponent(currency)
    const amount = (r.transactions ?? []).reduce(
      (s, t, i) =>
        (t.kind ?? 'refund') === 'refund' && (t.status ?? 'success') === 'success'
          ? s + minor(t.amount, exponent, `transactions.${i}.amount`)
          : s,
      0,
    )
    return { orderId, body: { refundId, amount } }
  })
}

/**
 * Shopify ids exceed 2^53 and JSON.parse would round them (820982911946154508 →
 * …500). Quote every integer id field before parsing so ids survive exactly.
 */
export const quoteBigIds = (raw: string): string =>
  raw.replace(/"(id|order_id|line_item_id|variant_id|product_id)"(\s*):(\s*)(\d{16,})/g, '"$1"$2:$3"$4"')
