import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { rippleSignature, shopifySignature } from '../../lib/domain/webhook-signature'
import { getBalance } from '../../lib/db/balances'

const now = () => String(Math.floor(Date.now() / 1000))

function signed(secret: string, body: string, ts = now()) {
  return {
    'content-type': 'application/json',
    'x-ripple-timestamp': ts,
    'x-ripple-signature': rippleSignature(secret, ts, body),
  }
}

describe('signed order webhooks', () => {
  it('accepts a signed order once and refuses replays and tampering', async () => {
    const b = await newBrand({ defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
    const body = JSON.stringify({
      orderId: 'w1',
      refCode: d.inviteCode,
      currency: 'CNY',
      paidAt: new Date().toISOString(),
      lines: [{ sku: 'A', qty: 1, unitPrice: '100.00' }],
    })
    const path = `/webhooks/${b.brand.id}/orders`
    const first = await call('POST', path, { raw: body, headers: signed(b.webhookSecret, body) })
    expect(first.status).toBe(201)
    expect(first.body.commissions[0].amount).toBe(1000)
    const twice = await Promise.all(
      [1, 2].map(() => call('POST', path, { raw: body, headers: signed(b.webhookSecret, body) })),
    )
    expect(twice.map((r) => r.status)).toEqual([200, 200])
    const stale = await call('POST', path, {
      raw: body,
      headers: signed(b.webhookSecret, body, String(Math.floor(Date.now() / 1000) - 301)),
    })
    expect(stale.status).toBe(401)
    const future = await call('POST', path, {
      raw: body,
      headers: signed(b.webhookSecret, body, String(Math.floor(Date.now() / 1000) + 301)),
    })
    expect(future.status).toBe(401)
    const tampered = await call('POST', path, {
      raw: body.replace('100.00', '999.00'),
      headers: signed(b.webhookSecret, body),
    })
    expect(tampered.status).toBe(401)
    const other = await newBrand()
    const wrongBrand = await call('POST', `/webhooks/${other.brand.id}/orders`, {
      raw: body,
      headers: signed(b.webhookSecret, body),
    })
    expect(wrongBrand.status).toBe(401)
    expect(await getBalance(d.id, 'CNY', true)).toMatchObject({ pending: 1000 })
    const bad = JSON.stringify({ orderId: 'w2', currency: 'CNY', paidAt: 'yesterday', lines: [] })
    const invalid = await call('POST', path, { raw: bad, headers: signed(b.webhookSecret, bad) })
    expect(invalid.status).toBe(422)
    expect(Object.keys(invalid.body.error.fields)).toEqual(expect.arrayContaining(['paidAt', 'lines']))
  })
})

describe('Shopify webhooks', () => {
  it('maps orders/paid and refunds/create, verifies the HMAC and de-duplicates by event id', async () => {
    const b = await newBrand({ defaultBps: [1000], maxLevels: 1, holdDays: 0 })
    await call('PUT', '/api/programme', {
      token: b.adminKey,
      body: {
        ...(await call('GET', '/api/programme', { token: b.adminKey })).body,
        shopifySecret: 'shpss_test_secret_123',
      },
    })
    const programme = await call('GET', '/api/programme', { token: b.adminKey })
    expect(JSON.stringify(programme.body)).not.toContain('shpss_test_secret_123')
    await call('POST', '/api/products', {
      token: b.adminKey,
      body: { sku: 'CAM-SERUM-30', name: '精华', price: 29900, url: 'https://shop.example.com/p/1' },
    })
    const d = await newDistributor(b.adminKey, { name: '导购', type: 'guide' })
    const session = await sessionOf(b.adminKey, d.id)
    const link = await call('POST', '/api/links', { token: session, body: { productId: 'CAM-SERUM-30' } })
    const click = await call('GET', `/s/${link.body.code}`, { headers: { 'user-agent': PHONE_UA } })
    const clickId = new URL(click.res.headers.get('location') ?? '').searchParams.get('rpl_click') ?? ''

    const raw = readFileSync('tests/fixtures/shopify-orders-paid.json', 'utf8').replace('__CLICK__', clickId)
    const headers = (body: string, topic: string, event: string) => ({
      'content-type': 'application/json',
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': shopifySignature('shpss_test_secret_123', body),
      'x-shopify-event-id': event,
    })
    const path = `/webhooks/${b.brand.id}/shopify`
    const paid = await call('POST', path, { raw, headers: headers(raw, 'orders/paid', 'ev-1') })
    expect(paid.status).toBe(200)
    expect(paid.body.attribution).toEqual({ distributorId: d.id, source: 'click' })
    expect(paid.body.order.orderId).toBe('shopify:820982911946154508') // ids beyond 2^53 kept exact
    expect(paid.body.order.customerId).toBe('115310627314723954')
    // 2 × 299.00 − 30.00 discount = 568.00 → 10% = 56.80; the free sample earns nothing.
    expect(paid.body.commissions.map((c: { amount: number }) => c.amount)).toEqual([5680])
    const dup = await call('POST', path, { raw, headers: headers(raw, 'orders/paid', 'ev-1') })
    expect(dup.body.duplicate).toBe(true)
    const forged = await call('POST', path, {
      raw,
      headers: { ...headers(raw, 'orders/paid', 'ev-2'), 'x-shopify-hmac-sha256': shopifySignature('wrong', raw) },
    })
    expect(forged.status).toBe(401)
    const ignored = await call('POST', path, { raw: '{}', headers: headers('{}', 'customers/create', 'ev-3') })
    expect(ignored.body).toEqual({ ok: true, ignored: 'customers/create' })

    const refundRaw = readFileSync('tests/fixtures/shopify-refunds-create.json', 'utf8')
    const refund = await call('POST', path, { raw: refundRaw, headers: headers(refundRaw, 'refunds/create', 'ev-4') })
    expect(refund.status).toBe(200)
    // One of two serums: half of the serum line's 5680.
    expect(refund.body.reversals.map((r: { amount: number }) => r.amount)).toEqual([-2840])
    expect(await getBalance(d.id, 'CNY', true)).toMatchObject({ available: 2840 })
  })
})
