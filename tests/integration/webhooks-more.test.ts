import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { expectBalanceMatchesLedger } from '../support/ledger'
import { rippleSignature, shopifySignature } from '../../lib/domain/webhook-signature'
import { getBalance } from '../../lib/db/balances'

const now = () => String(Math.floor(Date.now() / 1000))
const signed = (secret: string, body: string, ts = now()) => ({
  'content-type': 'application/json',
  'x-ripple-timestamp': ts,
  'x-ripple-signature': rippleSignature(secret, ts, body),
})

/** Asserts a refused delivery: status, code, and not one item written. */
async function refused(run: () => ReturnType<typeof call>, status: number, code: string, fields?: string[]) {
  const before = await tableSnapshot()
  const r = await run()
  expectError(r, status, code, fields)
  expect(await tableSnapshot()).toEqual(before)
  return r
}

async function brandWithMember() {
  const b = await newBrand({ defaultBps: [1000], maxLevels: 1, holdDays: 0 })
  const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
  return { b, d }
}
const orderBody = (orderId: string, refCode: string) =>
  JSON.stringify({
    orderId,
    refCode,
    currency: 'CNY',
    paidAt: new Date().toISOString(),
    lines: [{ sku: 'A', qty: 2, unitPrice: '50.00' }],
  })

describe('Ripple-signed webhooks: refusals write nothing', () => {
  it('missing headers, a non-numeric timestamp, a malformed signature, an unknown or malformed brand → 401', async () => {
    const { b, d } = await brandWithMember()
    const body = orderBody('w1', d.inviteCode)
    const path = `/webhooks/${b.brand.id}/orders`
    const good = signed(b.webhookSecret, body)
    const without = (h: string) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== h))
    await refused(
      () => call('POST', path, { raw: body, headers: { 'content-type': 'application/json' } }),
      401,
      'unauthorized',
    )
    await refused(() => call('POST', path, { raw: body, headers: without('x-ripple-signature') }), 401, 'unauthorized')
    await refused(() => call('POST', path, { raw: body, headers: without('x-ripple-timestamp') }), 401, 'unauthorized')
    for (const ts of ['abc', '1.7e9', new Date().toISOString(), '-1', '']) {
      await refused(
        () => call('POST', path, { raw: body, headers: signed(b.webhookSecret, body, ts) }),
        401,
        'unauthorized',
      )
    }
    for (const sig of [
      'sha256=',
      'sha256=00',
      good['x-ripple-signature'].replace('sha256=', 'sha1='),
      good['x-ripple-signature'].toUpperCase(),
    ]) {
      await refused(
        () => call('POST', path, { raw: body, headers: { ...good, 'x-ripple-signature': sig } }),
        401,
        'unauthorized',
      )
    }
    // Signed over a different timestamp than the one sent.
    await refused(
      () =>
        call('POST', path, {
          raw: body,
          headers: { ...good, 'x-ripple-timestamp': String(Number(good['x-ripple-timestamp']) - 1) },
        }),
      401,
      'unauthorized',
    )
    for (const brandId of ['b_doesnotexist', 'nobrand', 'b_', `${b.brand.id}x`]) {
      await refused(
        () => call('POST', `/webhooks/${brandId}/orders`, { raw: body, headers: good }),
        401,
        'unauthorized',
      )
      await refused(
        () => call('POST', `/webhooks/${brandId}/refunds`, { raw: body, headers: good }),
        401,
        'unauthorized',
      )
    }
    // The signature is checked before the body is even parsed.
    await refused(
      () => call('POST', path, { raw: '{"orderId":', headers: { 'content-type': 'application/json' } }),
      401,
      'unauthorized',
    )
    await refused(
      () => call('POST', path, { raw: '{"orderId":', headers: signed(b.webhookSecret, '{"orderId":') }),
      400,
      'invalid_json',
    )
    const wrongCurrency = body.replace('"CNY"', '"USD"')
    await refused(
      () => call('POST', path, { raw: wrongCurrency, headers: signed(b.webhookSecret, wrongCurrency) }),
      422,
      'invalid_input',
      ['currency'],
    )
    expect((await call('POST', path, { raw: body, headers: good })).status).toBe(201)
  })
})

