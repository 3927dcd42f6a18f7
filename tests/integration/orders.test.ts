import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { getBalance } from '../../lib/db/balances'

async function setup(programme: Record<string, unknown> = {}) {
  const brand = await newBrand({ maxLevels: 2, defaultBps: [1000, 300], holdDays: 7, ...programme })
  const k = brand.adminKey
  await call('POST', '/api/products', {
    token: k,
    body: { sku: 'S1', name: '精华', price: 29900, url: 'https://shop.example.com/p/1' },
  })
  const boss = await newDistributor(k, { name: '老板', type: 'employee' })
  const guide = await newDistributor(k, { name: '导购', type: 'guide', parentId: boss.id, externalId: 'cust-guide' })
  const session = await sessionOf(k, guide.id)
  const link = await call('POST', '/api/links', { token: session, body: { productId: 'S1' } })
  const click = await call('GET', `/s/${link.body.code}`, { headers: { 'user-agent': PHONE_UA } })
  const clickId = new URL(click.res.headers.get('location') ?? '').searchParams.get('rpl_click') ?? ''
  return { k, boss, guide, code: link.body.code as string, clickId }
}

const order = (orderId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  currency: 'CNY',
  paidAt: new Date().toISOString(),
  lines: [{ sku: 'S1', qty: 2, unitPrice: '299.00', discount: 1000 }],
  ...extra,
})

describe('orders', () => {
  it('attributes by click and pays two levels once, however often it arrives', async () => {
    const s = await setup()
    const body = order('o-1', { clickId: s.clickId, customerId: 'c-1' })
    const first = await call('POST', '/api/orders', { token: s.k, body })
    expect(first.status).toBe(201)
    expect(first.body.attribution).toEqual({ distributorId: s.guide.id, source: 'click' })
    // base = 2 × 29900 − 1000 = 58800; level 1 10% = 5880; level 2 3% = 1764
    expect(
      first.body.commissions.map((c: { level: number; amount: number; distributorId: string }) => [
        c.level,
        c.amount,
        c.distributorId,
      ]),
    ).toEqual([
      [1, 5880, s.guide.id],
      [2, 1764, s.boss.id],
    ])
    const results = await Promise.all(
      Array.from({ length: 50 }, () => call('POST', '/api/orders', { token: s.k, body })),
    )
    expect(results.every((r) => r.status === 200)).toBe(true)
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 5880, available: 0 })
    const conflict = await call('POST', '/api/orders', {
      token: s.k,
      body: { ...body, lines: [{ sku: 'S1', qty: 1, unitPrice: 29900 }] },
    })
    expect(conflict.status).toBe(409)
  })

  it('fifty concurrent first deliveries write one order and one set of entries', async () => {
    const s = await setup()
    const body = order('o-race', { refCode: s.code })
    const results = await Promise.all(
      Array.from({ length: 50 }, () => call('POST', '/api/orders', { token: s.k, body })),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 200)).toHaveLength(49)
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 5880 })
    expect(await getBalance(s.boss.id, 'CNY', true)).toMatchObject({ pending: 1764 })
  })

  it('a full refund returns every balance to zero, once per refundId', async () => {
    const s = await setup()
    await call('POST', '/api/orders', { token: s.k, body: order('o-r', { refCode: s.code }) })
    const half = await call('POST', '/api/orders/o-r/refunds', {
      token: s.k,
      body: { refundId: 'r1', lines: [{ sku: 'S1', qty: 1 }] },
    })
    expect(half.status).toBe(201)
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 5880 - 2940 })
    const again = await call('POST', '/api/orders/o-r/refunds', {
      token: s.k,
      body: { refundId: 'r1', lines: [{ sku: 'S1', qty: 1 }] },
    })
    expect(again.status).toBe(200)
    const rest = await call('POST', '/api/orders/o-r/refunds', {
      token: s.k,
      body: { refundId: 'r2', amount: '294.00' },
    })
    expect(rest.status).toBe(201)
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 0 })
    expect(await getBalance(s.boss.id, 'CNY', true)).toMatchObject({ pending: 0 })
    const over = await call('POST', '/api/orders/o-r/refunds', { token: s.k, body: { refundId: 'r3', amount: 1 } })
    expect(over.status).toBe(422)
    expect(over.body.error.fields.amount).toBeDefined()
  })

  it('denies self-purchase and explains why', async () => {
    const s = await setup({ selfPurchase: 'deny' })
    const r = await call('POST', '/api/orders', {
      token: s.k,
      body: order('o-self', { refCode: s.code, customerId: 'cust-guide' }),
    })
    expect(r.body.attribution.distributorId).toBeNull()
    const why = await call('GET', '/api/orders/o-self', { token: s.k })
    expect(why.body.why.candidates[0]).toMatchObject({ source: 'refCode', outcome: 'self_purchase' })
  })
})
