import type { MappedOrder, ShopifyOrder } from '../schemas/shopify'
import { currencyExponent, parseMajor } from './money'

/** A mapping's result: the Ripple body, or the Shopify field that cannot be mapped (a 422 for the sender). */
export type Mapped<T> = { ok: true; value: T } | { ok: false; field: string; message: string }

const CODE = /^[A-Za-z0-9_-]{1,64}$/
export const shopifyOrderId = (id: number | string) => `shopify:${id}`

/** A Ripple SKU for a Shopify line: its SKU when it has a usable one, else the variant or line id. */
export function skuOf(li: { id: number | string; sku?: string | null; variant_id?: number | string | null }): string {
  const sku = (li.sku ?? '').trim()
  if (/^[A-Za-z0-9._-]{1,64}$/.test(sku)) return sku
  return li.variant_id ? `variant-${li.variant_id}` : `line-${li.id}`
}

/** Thrown inside a mapping only, and turned into `{ ok: false }` at its edge (see `mapped`). */
export class Unmappable extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message)
  }
}

export function mapped<T>(map: () => T): Mapped<T> {
  try {
    return { ok: true, value: map() }
  } catch (err) {
    if (err instanceof Unmappable) return { ok: false, field: err.field, message: err.message }
    throw err
  }
}

const SHOPIFY_DECIMAL = /^(-)?(\d{1,20})(?:\.(\d{1,20}))?$/

/**
 * Minor units from a Shopify amount, exactly, never rounded: digits past the
 * currency's exponent are accepted only when they are zeros (Shopify writes
 * yen as "5900.00"). Negative only when `signed` (order adjustments are).
 * @example shopifyMinor('5900.00', 0, 'price') === 5900; shopifyMinor('12.345', 3, 'price') === 12345
 */
export function shopifyMinor(
  text: string | number | null | undefined,
  exponent: number,
  field: string,
  signed = false,
): number {
  const m = SHOPIFY_DECIMAL.exec(String(text ?? '0').trim())
  const [, sign = '', whole = '', frac = ''] = m ?? []
  const exact = frac.slice(0, exponent)
  const v =
    m && /^0*$/.test(frac.slice(exponent))
      ? parseMajor(exact ? `${sign}${whole}.${exact}` : `${sign}${whole}`, exponent)
      : null
  if (v === null)
    throw new Unmappable(field, `Not an amount with at most ${exponent} decimals: ${String(text).slice(0, 40)}`)
  if (v < 0 && !signed) throw new Unmappable(field, `Must not be negative: ${String(text).slice(0, 40)}`)
  return v
}

const minor = (text: string | null | undefined, exponent: number, field: string) => shopifyMinor(text, exponent, field)

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
    type Line = { sku: string; qty: number; unitPrice: number; discount: number; externalLineIds: string[] }
    const lines = new Map<string, Line>()
    o.line_items.forEach((li, i) => {
      const sku = skuOf(li)
      const unitPrice = minor(li.price, exponent, `line_items.${i}.price`)
      const allocated = (li.discount_allocations ?? []).reduce(
        (s, d, j) => s + minor(d.amount, exponent, `line_items.${i}.discount_allocations.${j}.amount`),
        0,
      )
      const discount = allocated || minor(li.total_discount, exponent, `line_items.${i}.total_discount`)
      const prev = lines.get(sku)
      const ids = [String(li.id)]
      // Same SKU twice at different prices: keep them apart under the line id. Each Ripple line keeps
      // the Shopify line ids it holds, so a refund naming a line id reverses that line (refundFromShopify).
      if (prev && prev.unitPrice !== unitPrice) {
        const own = `${sku}-${li.id}`.slice(0, 64)
        lines.set(own, { sku: own, qty: li.quantity, unitPrice, discount, externalLineIds: ids })
      } else if (prev)
        lines.set(sku, {
          ...prev,
          qty: prev.qty + li.quantity,
          discount: prev.discount + discount,
          externalLineIds: [...prev.externalLineIds, ...ids],
        })
      else lines.set(sku, { sku, qty: li.quantity, unitPrice, discount, externalLineIds: ids })
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

/**
 * Shopify ids exceed 2^53 and JSON.parse would round them (820982911946154508 →
 * …500). Quote every integer id field before parsing so ids survive exactly.
 */
export const quoteBigIds = (raw: string): string =>
  raw.replace(/"(id|order_id|line_item_id|variant_id|product_id)"(\s*):(\s*)(\d{16,})/g, '"$1"$2:$3"$4"')

/**
 * Whether a delivery under an event id seen before is Shopify's repeat of it:
 * the same id is the same delivery, so the same topic and signed body is a
 * repeat (acknowledged, nothing done) and anything else under that id is a
 * conflict, never silently dropped. Events remembered before bodies were hashed
 * compare by topic only.
 * @example deliveryUnder(undefined, d) === 'new'; deliveryUnder(d, d) === 'repeat'
 */
export function deliveryUnder(
  seen: { topic: string; bodyHash?: string } | undefined,
  delivery: { topic: string; bodyHash: string },
): 'new' | 'repeat' | 'conflict' {
  if (!seen) return 'new'
  const same = seen.topic === delivery.topic && (seen.bodyHash === undefined || seen.bodyHash === delivery.bodyHash)
  return same ? 'repeat' : 'conflict'
}
