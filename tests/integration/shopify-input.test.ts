import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { shopifySignature } from '../../lib/domain/webhook-signature'

// Forged and absurd Shopify deliveries: each is refused with a clear 4xx in Ripple's words, and writes nothing.
const SECRET = 'shpss_input_secret_321'
const orderRaw = readFileSync('tests/fixtures/shopify/orders-paid-usd.json', 'utf8')
const refundRaw = readFileSync('tests/fixtures/shopify/refunds-create-same-sku.json', 'utf8')

async function shop() {
  const b = await newBrand({ currency: 'USD', defaultBps: [1000], maxLevels: 1, holdDays: 0 })
  const programme = (await call('GET', '/api/programme', { token: b.adminKey })).body
  const put = await call('PUT', '/api/programme', { token: b.adminKey, body: { ...programme, shopifySecret: SECRET } })
  expect(put.status).toBe(200)
  const d = await newDistributor(b.adminKey, { name: '导购', type: 'guide' })
  const path = `/webhooks/${b.brand.id}/shopify`
  const deliver = (raw: string, topic: string, headers: Record<string, string> = {}) =>
    call('POST', path, {
      raw,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-hmac-sha256': shopifySignature(SECRET, raw),
        ...headers,
      },
    })
  return { b, d, deliver, order: orderRaw.replace('__REF__', d.inviteCode) }
}

/** Asserts a refusal: this status and code, the fields named, and not one item written. */
async function refused(run: () => ReturnType<typeof call>, status: number, code: string, fields?: string[]) {
  const before = await tableSnapshot()
  const r = await run()
  expectError(r, status, code, fields)
  expect(await tableSnapshot()).toEqual(before)
  return r
}

describe('Shopify event ids: the same id is the same delivery', () => {
  it('a different signed body under a used event id is a 409, not dropped as a repeat; the same body is a repeat', async () => {
    const s = await shop()
    const first = await s.deliver(s.order, 'orders/paid', { 'x-shopify-event-id': 'ev-reused' })
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const same = await s.deliver(s.order, 'orders/paid', { 'x-shopify-event-id': 'ev-reused' })
    expect(same.body).toEqual({ ok: true, duplicate: true })

    // Another order, validly signed, under the same event id: Shopify never sends that.
    const other = s.order.replace('"id": 450789469', '"id": 450789470')
    const r = await refused(
      () => s.deliver(other, 'orders/paid', { 'x-shopify-event-id': 'ev-reused' }),
      409,
      'conflict',
      ['x-shopify-event-id'],
    )
    expect(r.body.error.message).toContain('ev-reused')
    // So is another topic under it, and the older header name is held to the same rule.
    await refused(() => s.deliver(s.order, 'orders/create', { 'x-shopify-event-id': 'ev-reused' }), 409, 'conflict')
    expect((await s.deliver(s.order, 'orders/paid', { 'x-shopify-webhook-id': 'wh-1' })).status).toBe(200)
    await refused(() => s.deliver(other, 'orders/paid', { 'x-shopify-webhook-id': 'wh-1' }), 409, 'conflict')
    // The other order under a fresh id is processed.
    const fresh = await s.deliver(other, 'orders/paid', { 'x-shopify-event-id': 'ev-fresh' })
    expect(fresh.status).toBe(200)
    expect(fresh.body.order.orderId).toBe('shopify:450789470')
  })
})

describe('Shopify headers are bounded', () => {
  it('a 10,000-character event id, webhook id, topic or shop domain is a 422 naming the header', async () => {
    const s = await shop()
    const long = 'a'.repeat(10_000)
    for (const [header, value] of [
      ['x-shopify-event-id', long],
      ['x-shopify-webhook-id', long],
      ['x-shopify-shop-domain', `${long}.myshopify.com`],
      ['x-shopify-event-id', 'has space'],
      ['x-shopify-shop-domain', 'shop.example.com/path'],
    ] as const) {
      const r = await refused(() => s.deliver(s.order, 'orders/paid', { [header]: value }), 422, 'invalid_input', [
        header,
      ])
      expect(JSON.stringify(r.body).length).toBeLessThan(1000)
    }
    for (const topic of [long, 'orders paid', 'ORDERS/PAID', ''])
      await refused(() => s.deliver(s.order, topic), 422, 'invalid_input', ['x-shopify-topic'])
    // An absurd signature header is just a wrong signature.
    await refused(
      () =>
        call('POST', `/webhooks/${s.b.brand.id}/shopify`, {
          raw: s.order,
          headers: {
            'content-type': 'application/json',
            'x-shopify-topic': 'orders/paid',
            'x-shopify-hmac-sha256': long,
          },
        }),
      401,
      'unauthorized',
    )
  })
})

