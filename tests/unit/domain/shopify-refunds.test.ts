import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { lineBase } from '../../../lib/domain/commission'
import { deliveryUnder, mapped, orderFromShopify, quoteBigIds, shopifyMinor } from '../../../lib/domain/shopify'
import { type RefundableOrder, refundFromShopify } from '../../../lib/domain/shopify-refund'
import { OrderBody, RefundBody } from '../../../lib/schemas/order'
import { ShopifyOrder, ShopifyRefund } from '../../../lib/schemas/shopify'

const json = (name: string) =>
  JSON.parse(quoteBigIds(readFileSync(`tests/fixtures/shopify/${name}.json`, 'utf8').replace('__REF__', 'r1')))
const refund = (name: string) => ShopifyRefund.parse(json(name))

/** The USD fixture as ingestion stores it: mapped, validated, each line with its base. */
function usdOrder(): RefundableOrder {
  const m = orderFromShopify(ShopifyOrder.parse(json('orders-paid-usd')))
  if (!m.ok) throw new Error(m.message)
  const body = OrderBody.parse(m.value)
  return {
    currency: 'USD',
    lines: body.lines.map((l) => ({ ...l, base: lineBase(l) })),
    refunds: { qty: {}, amount: 0 },
  }
}

describe('shopifyMinor', () => {
  it('reads amounts exactly by the exponent, zeros past it allowed, anything else refused', () => {
    const read = (text: string | number, exponent: number, signed = false) =>
      mapped(() => shopifyMinor(text, exponent, 'f', signed))
    expect(read('5900.00', 0)).toEqual({ ok: true, value: 5900 })
    expect(read('5900', 0)).toEqual({ ok: true, value: 5900 })
    expect(read('0.10', 2)).toEqual({ ok: true, value: 10 })
    expect(read('12.345', 3)).toEqual({ ok: true, value: 12345 })
    expect(read('12.3450', 3)).toEqual({ ok: true, value: 12345 })
    expect(read(7.3, 2)).toEqual({ ok: true, value: 730 })
    expect(read('-5.00', 2, true)).toEqual({ ok: true, value: -500 })
    for (const [text, exponent] of [
      ['5900.50', 0],
      ['0.001', 2],
      ['1e5', 2],
      ['-5.00', 2],
      ['', 2],
      ['1,000.00', 2],
      ['99999999999999999999', 2],
    ] as const)
      expect(read(text, exponent), `${text} at ${exponent}`).toMatchObject({ ok: false, field: 'f' })
  })
})

