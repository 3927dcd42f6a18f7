import type { Hono } from 'hono'
import { DEMO_PRODUCTS } from './demo-data'
import { call, pool, send } from './in-process'
import { rippleSignature, shopifySignature } from '../domain/webhook-signature'
import { formatMajor } from '../domain/money'

const DAY_MS = 86_400_000
export const DEMO_SHOPIFY_SECRET = 'shpss_ripple_demo_secret'

interface Sources {
  clickIds: string[]
  codes: string[]
  coupons: string[]
  rand: () => number
}

/**
 * A month of demo orders through every door the platform has: the brand API,
 * the Ripple-signed webhook and the Shopify-format webhook, attributed by click,
 * link code, coupon code or a returning customer's binding, with some refunds.
 */
export async function seedOrders(
  app: Hono,
  baseUrl: string,
  brand: { brandId: string; adminKey: string; webhookSecret: string },
  src: Sources,
): Promise<void> {
  const { rand } = src
  const programme = await call<Record<string, unknown>>(app, baseUrl, 'GET', '/api/programme', brand.adminKey)
  await call(app, baseUrl, 'PUT', '/api/programme', brand.adminKey, {
    ...programme,
    shopifySecret: DEMO_SHOPIFY_SECRET,
  })
  await call(app, baseUrl, 'POST', '/api/rules', brand.adminKey, {
    name: '礼盒加码 Gift box bonus',
    scope: 'product',
    target: 'CAM-GIFT-SET',
    levels: [{ bps: 1500 }, { bps: 500 }],
  })
  await call(app, baseUrl, 'POST', '/api/rules', brand.adminKey, {
    name: '导购护肤专享 Guides on skincare',
    scope: 'category',
    target: 'skincare',
    types: ['guide'],
    levels: [{ bps: 1200 }],
  })

  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T
  const orders = Array.from({ length: 240 }, (_, i) => {
    const r = rand()
    const attribution =
      r < 0.45 && src.clickIds.length
        ? { clickId: pick(src.clickIds) }
        : r < 0.7
          ? { refCode: pick(src.codes) }
          : r < 0.8
            ? { refCode: pick(src.coupons) }
            : {}
    const products = DEMO_PRODUCTS.filter(() => rand() < 0.3)
    const lines = (products.length ? products : [DEMO_PRODUCTS[0]]).map((p) => ({
      sku: p.sku,
      qty: 1 + Math.floor(rand() * 2),
      unitPrice: p.price,
      category: p.category,
    }))
    return {
      orderId: `DEMO-${String(10000 + i)}`,
      customerId: `cust-${Math.floor(rand() * 160)}`,
      currency: 'CNY',
      paidAt: new Date(Date.now() - Math.floor(rand() * 30 * DAY_MS)).toISOString(),
      lines,
      ...attribution,
    }
  })
  await pool(orders, 4, async (order, i) => {
    const door = i % 4
    if (door === 0) return void (await call(app, baseUrl, 'POST', '/api/orders', brand.adminKey, order))
    if (door === 3) return shopify(app, baseUrl, brand.brandId, order, i)
    const raw = JSON.stringify(order)
    const ts = String(Math.floor(Date.now() / 1000))
    await send(app, `${baseUrl}/webhooks/${brand.brandId}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-ripple-timestamp': ts,
        'x-ripple-signature': rippleSignature(brand.webhookSecret, ts, raw),
      },
      body: raw,
    })
  })
  // About one order in eight is refunded, in part or in full.
  const refunded = orders.filter((_o, i) => i % 4 !== 3 && rand() < 0.12)
  await pool(refunded, 4, async (o, i) => {
    const line = o.lines[0]
    const body =
      i % 2 === 0 && line
        ? { refundId: `RF-${o.orderId}`, lines: [{ sku: line.sku, qty: 1 }] }
        : { refundId: `RF-${o.orderId}`, amount: Math.floor(o.lines.reduce((s, l) => s + l.unitPrice * l.qty, 0) / 2) }
    await call(app, baseUrl, 'POST', `/api/orders/${o.orderId}/refunds`, brand.adminKey, body)
  })
}

/** The same order as a Shopify store would send it (orders/paid), signed with the demo Shopify secret. */
async function shopify(
  app: Hono,
  baseUrl: string,
  brandId: string,
  order: {
    orderId: string
    customerId: string
    paidAt: string
    clickId?: string
    refCode?: string
    lines: Array<{ sku: string; qty: number; unitPrice: number }>
  },
  i: number,
): Promise<void> {
  const payload = {
    id: 5_000_000_000_000_000 + i,
    currency: 'CNY',
    processed_at: order.paidAt,
    financial_status: 'paid',
    customer: { id: order.customerId.replace('cust-', '90000') },
    landing_site: order.clickId
      ? `/products/x?rpl_click=${order.clickId}`
      : order.refCode
        ? `/products/x?ref=${order.refCode}`
        : '/',
    line_items: order.lines.map((l, n) => ({
      id: 7_000_000_000 + i * 10 + n,
      sku: l.sku,
      quantity: l.qty,
      price: formatMajor(l.unitPrice, 2),
      discount_allocations: [],
    })),
  }
  const raw = JSON.stringify(payload)
  await send(app, `${baseUrl}/webhooks/${brandId}/shopify`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/paid',
      'x-shopify-hmac-sha256': shopifySignature(DEMO_SHOPIFY_SECRET, raw),
      'x-shopify-event-id': `demo-${i}`,
    },
    body: raw,
  })
}
