import { beforeAll, describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { pumpOnce } from '../../lib/local/stream-pump'

/**
 * GET /api/me/customers, /api/me/orders and /api/me/rank through the public API:
 * guide A (store 旗舰店) recruits B (same store); a customer comes by A's code and
 * returns bound; another clicks B's link (A earns the team bonus). Another brand's
 * distributor sees none of it.
 */

const s = { key: '', a: '', b: '', other: '', aId: '', bId: '' }
const T0 = Date.now() - 3_600_000
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

async function order(body: Record<string, unknown>) {
  const r = await call('POST', '/api/orders', { token: s.key, body: { currency: 'CNY', ...body } })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}

beforeAll(async () => {
  const brand = await newBrand({ maxLevels: 2, defaultBps: [1000, 300], bindingDays: 30 })
  s.key = brand.adminKey
  const products = [
    { sku: 'SERUM', name: '精华液', price: 29900 },
    { sku: 'LIP', name: '润唇膏', price: 6900 },
  ]
  for (const p of products)
    expect(
      (await call('POST', '/api/products', { token: s.key, body: { ...p, url: 'https://shop.example.com/p' } })).status,
    ).toBe(201)
  const a = await newDistributor(s.key, { name: '导购 A', type: 'guide', store: '旗舰店' })
  const b = await newDistributor(s.key, { name: '导购 B', type: 'guide', store: '旗舰店', parentId: a.id })
  s.aId = a.id
  s.bId = b.id
  s.a = await sessionOf(s.key, a.id)
  s.b = await sessionOf(s.key, b.id)
  const otherBrand = await newBrand({ defaultBps: [1000] })
  const o = await newDistributor(otherBrand.adminKey, { name: '别家', type: 'guide' })
  s.other = await sessionOf(otherBrand.adminKey, o.id)

  await order({
    orderId: 'ORD-0001111',
    refCode: a.inviteCode,
    customerId: '13800138000',
    paidAt: at(1),
    lines: [{ sku: 'SERUM', qty: 1, unitPrice: 29900 }],
  })
  await order({
    orderId: 'ORD-0002222',
    customerId: '13800138000',
    paidAt: at(2),
    lines: [{ sku: 'LIP', qty: 2, unitPrice: 6900 }],
  })
  const link = await call('POST', '/api/links', { token: s.b, body: { productId: 'SERUM' } })
  expect(link.status).toBe(201)
  const click = await call('GET', `/s/${link.body.code}`, { headers: { 'user-agent': PHONE_UA } })
  const clickId = new URL(click.res.headers.get('location') ?? '').searchParams.get('rpl_click') ?? ''
  expect(clickId).not.toBe('')
  await order({
    orderId: 'ORD-0003333',
    clickId,
    customerId: 'wx-openid-77',
    paidAt: at(3),
    lines: [{ sku: 'SERUM', qty: 2, unitPrice: 29900 }],
  })
  await pumpOnce()
})

describe('GET /api/me/orders', () => {
  it('lists my own and my team orders newest first, each with why in one line and its level', async () => {
    const r = await call('GET', '/api/me/orders', { token: s.a })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(
      r.body.items.map((o: { orderRef: string; level: number; why: string; commission: number }) => [
        o.orderRef,
        o.level,
        o.why,
        o.commission,
      ]),
    ).toEqual([
      ['…3333', 2, 'Team bonus (level 2): 导购 B, clicked their link', Math.floor((59800 * 300) / 10000)],
      ['…2222', 1, 'Your bound customer', Math.floor((13800 * 1000) / 10000)],
      ['…1111', 1, 'Used your code', 2990],
    ])
    expect(r.body.items[0]).toMatchObject({ source: 'click', creditedName: '导购 B', total: 59800, currency: 'CNY' })
    expect(r.body.items[0].products).toEqual([{ sku: 'SERUM', name: '精华液', qty: 2 }])
    const b = await call('GET', '/api/me/orders', { token: s.b })
    expect(b.body.items.map((o: { orderRef: string; why: string }) => [o.orderRef, o.why])).toEqual([
      ['…3333', 'Clicked your link'],
    ])
    // Another brand's distributor: nothing of this brand.
    expect((await call('GET', '/api/me/orders', { token: s.other })).body.items).toEqual([])
  })

  it('pages with sealed cursors that refuse tampering and another list', async () => {
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const r = await call('GET', `/api/me/orders?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
        token: s.a,
      })
      expect(r.status).toBe(200)
      expect(r.body.items.length).toBeLessThanOrEqual(1)
      seen.push(...r.body.items.map((o: { orderRef: string }) => o.orderRef))
      cursor = r.body.nextCursor
      pages++
    } while (cursor && pages < 10)
    expect(seen).toEqual(['…3333', '…2222', '…1111'])
    const first = await call('GET', '/api/me/orders?limit=1', { token: s.a })
    const c = first.body.nextCursor as string
    const tampered = `${c.slice(0, -2)}${c.endsWith('AA') ? 'BB' : 'AA'}`
    const bad = await call('GET', `/api/me/orders?cursor=${encodeURIComponent(tampered)}`, { token: s.a })
    expect(bad.status).toBe(422)
    expect(bad.body.error.fields).toHaveProperty('cursor')
    // My cursor is not B's: the cursor is bound to the list it came from.
    expect((await call('GET', `/api/me/orders?cursor=${encodeURIComponent(c)}`, { token: s.b })).status).toBe(422)
    expect((await call('GET', `/api/me/customers?cursor=${encodeURIComponent(c)}`, { token: s.a })).status).toBe(422)
  })

  it('needs a distributor session', async () => {
    expect((await call('GET', '/api/me/orders')).status).toBe(401)
    expect((await call('GET', '/api/me/customers', { token: s.key })).status).toBe(403)
  })
})

describe('GET /api/me/customers', () => {
  it('lists the customers bound to me, masked, with since/until and their orders with me', async () => {
    const r = await call('GET', '/api/me/customers', { token: s.a })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.items).toEqual([
      {
        customer: '13***00',
        boundAt: at(1),
        expiresAt: new Date(T0 + 60_000 + 30 * 86_400_000).toISOString(),
        active: true,
        orders: [
          { orderRef: '…2222', paidAt: at(2), total: 13800, currency: 'CNY' },
          { orderRef: '…1111', paidAt: at(1), total: 29900, currency: 'CNY' },
        ],
      },
    ])
    expect(JSON.stringify(r.body)).not.toContain('13800138000')
    const b = await call('GET', '/api/me/customers', { token: s.b })
    expect(b.body.items.map((c: { customer: string; orders: unknown[] }) => [c.customer, c.orders.length])).toEqual([
      ['wx***77', 1],
    ])
    expect((await call('GET', '/api/me/customers', { token: s.other })).body.items).toEqual([])
  })

  it('pages the customers one at a time', async () => {
    await order({
      orderId: 'ORD-0004444',
      refCode: (await call('GET', '/api/me', { token: s.a })).body.distributor.inviteCode,
      customerId: 'zz-cust-9',
      paidAt: at(4),
      lines: [{ sku: 'LIP', qty: 1, unitPrice: 6900 }],
    })
    const one = await call('GET', '/api/me/customers?limit=1', { token: s.a })
    expect(one.body.items).toHaveLength(1)
    expect(one.body.nextCursor).toEqual(expect.any(String))
    const two = await call('GET', `/api/me/customers?limit=1&cursor=${encodeURIComponent(one.body.nextCursor)}`, {
      token: s.a,
    })
    expect(two.status).toBe(200)
    expect([one.body.items[0].customer, two.body.items[0].customer].sort()).toEqual(['13***00', 'zz***-9'])
  })
})

describe('GET /api/me/rank', () => {
  it('places me this month among my type and within my store, by GMV and by new customers', async () => {
    await pumpOnce()
    const a = await call('GET', '/api/me/rank', { token: s.a })
    expect(a.status, JSON.stringify(a.body)).toBe(200)
    const today = new Date().toISOString().slice(0, 10)
    expect(a.body).toMatchObject({
      month: today.slice(0, 7),
      from: `${today.slice(0, 7)}-01`,
      to: today,
      type: 'guide',
      store: '旗舰店',
    })
    // B sold 59800 and A 29900 + 13800 + 6900 = 50600: A is second by GMV; by new customers A has two, B one.
    expect(a.body.gmv).toEqual({ type: { rank: 2, of: 2, value: 50600 }, store: { rank: 2, of: null, value: 50600 } })
    expect(a.body.newCustomers).toEqual({ type: { rank: 1, of: 2, value: 2 }, store: { rank: 1, of: null, value: 2 } })
    const b = await call('GET', '/api/me/rank', { token: s.b })
    expect(b.body.gmv.type).toEqual({ rank: 1, of: 2, value: 59800 })
    expect(b.body.newCustomers.type).toEqual({ rank: 2, of: 2, value: 1 })
    const other = await call('GET', '/api/me/rank', { token: s.other })
    expect(other.body.gmv.type).toEqual({ rank: null, of: 0, value: 0 })
  })
})
