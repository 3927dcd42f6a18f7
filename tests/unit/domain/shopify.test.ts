import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { orderFromShopify, quoteBigIds, refundFromShopify } from '../../../lib/domain/shopify'
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
        { sku: 'CAM-SERUM-30', qty: 2, unitPrice: 29900, discount: 3000 },
        { sku: 'variant-808950811', qty: 1, unitPrice: 0, discount: 0 },
      ],
    })
  })

  it('keeps one SKU at two prices apart and merges it at one price', () => {
    const json = orderJson()
    const serum = json.line_items[0] as Record<string, unknown>
    json.line_items = [serum, { ...serum, id: 7, quantity: 1, price: '199.00', discount_allocations: [] }, serum]
    const mapped = orderFromShopify(ShopifyOrder.parse(json))
    expect(mapped.ok && mapped.value.lines).toEqual([
      { sku: 'CAM-SERUM-30', qty: 4, unitPrice: 29900, discount: 6000 },
      { sku: 'CAM-SERUM-30-7', qty: 1, unitPrice: 19900, discount: 0 },
    ])
  })

  it('names the Shopify field of an amount the currency cannot hold', () => {
    const json = orderJson()
    json.line_items[1] = { ...json.line_items[1], price: '0.001' }
    expect(orderFromShopify(ShopifyOrder.parse(json))).toMatchObject({ ok: false, field: 'line_items.1.price' })
    const yen = { ...orderJson(), currency: 'JPY' }
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
  it('refunds the lines it names, by SKU', () => {
    const mapped = refundFromShopify(ShopifyRefund.parse(refundJson()), 'CNY')
    expect(mapped.ok).toBe(true)
    if (!mapped.ok) return
    expect(mapped).toEqual({
      ok: true,
      value: {
        orderId: 'shopify:820982911946154508',
        body: { refundId: 'shopify-509562969', lines: [{ sku: 'CAM-SERUM-30', qty: 1 }] },
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
    expect(refundFromShopify(ShopifyRefund.parse(json), 'CNY')).toMatchObject({
      ok: true,
      value: { body: { refundId: 'shopify-509562969', amount: 10030 } },
    })
    const bad = { ...json, transactions: [{ amount: '1.5' }, { amount: '-1' }] }
    expect(refundFromShopify(ShopifyRefund.parse(bad), 'JPY')).toMatchObject({
      ok: false,
      field: 'transactions.0.amount',
    })
  })
})
