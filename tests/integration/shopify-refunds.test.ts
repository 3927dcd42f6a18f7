import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { expectBalanceMatchesLedger } from '../support/ledger'
import { shopifySignature } from '../../lib/domain/webhook-signature'
import { getBalance } from '../../lib/db/balances'
import { getRefund } from '../../lib/db/orders'
import { orderFromShopify } from '../../lib/domain/shopify'
import { OrderBody } from '../../lib/schemas/order'
import { ShopifyOrder } from '../../lib/schemas/shopify'
import { ingestOrder } from '../../lib/services/ingest-order'

// Payloads as Shopify sends them (tests/fixtures/shopify): Shopify's own documented examples,
// with the order's ids and amounts made to agree across the order and its refunds.
const SECRET = 'shpss_refunds_secret_789'
const fixture = (name: string) => readFileSync(`tests/fixtures/shopify/${name}.json`, 'utf8')
const sum = (xs: Array<{ amount: number }>) => xs.reduce((s, x) => s + x.amount, 0)

/** A brand in `currency` paying 10% at one level, with its Shopify secret, and a distributor whose code orders carry. */
async function shop(currency = 'USD') {
  const b = await newBrand({ currency, defaultBps: [1000], maxLevels: 1, holdDays: 0 })
  const programme = (await call('GET', '/api/programme', { token: b.adminKey })).body
  const put = await call('PUT', '/api/programme', { token: b.adminKey, body: { ...programme, shopifySecret: SECRET } })
  expect(put.status).toBe(200)
  const d = await newDistributor(b.adminKey, { name: '导购', type: 'guide' })
  const path = `/webhooks/${b.brand.id}/shopify`
  let n = 0
  const deliver = (raw: string, topic: string) =>
    call('POST', path, {
      raw,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-hmac-sha256': shopifySignature(SECRET, raw),
        'x-shopify-event-id': `ev-${topic.replace('/', '-')}-${++n}`,
        'x-shopify-shop-domain': 'ripple-test.myshopify.com',
      },
    })
  const paid = async (name: string) => {
    const r = await deliver(fixture(name).replace('__REF__', d.inviteCode), 'orders/paid')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body
  }
  const refund = (name: string) => deliver(fixture(name), 'refunds/create')
  const balance = async () => (await getBalance(d.id, currency, true))?.available ?? 0
  return { b, d, deliver, paid, refund, balance }
}

describe('Shopify refunds as Shopify sends them', () => {
  it('the USD order earns 10% of its goods: 199.00 + 149.00 + 3 × 0.10, shipping and tax not commissioned', async () => {
    const s = await shop()
    const order = await s.paid('orders-paid-usd')
    expect(order.order.total).toBe(34830)
    expect(sum(order.commissions)).toBe(3483)
    expect(await s.balance()).toBe(3483)
  })

  it('a shipping-only refund is acknowledged, recorded and reverses nothing', async () => {
    const s = await shop()
    await s.paid('orders-paid-usd')
    const r = await s.refund('refunds-create-shipping-only')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.reversals).toEqual([])
    expect(r.body.setAside).toMatchObject({ shipping: 500 })
    expect(await getRefund(s.b.brand.id, 'shopify:450789469', 'shopify-929361482')).toMatchObject({ reversals: [] })
    expect(await s.balance()).toBe(3483)
    await expectBalanceMatchesLedger(s.d.id, 'USD')
  })

  it('a full refund by amount that includes shipping and tax reverses the whole commission, not a 422', async () => {
    const s = await shop()
    await s.paid('orders-paid-usd')
    const r = await s.refund('refunds-create-full-amount')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(sum(r.body.reversals)).toBe(-3483)
    expect(await s.balance()).toBe(0)
    await expectBalanceMatchesLedger(s.d.id, 'USD')
  })

  it('a full refund of every line plus shipping reverses the whole commission', async () => {
    const s = await shop()
    await s.paid('orders-paid-usd')
    const r = await s.refund('refunds-create-full-lines')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(sum(r.body.reversals)).toBe(-3483)
    expect(r.body.setAside).toMatchObject({ shipping: 500 })
    expect(await s.balance()).toBe(0)
    await expectBalanceMatchesLedger(s.d.id, 'USD')
  })

  it('of two lines with one SKU at different prices, the refund reverses the line it names by line_item_id', async () => {
    const s = await shop()
    await s.paid('orders-paid-usd')
    const r = await s.refund('refunds-create-same-sku')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    // The 149.00 unit (line 518995019), not the 199.00 one listed first under the same SKU.
    expect(sum(r.body.reversals)).toBe(-1490)
    expect(await s.balance()).toBe(3483 - 1490)
    // The rest of the order can still be refunded in full: the other unit of the SKU is untouched.
    const all = await s.refund('refunds-create-full-lines')
    expect(all.status, JSON.stringify(all.body)).toBe(200)
    expect(sum(all.body.reversals)).toBe(-(3483 - 1490))
    expect(await s.balance()).toBe(0)
    await expectBalanceMatchesLedger(s.d.id, 'USD')
  })

  it('refunds whose transactions are pending or zero are acknowledged and recorded, reversing nothing', async () => {
    const s = await shop()
    await s.paid('orders-paid-usd')
    for (const [name, refundId] of [
      ['refunds-create-pending', 'shopify-929361493'],
      ['refunds-create-zero', 'shopify-929361494'],
    ] as const) {
      const r = await s.refund(name)
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(200)
      expect(r.body.reversals).toEqual([])
      expect(await getRefund(s.b.brand.id, 'shopify:450789469', refundId)).toMatchObject({ refundId, reversals: [] })
    }
    expect(await s.balance()).toBe(3483)
    await expectBalanceMatchesLedger(s.d.id, 'USD')
  })

  it('a refund of amount, duties set aside, reverses only the goods part', async () => {
    const s = await shop()
    await s.paid('orders-paid-usd')
    const r = await s.refund('refunds-create-duties')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.setAside).toMatchObject({ duties: 983 })
    // 50.00 of 348.30 goods: floor(3483 × 5000 / 34830) = 500 across the entry.
    expect(sum(r.body.reversals)).toBe(-500)
    await expectBalanceMatchesLedger(s.d.id, 'USD')
  })
})