describe('A Shopify payload that does not map', () => {
  const order = JSON.parse(orderRaw) as Record<string, any>
  const refund = JSON.parse(refundRaw) as Record<string, any>
  const line = order.line_items[0]
  const withLine = (patch: Record<string, unknown>) => ({ ...order, line_items: [{ ...line, ...patch }] })
  const without = (o: Record<string, unknown>, key: string) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))
  const rli = refund.refund_line_items[0]

  const orders: Array<[string, unknown]> = [
    ['line_items not a list', { ...order, line_items: 'three serums' }],
    ['line_items null', { ...order, line_items: null }],
    ['line_items missing', without(order, 'line_items')],
    ['line_items empty', { ...order, line_items: [] }],
    ['a line null', { ...order, line_items: [null] }],
    ['600 lines', { ...order, line_items: Array.from({ length: 600 }, (_, i) => ({ ...line, id: i + 1 })) }],
    ['price an object', withLine({ price: { amount: '199.00' } })],
    ['price a number', withLine({ price: 199 })],
    ['price null', withLine({ price: null })],
    ['price missing', withLine({ price: undefined })],
    ['price in exponent form', withLine({ price: '1e5' })],
    ['price negative', withLine({ price: '-1.00' })],
    ['price past 2^53', withLine({ price: '99999999999999999999.00' })],
    ['quantity huge', withLine({ quantity: 1e12 })],
    ['quantity negative', withLine({ quantity: -1 })],
    ['quantity a fraction', withLine({ quantity: 1.5 })],
    ['quantity text', withLine({ quantity: '2' })],
    ['sku a number', withLine({ sku: 123 })],
    ['discount past the line', withLine({ total_discount: '500.00' })],
    ['discount allocation null', withLine({ discount_allocations: [null] })],
    ['discount allocation amount null', withLine({ discount_allocations: [{ amount: null }] })],
    ['id missing', without(order, 'id')],
    ['id an object', { ...order, id: {} }],
    ['id 10,000 digits', { ...order, id: '9'.repeat(10_000) }],
    ['id negative', { ...order, id: -5 }],
    ['currency null', { ...order, currency: null }],
    ['currency made up', { ...order, currency: 'XYZ' }],
    ['customer text', { ...order, customer: 'bob' }],
    ['customer id an object', { ...order, customer: { id: {} } }],
    ['note attribute null', { ...order, note_attributes: [null] }],
    ['processed_at a number', { ...order, processed_at: 12345 }],
    ['processed_at not a date', { ...order, processed_at: 'soon' }],
    ['body null', null],
    ['body a list', [order]],
    ['body a number', 42],
    ['body text', 'paid'],
    ['body empty', {}],
  ]
  const refunds: Array<[string, unknown]> = [
    ['refund_line_items not a list', { ...refund, refund_line_items: 'all' }],
    ['a refund line null', { ...refund, refund_line_items: [null] }],
    ['line_item_id null', { ...refund, refund_line_items: [{ ...rli, line_item_id: null }] }],
    ['refund quantity huge', { ...refund, refund_line_items: [{ ...rli, quantity: 1e9 }] }],
    ['transaction amount an object', { ...refund, refund_line_items: [], transactions: [{ amount: {} }] }],
    ['transaction amount null', { ...refund, refund_line_items: [], transactions: [{ amount: null }] }],
    ['transaction amount text', { ...refund, refund_line_items: [], transactions: [{ amount: 'all of it' }] }],
    ['transaction amount negative', { ...refund, refund_line_items: [], transactions: [{ amount: '-5.00' }] }],
    [
      'shipping adjustment not an amount',
      { ...refund, refund_line_items: [], order_adjustments: [{ kind: 'shipping_refund', amount: 'x' }] },
    ],
    [
      'shipping adjustment money bag null',
      { ...refund, order_adjustments: [{ kind: 'shipping_refund', amount_set: { shop_money: null } }] },
    ],
    [
      'refunded shipping amount a list',
      { ...refund, refund_shipping_lines: [{ subtotal_amount_set: { shop_money: { amount: [] } } }] },
    ],
    ['duties text', { ...refund, duties: [{ amount_set: 'x' }] }],
    ['order_id 10,000 digits', { ...refund, order_id: '9'.repeat(10_000) }],
    ['order_id an object', { ...refund, order_id: {} }],
    ['order_id missing', without(refund, 'order_id')],
    ['id missing', without(refund, 'id')],
    ['body null', null],
  ]

  it('is a 4xx in the API’s own words, never a 500 or JavaScript’s exception text, and writes nothing', async () => {
    const s = await shop()
    expect((await s.deliver(s.order, 'orders/paid')).status).toBe(200)
    const answers: string[] = []
    for (const [topic, table] of [
      ['orders/paid', orders],
      ['refunds/create', refunds],
    ] as const) {
      for (const [name, payload] of table) {
        const raw = JSON.stringify(payload)
        const before = await tableSnapshot()
        const r = await s.deliver(raw, topic)
        const text = JSON.stringify(r.body)
        answers.push(`${topic} ${name}: ${r.status} ${text.slice(0, 300)}`)
        expect(r.status, `${topic} ${name}: ${text}`).toBeGreaterThanOrEqual(400)
        expect(r.status, `${topic} ${name}: ${text}`).toBeLessThan(500)
        expect(r.body?.error?.code, `${topic} ${name}: ${text}`).toBeTypeOf('string')
        for (const leak of ['undefined', 'TypeError', 'Cannot read', 'received', 'NaN'])
          expect(text, `${topic} ${name}`).not.toContain(leak)
        expect(await tableSnapshot(), `${topic} ${name} wrote`).toEqual(before)
      }
    }
    expect(answers).toHaveLength(orders.length + refunds.length)
  })
})
