import { currencyExponent, parseMajor } from './money'

/** The parts of Shopify's order payload Ripple reads (documented REST webhook shape). */
export interface ShopifyLineItem {
  id: number | string
  sku?: string | null
  variant_id?: number | string | null
  quantity: number
  price: string
  total_discount?: string
  discount_allocations?: Array<{ amount: string }>
}
export interface ShopifyOrder {
  id: number | string
  currency: string
  processed_at?: string | null
  created_at?: string
  customer?: { id: number | string } | null
  line_items: ShopifyLineItem[]
  note_attributes?: Array<{ name: string; value: string }>
  landing_site?: string | null
  discount_codes?: Array<{ code: string }>
}
export interface ShopifyRefund {
  id: number | string
  order_id: number | string
  refund_line_items?: Array<{ line_item_id: number | string; quantity: number; line_item?: ShopifyLineItem }>
  transactions?: Array<{ amount: string; kind?: string; status?: string }>
}

const CODE = /^[A-Za-z0-9_-]{1,64}$/
export const shopifyOrderId = (id: number | string) => `shopify:${id}`

/** A Ripple SKU for a Shopify line: its SKU when it has a usable one, else the variant or line id. */
export function skuOf(li: ShopifyLineItem): string {
  const sku = (li.sku ?? '').trim()
  if (/^[A-Za-z0-9._-]{1,64}$/.test(sku)) return sku
  return li.variant_id ? `variant-${li.variant_id}` : `line-${li.id}`
}

/** Minor units from a Shopify decimal string, exactly; throws on anything else. */
function minor(text: string | undefined, exponent: number, what: string): number {
  const v = parseMajor(text ?? '0', exponent)
  if (v === null || v < 0) throw new Error(`${what} is not an amount: ${text}`)
  return v
}

/** rpl_click and ref from note attributes first, then the landing page's query string. */
function trackingParams(o: ShopifyOrder): { clickId?: string; refCode?: string } {
  const notes = new Map((o.note_attributes ?? []).map((n) => [n.name, String(n.value)]))
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

/**
 * Maps a Shopify `orders/paid` payload to Ripple's order body: prices and
 * discounts converted exactly by the currency's exponent, lines of the same SKU
 * merged, attribution from note attributes, landing site or discount code.
 */
export function orderFromShopify(o: ShopifyOrder) {
  const exponent = currencyExponent(o.currency)
  const lines = new Map<string, { sku: string; qty: number; unitPrice: number; discount: number }>()
  for (const li of o.line_items) {
    const sku = skuOf(li)
    const unitPrice = minor(li.price, exponent, `line ${li.id} price`)
    const allocated = (li.discount_allocations ?? []).reduce(
      (s, d) => s + minor(d.amount, exponent, `line ${li.id} discount`),
      0,
    )
    const discount = allocated || minor(li.total_discount, exponent, `line ${li.id} total_discount`)
    const prev = lines.get(sku)
    // Same SKU twice at different prices: keep them apart under the line id.
    if (prev && prev.unitPrice !== unitPrice)
      lines.set(`${sku}-${li.id}`, { sku: `${sku}-${li.id}`.slice(0, 64), qty: li.quantity, unitPrice, discount })
    else if (prev) lines.set(sku, { ...prev, qty: prev.qty + li.quantity, discount: prev.discount + discount })
    else lines.set(sku, { sku, qty: li.quantity, unitPrice, discount })
  }
  return {
    orderId: shopifyOrderId(o.id),
    customerId: o.customer?.id !== undefined && o.customer?.id !== null ? String(o.customer.id) : undefined,
    currency: o.currency,
    paidAt: new Date(o.processed_at ?? o.created_at ?? Date.now()).toISOString(),
    lines: [...lines.values()].filter((l) => l.qty > 0),
    ...trackingParams(o),
  }
}

/** Maps `refunds/create`: refunded lines when it has them, else the refunded amount of its transactions. */
export function refundFromShopify(r: ShopifyRefund, currency: string) {
  const exponent = currencyExponent(currency)
  const refundId = `shopify-${r.id}`
  const items = (r.refund_line_items ?? []).filter((x) => x.quantity > 0)
  if (items.length > 0) {
    const qty = new Map<string, number>()
    for (const x of items) {
      const sku = x.line_item ? skuOf(x.line_item) : `line-${x.line_item_id}`
      qty.set(sku, (qty.get(sku) ?? 0) + x.quantity)
    }
    return {
      orderId: shopifyOrderId(r.order_id),
      body: { refundId, lines: [...qty].map(([sku, q]) => ({ sku, qty: q })) },
    }
  }
  const amount = (r.transactions ?? [])
    .filter((t) => (t.kind ?? 'refund') === 'refund' && (t.status ?? 'success') === 'success')
    .reduce((s, t) => s + minor(t.amount, exponent, 'refund amount'), 0)
  return { orderId: shopifyOrderId(r.order_id), body: { refundId, amount } }
}

/**
 * Shopify ids exceed 2^53 and JSON.parse would round them (820982911946154508 →
 * …500). Quote every integer id field before parsing so ids survive exactly.
 */
export const quoteBigIds = (raw: string): string =>
  raw.replace(/"(id|order_id|line_item_id|variant_id|product_id)"(\s*):(\s*)(\d{16,})/g, '"$1"$2:$3"$4"')