describe('POST /webhooks/:brandId/refunds', () => {
  it('refunds once per refundId, however often and concurrently delivered; conflicts and unknown orders are refused', async () => {
    const { b, d } = await brandWithMember()
    const orderPath = `/webhooks/${b.brand.id}/orders`
    const o = orderBody('wr', d.inviteCode)
    expect((await call('POST', orderPath, { raw: o, headers: signed(b.webhookSecret, o) })).status).toBe(201)
    const path = `/webhooks/${b.brand.id}/refunds`
    const body = JSON.stringify({ orderId: 'wr', refundId: 'wr-1', lines: [{ sku: 'A', qty: 1 }] })
    const results = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', path, { raw: body, headers: signed(b.webhookSecret, body) })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(results[0]!.body.reversals.map((x: { amount: number }) => x.amount)).toEqual([-500])
    expect(await getBalance(d.id, 'CNY', true)).toMatchObject({ available: 500 })

    const different = JSON.stringify({ orderId: 'wr', refundId: 'wr-1', amount: 100 })
    await refused(
      () => call('POST', path, { raw: different, headers: signed(b.webhookSecret, different) }),
      409,
      'conflict',
      ['refundId'],
    )
    const unknown = JSON.stringify({ orderId: 'nosuch', refundId: 'x', amount: 100 })
    await refused(
      () => call('POST', path, { raw: unknown, headers: signed(b.webhookSecret, unknown) }),
      404,
      'not_found',
    )
    const tooMuch = JSON.stringify({ orderId: 'wr', refundId: 'wr-2', amount: 5001 })
    await refused(
      () => call('POST', path, { raw: tooMuch, headers: signed(b.webhookSecret, tooMuch) }),
      422,
      'invalid_input',
      ['amount'],
    )
    const noOrder = JSON.stringify({ refundId: 'wr-3', amount: 1 })
    await refused(
      () => call('POST', path, { raw: noOrder, headers: signed(b.webhookSecret, noOrder) }),
      422,
      'invalid_input',
      ['orderId'],
    )
    const stale = String(Math.floor(Date.now() / 1000) - 301)
    const fine = JSON.stringify({ orderId: 'wr', refundId: 'wr-4', amount: 100 })
    await refused(
      () => call('POST', path, { raw: fine, headers: signed(b.webhookSecret, fine, stale) }),
      401,
      'unauthorized',
    )
    await expectBalanceMatchesLedger(d.id)
  })
})

describe('one refund answer', () => {
  it('the signed webhook answers a refund with exactly the fields of POST /api/orders/{orderId}/refunds', async () => {
    const { b, d } = await brandWithMember()
    const o = orderBody('wf', d.inviteCode)
    expect(
      (await call('POST', `/webhooks/${b.brand.id}/orders`, { raw: o, headers: signed(b.webhookSecret, o) })).status,
    ).toBe(201)
    const body = JSON.stringify({ orderId: 'wf', refundId: 'wf-1', lines: [{ sku: 'A', qty: 1 }] })
    const path = `/webhooks/${b.brand.id}/refunds`
    const hook = await call('POST', path, { raw: body, headers: signed(b.webhookSecret, body) })
    const api = await call('POST', '/api/orders/wf/refunds', {
      token: b.adminKey,
      body: { refundId: 'wf-2', lines: [{ sku: 'A', qty: 1 }] },
    })
    expect([hook.status, api.status]).toEqual([201, 201])
    const fields = ['createdAt', 'orderId', 'refundId', 'reversals']
    expect(Object.keys(hook.body).sort()).toEqual(fields)
    expect(Object.keys(api.body).sort()).toEqual(fields)
    const reversalFields = ['amount', 'distributorId', 'entryId', 'kind', 'status']
    expect(Object.keys(hook.body.reversals[0]).sort()).toEqual(reversalFields)
    expect(Object.keys(api.body.reversals[0]).sort()).toEqual(reversalFields)
    expect(hook.body).toMatchObject({
      orderId: 'wf',
      refundId: 'wf-1',
      reversals: [{ amount: -500, distributorId: d.id }],
    })
    // A repeat answers the stored refund the same way.
    const again = await call('POST', path, { raw: body, headers: signed(b.webhookSecret, body) })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(hook.body)
  })
})

