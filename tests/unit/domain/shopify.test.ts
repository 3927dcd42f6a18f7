import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { orderFromShopify, quoteBigIds } from '../../../lib/domain/shopify'
import { refundFromShopify } from '../../../lib/domain/shopify-refund'
import { OrderBody, RefundBody } from '../../../lib/schemas/order'
import { ShopifyOrder, ShopifyRefund } from '../../../lib/schemas/shopify'

const orderJson = () =>
  JSON.parse(
    quoteBigIds(readFileSync('tests/fixtures/shopify-orders-paid.json', 'utf8').replace('__CLICK__', 'clk_1')),
  ) as Record<string, unknown> & { line_items: Array<Record<string, unknown>> }
const refundJson = () =>
  JSON.parse(quoteBigIds(readFileSync('tests/fixtures/shopify-refunds-create.json', 'utf8'))) as Record<string, unknown>

describe('orderFromShopify', () => {
  it('maps the orders/paid fixture to an order body that validates, ids exact', () => {
    const mapped = orderFromShopify(ShopifyOrder.parse(orderJson()))
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(OrderBody.parse(mapped.value)).toEqual({
      orderId: 'shopify:820982911946154508',
      customerId: '115310627314723954',
      currency: 'CNY',
      paidAt: '2026-11-20T17:03:17.000Z',
      clickId: 'clk_1',
      refCode: undefined,
      lines: [
        { sku: 'CAM-SERUM-30', qty: 2, unitPrice: 29900, discount: 3000, externalLineIds: ['866550311766439020'] },
        { sku: 'variant-808950811', qty: 1, unitPrice: 0, discount: 0, externalLineIds: ['141249953214522974'] },
      ],
    })
  })

  it('keeps one SKU at two prices apart and merges it at one price', () => {
    const json = orderJson()
    const serum = json.line_items[0] as Record<string, unknown>
    json.line_items = [serum, { ...serum, id: 7, quantity: 1, price: '199.00', discount_allocations: [] }, serum]
    const mapped = orderFromShopify(ShopifyOrder.parse(json))
    expect(mapped.ok && mapped.value.lines).toEqual([
      {
        sku: 'CAM-SERUM-30',
        qty: 4,
        unitPrice: 29900,
        discount: 6000,
        externalLineIds: ['866550311766439020', '866550311766439020'],
      },
      { sku: 'CAM-SERUM-30-7', qty: 1, unitPrice: 19900, discount: 0, externalLineIds: ['7'] },
    ])
  })

  it('names the Shopify field of an amount the currency cannot hold', () => {
    const json = orderJson()
    json.line_items[1] = { ...json.line_items[1], price: '0.001' }
    expect(orderFromShopify(ShopifyOrder.parse(json))).toMatchObject({ ok: false, field: 'line_items.1.price' })
    // Yen holds no fraction: "299.00" is ¥299, "299.50" is not an amount in yen.
    const yen = { ...orderJson(), currency: 'JPY' }
    yen.line_items[0] = { ...yen.line_items[0], price: '299.50' }
    expect(orderFromShopify(ShopifyOrder.parse(yen))).toMatchObject({ ok: false, field: 'line_items.0.price' })
    const when = { ...orderJson(), processed_at: 'soon' }
    expect(orderFromShopify(ShopifyOrder.parse(when))).toMatchObject({ ok: false, field: 'processed_at' })
  })

  it('a payload of the wrong shape fails the schema at its path', () => {
    const json = orderJson()
    delete json.line_items[0]!.quantity
    const r = ShopifyOrder.safeParse({ ...json, currency: 'XX' })
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['currency', 'line_items.0.quantity'])
  })
})

describe('refundFromShopify', () => {
  // An order stored before lines kept their Shopify ids: its refunds find lines by SKU.
  const legacyOrder = {
    currency: 'CNY',
    lines: [
      { sku: 'CAM-SERUM-30', qty: 2, base: 56800 },
      { sku: 'variant-808950811', qty: 1, base: 0 },
    ],
    refunds: { qty: {}, amount: 0 },
  }

  it('refunds the lines it names, by SKU', () => {
    const mapped = refundFromShopify(ShopifyRefund.parse(refundJson()), legacyOrder)
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(mapped).toEqual({
      ok: true,
      value: {
        orderId: 'shopify:820982911946154508',
        body: { refundId: 'shopify-509562969', lines: [{ sku: 'CAM-SERUM-30', qty: 1 }] },
        setAside: { shipping: 0, duties: 0, other: 0, lineItemIds: [] },
      },
    })
    expect(RefundBody.parse(mapped.value.body)).toEqual(mapped.value.body)
  })

  it('without lines, refunds the successful refund transactions, exactly', () => {
    const json = {
      ...refundJson(),
      refund_line_items: [],
      transactions: [
        { amount: '100.10', kind: 'refund', status: 'success' },
        { amount: '5.00', kind: 'refund', status: 'failure' },
        { amount: '7.00', kind: 'sale' },
        { amount: '0.20' },
      ],
    }
    expect(refundFromShopify(ShopifyRefund.parse(json), legacyOrder)).toMatchObject({
      ok: true,
      value: { body: { refundId: 'shopify-509562969', amount: 10030 } },
    })
    const bad = { ...json, transactions: [{ amount: '1.5' }, { amount: '-1' }] }
    expect(refundFromShopify(ShopifyRefund.parse(bad), { ...legacyOrder, currency: 'JPY' })).toMatchObject({
      ok: false,
      field: 'transactions.0.amount',
    })
  })
})