describe('Shopify orders stored before lines kept their Shopify ids', () => {
  it('a repeat of one is still a repeat, and its refunds find lines by SKU', async () => {
    const s = await shop()
    const raw = fixture('orders-paid-usd').replace('__REF__', s.d.inviteCode)
    const m = orderFromShopify(ShopifyOrder.parse(JSON.parse(raw)))
    if (!m.ok) throw new Error(m.message)
    const legacy = OrderBody.parse({ ...m.value, lines: m.value.lines.map(({ externalLineIds: _, ...l }) => l) })
    expect((await ingestOrder(s.b.brand.id, legacy)).created).toBe(true)

    const again = await s.deliver(raw, 'orders/paid')
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.order.lines.some((l: { externalLineIds?: string[] }) => l.externalLineIds)).toBe(false)
    expect(await s.balance()).toBe(3483)
    // By SKU as the mapping made it: the first IPOD2008GREEN line (199.00), as before lines had ids.
    const r = await s.refund('refunds-create-same-sku')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(sum(r.body.reversals)).toBe(-1990)
    await expectBalanceMatchesLedger(s.d.id, 'USD')
  })
})

describe('Shopify orders map exactly to the minor unit', () => {
  it('CNY, USD, JPY ("5900.00") and KWD (3 decimals): totals and commissions to the unit', async () => {
    const cny = await shop('CNY')
    const cnyRaw = readFileSync('tests/fixtures/shopify-orders-paid.json', 'utf8')
      .replace('__CLICK__', 'none')
      .replace('"discount_codes": []', `"discount_codes": [{ "code": "${cny.d.inviteCode}" }]`)
    const rc = await call('POST', `/webhooks/${cny.b.brand.id}/shopify`, {
      raw: cnyRaw,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/paid',
        'x-shopify-hmac-sha256': shopifySignature(SECRET, cnyRaw),
      },
    })
    expect(rc.status, JSON.stringify(rc.body)).toBe(200)
    expect([rc.body.order.total, sum(rc.body.commissions)]).toEqual([56800, 5680])

    const usd = await (await shop('USD')).paid('orders-paid-usd')
    expect([usd.order.total, sum(usd.commissions)]).toEqual([34830, 3483])

    const jpy = await (await shop('JPY')).paid('orders-paid-jpy')
    // 2 × ¥5,900 − ¥590 = ¥11,210 → 10% = ¥1,121.
    expect(jpy.order.lines[0]).toMatchObject({ sku: 'MATCHA-100', qty: 2, unitPrice: 5900, discount: 590 })
    expect([jpy.order.total, sum(jpy.commissions)]).toEqual([11210, 1121])

    const kwd = await (await shop('KWD')).paid('orders-paid-kwd')
    // 3 × 12.345 − 0.005 = 37.030 KWD → 10% = 3.703.
    expect(kwd.order.lines[0]).toMatchObject({ sku: 'OUD-12', qty: 3, unitPrice: 12345, discount: 5 })
    expect([kwd.order.total, sum(kwd.commissions)]).toEqual([37030, 3703])
  })

  it('a yen price with a fraction that is not zero is a 422 naming the Shopify field, nothing written', async () => {
    const s = await shop('JPY')
    const raw = fixture('orders-paid-jpy').replace('__REF__', s.d.inviteCode).replace('"5900.00"', '"5900.50"')
    const before = await tableSnapshot()
    const r = await call('POST', `/webhooks/${s.b.brand.id}/shopify`, {
      raw,
      headers: {
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/paid',
        'x-shopify-hmac-sha256': shopifySignature(SECRET, raw),
      },
    })
    expectError(r, 422, 'invalid_input', ['line_items.0.price'])
    expect(await tableSnapshot()).toEqual(before)
  })
})