describe('refundFromShopify', () => {
  it('the orders/paid mapping keeps each Ripple line’s Shopify line ids', () => {
    expect(usdOrder().lines.map((l) => [l.sku, l.externalLineIds])).toEqual([
      ['IPOD2008GREEN', ['466157049']],
      ['IPOD2008GREEN-518995019', ['518995019']],
      ['CLOTH-01', ['703073504']],
    ])
  })

  it('a shipping-only refund refunds no goods: an amount of 0, its shipping set aside', () => {
    const r = refundFromShopify(refund('refunds-create-shipping-only'), usdOrder())
    expect(r).toEqual({
      ok: true,
      value: {
        orderId: 'shopify:450789469',
        body: { refundId: 'shopify-929361482', amount: 0 },
        setAside: { shipping: 500, duties: 0, other: 0, lineItemIds: [] },
      },
    })
  })

  it('shipping from order_adjustments alone (before API 2024-10) is set aside the same way', () => {
    const payload = { ...json('refunds-create-shipping-only'), refund_shipping_lines: [] }
    const r = refundFromShopify(ShopifyRefund.parse(payload), usdOrder())
    expect(r.ok && r.value.setAside.shipping).toBe(500)
    expect(r.ok && r.value.body).toEqual({ refundId: 'shopify-929361482', amount: 0 })
  })

  it('a full refund by amount reverses the goods: shipping out, tax past the goods set aside', () => {
    const r = refundFromShopify(refund('refunds-create-full-amount'), usdOrder())
    // 374.20 returned − 5.00 shipping = 369.20, of which 348.30 is goods and 20.90 tax.
    expect(r.ok && r.value).toMatchObject({
      body: { refundId: 'shopify-929361490', amount: 34830 },
      setAside: { shipping: 500, other: 2090 },
    })
    if (r.ok) expect(RefundBody.parse(r.value.body)).toEqual(r.value.body)
  })

  it('refunded lines are found by line_item_id, not by SKU', () => {
    const r = refundFromShopify(refund('refunds-create-same-sku'), usdOrder())
    expect(r.ok && r.value.body).toEqual({
      refundId: 'shopify-929361492',
      lines: [{ sku: 'IPOD2008GREEN-518995019', qty: 1 }],
    })
  })

  it('units already refunded are not asked again; a line Ripple never held is set aside', () => {
    const order = { ...usdOrder(), refunds: { qty: { 'IPOD2008GREEN-518995019': 1 }, amount: 0 } }
    const payload = json('refunds-create-full-lines')
    payload.refund_line_items.push({ line_item_id: 999, quantity: 1, line_item: { sku: 'TIP' } })
    const r = refundFromShopify(ShopifyRefund.parse(payload), order)
    expect(r.ok && r.value).toMatchObject({
      body: {
        lines: [
          { sku: 'IPOD2008GREEN', qty: 1 },
          { sku: 'CLOTH-01', qty: 3 },
        ],
      },
      setAside: { shipping: 500, lineItemIds: ['999'] },
    })
    // Everything already back: nothing left to reverse, recorded as an amount of 0.
    const done = {
      ...order,
      refunds: { qty: { 'IPOD2008GREEN-518995019': 1, IPOD2008GREEN: 1, 'CLOTH-01': 3 }, amount: 0 },
    }
    expect(refundFromShopify(ShopifyRefund.parse(payload), done)).toMatchObject({
      ok: true,
      value: { body: { amount: 0 } },
    })
  })

  it('pending and zero transactions return no money: an amount of 0', () => {
    for (const name of ['refunds-create-pending', 'refunds-create-zero'])
      expect(refundFromShopify(refund(name), usdOrder()), name).toMatchObject({
        ok: true,
        value: { body: { amount: 0 } },
      })
  })

  it('duties are set aside', () => {
    expect(refundFromShopify(refund('refunds-create-duties'), usdOrder())).toMatchObject({
      ok: true,
      value: { body: { amount: 5000 }, setAside: { duties: 983, shipping: 0, other: 0 } },
    })
  })

  it('by amount: goods reversed + the rest set aside = money returned − shipping − duties, within what is left', () => {
    const cents = fc.integer({ min: 0, max: 100_000 })
    fc.assert(
      fc.property(fc.array(cents, { maxLength: 4 }), cents, cents, cents, (paid, shipping, duties, refunded) => {
        const order = usdOrder()
        const state = { qty: {}, amount: Math.min(refunded, 34830) }
        const money = (v: number) => (v / 100).toFixed(2)
        const payload = ShopifyRefund.parse({
          id: 1,
          order_id: 450789469,
          refund_line_items: [],
          refund_shipping_lines: [{ subtotal_amount_set: { shop_money: { amount: money(shipping) } } }],
          duties: [{ amount_set: { shop_money: { amount: money(duties) } } }],
          transactions: paid.map((p) => ({ amount: money(p), kind: 'refund', status: 'success' })),
        })
        const r = refundFromShopify(payload, { ...order, refunds: state })
        if (!r.ok || !('amount' in r.value.body)) throw new Error('expected a refund by amount')
        const amount = Number(r.value.body.amount)
        const goods = Math.max(0, paid.reduce((s, p) => s + p, 0) - shipping - duties)
        expect(amount + r.value.setAside.other).toBe(goods)
        expect(amount).toBeGreaterThanOrEqual(0)
        expect(amount).toBeLessThanOrEqual(34830 - state.amount)
      }),
    )
  })
})

describe('deliveryUnder', () => {
  const d = { topic: 'orders/paid', bodyHash: 'h1' }
  it('the same event id is the same delivery: a repeat only with the same topic and body', () => {
    expect(deliveryUnder(undefined, d)).toBe('new')
    expect(deliveryUnder(d, d)).toBe('repeat')
    expect(deliveryUnder({ ...d, bodyHash: 'h2' }, d)).toBe('conflict')
    expect(deliveryUnder({ ...d, topic: 'orders/create' }, d)).toBe('conflict')
    // Remembered before bodies were hashed: the topic decides.
    expect(deliveryUnder({ topic: 'orders/paid' }, d)).toBe('repeat')
  })
})