describe('Shopify webhooks, more', () => {
  const SECRET = 'shpss_more_secret_456'
  const raw = readFileSync('tests/fixtures/shopify-orders-paid.json', 'utf8').replace('__CLICK__', 'none')
  const refundRaw = readFileSync('tests/fixtures/shopify-refunds-create.json', 'utf8')
  const shopify = (secret: string, body: string, topic: string, ids: Record<string, string> = {}) => ({
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-hmac-sha256': shopifySignature(secret, body),
    ...ids,
  })

  async function shop(withSecret: boolean) {
    const b = await newBrand({ defaultBps: [1000], maxLevels: 1, holdDays: 0 })
    if (withSecret) {
      const programme = (await call('GET', '/api/programme', { token: b.adminKey })).body
      expect(
        (await call('PUT', '/api/programme', { token: b.adminKey, body: { ...programme, shopifySecret: SECRET } }))
          .status,
      ).toBe(200)
    }
    const d = await newDistributor(b.adminKey, { name: '导购', type: 'guide' })
    // Credit by discount code: the fixture's order carries the distributor's coupon code.
    const body = raw.replace('"discount_codes": []', `"discount_codes": [{ "code": "${d.inviteCode}" }]`)
    return { b, d, body, path: `/webhooks/${b.brand.id}/shopify` }
  }

  it('a brand with no Shopify secret refuses every Shopify delivery → 401', async () => {
    const s = await shop(false)
    for (const secret of ['', 'undefined', 'null', SECRET, s.b.webhookSecret]) {
      await refused(
        () => call('POST', s.path, { raw: s.body, headers: shopify(secret, s.body, 'orders/paid') }),
        401,
        'unauthorized',
      )
    }
    await refused(
      () =>
        call('POST', s.path, {
          raw: s.body,
          headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/paid' },
        }),
      401,
      'unauthorized',
    )
  })

  it('missing or wrong HMAC, or an unknown brand → 401', async () => {
    const s = await shop(true)
    await refused(
      () =>
        call('POST', s.path, {
          raw: s.body,
          headers: { 'content-type': 'application/json', 'x-shopify-topic': 'orders/paid' },
        }),
      401,
      'unauthorized',
    )
    await refused(
      () => call('POST', s.path, { raw: `${s.body} `, headers: shopify(SECRET, s.body, 'orders/paid') }),
      401,
      'unauthorized',
    )
    await refused(
      () =>
        call('POST', '/webhooks/b_doesnotexist/shopify', {
          raw: s.body,
          headers: shopify(SECRET, s.body, 'orders/paid'),
        }),
      401,
      'unauthorized',
    )
  })

  it('the legacy X-Shopify-Webhook-Id header de-duplicates too, and repeated orders/paid with new ids pay once', async () => {
    const s = await shop(true)
    const first = await call('POST', s.path, {
      raw: s.body,
      headers: shopify(SECRET, s.body, 'orders/paid', { 'x-shopify-webhook-id': 'legacy-1' }),
    })
    expect(first.status).toBe(200)
    expect(first.body.attribution).toEqual({ distributorId: s.d.id, source: 'refCode' })
    expect(first.body.commissions.map((c: { amount: number }) => c.amount)).toEqual([5680])
    const again = await call('POST', s.path, {
      raw: s.body,
      headers: shopify(SECRET, s.body, 'orders/paid', { 'x-shopify-webhook-id': 'legacy-1' }),
    })
    expect(again.body).toEqual({ ok: true, duplicate: true })
    const redelivered = await call('POST', s.path, {
      raw: s.body,
      headers: shopify(SECRET, s.body, 'orders/paid', { 'x-shopify-webhook-id': 'legacy-2' }),
    })
    expect(redelivered.status).toBe(200)
    expect(redelivered.body.order.orderId).toBe('shopify:820982911946154508')
    expect(await getBalance(s.d.id, 'CNY', true)).toMatchObject({ available: 5680 })
    await expectBalanceMatchesLedger(s.d.id)
  })

  it('orders/create before payment writes nothing; a refund before its order is a 404 that Shopify may retry', async () => {
    const s = await shop(true)
    const unpaid = s.body.replace('"financial_status": "paid"', '"financial_status": "pending"')
    const before = await tableSnapshot()
    const created = await call('POST', s.path, { raw: unpaid, headers: shopify(SECRET, unpaid, 'orders/create') })
    expect(created.status).toBe(200)
    expect((await call('GET', '/api/orders/shopify:820982911946154508', { token: s.b.adminKey })).status).toBe(404)
    expect(await tableSnapshot()).toEqual(before)

    await refused(
      () =>
        call('POST', s.path, {
          raw: refundRaw,
          headers: shopify(SECRET, refundRaw, 'refunds/create', { 'x-shopify-event-id': 'rf-ev' }),
        }),
      404,
      'not_found',
    )
    // orders/create that is already paid counts as the payment.
    const paid = await call('POST', s.path, {
      raw: s.body,
      headers: shopify(SECRET, s.body, 'orders/create', { 'x-shopify-event-id': 'create-paid' }),
    })
    expect(paid.body.commissions.map((c: { amount: number }) => c.amount)).toEqual([5680])
    // The refund's retry (same event id) is processed now: it was not remembered when refused.
    const retry = await call('POST', s.path, {
      raw: refundRaw,
      headers: shopify(SECRET, refundRaw, 'refunds/create', { 'x-shopify-event-id': 'rf-ev' }),
    })
    expect(retry.status).toBe(200)
    expect(retry.body.reversals.map((r: { amount: number }) => r.amount)).toEqual([-2840])
    const dup = await call('POST', s.path, {
      raw: refundRaw,
      headers: shopify(SECRET, refundRaw, 'refunds/create', { 'x-shopify-event-id': 'rf-ev' }),
    })
    expect(dup.body.duplicate).toBe(true)
    // The same refund under a new event id is still one refund (its Shopify id is the refundId).
    const again = await call('POST', s.path, {
      raw: refundRaw,
      headers: shopify(SECRET, refundRaw, 'refunds/create', { 'x-shopify-event-id': 'rf-ev-2' }),
    })
    expect(again.status).toBe(200)
    expect(await getBalance(s.d.id, 'CNY', true)).toMatchObject({ available: 2840 })
    await expectBalanceMatchesLedger(s.d.id)
  })

  it('a payload with a price that is not a decimal → 422, nothing written', async () => {
    const s = await shop(true)
    const bad = s.body.replace('"price": "299.00"', '"price": "299.001"')
    await refused(
      () => call('POST', s.path, { raw: bad, headers: shopify(SECRET, bad, 'orders/paid') }),
      422,
      'invalid_input',
      ['line_items.0.price'],
    )
    // The payload's shape is checked by its schema: each field at fault is named.
    const shapeless = s.body.replace('"quantity": 2,', '').replace('"currency": "CNY"', '"currency": "yuan"')
    const r = await refused(
      () => call('POST', s.path, { raw: shapeless, headers: shopify(SECRET, shapeless, 'orders/paid') }),
      422,
      'invalid_input',
      ['line_items.0.quantity', 'currency'],
    )
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['currency', 'line_items.0.quantity'])
    const notJson = '{"id": 1,'
    await refused(
      () => call('POST', s.path, { raw: notJson, headers: shopify(SECRET, notJson, 'orders/paid') }),
      400,
      'invalid_json',
    )
  })
})
