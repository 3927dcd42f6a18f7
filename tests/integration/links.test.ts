import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'

async function setup() {
  const { adminKey, financeKey } = await newBrand()
  await call('POST', '/api/products', {
    token: adminKey,
    body: { sku: 'S1', name: '精华', price: '199.00', url: 'https://shop.example.com/p/1?ref=x' },
  })
  const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
  return { adminKey, financeKey, d, session: await sessionOf(adminKey, d.id) }
}

describe('POST /api/links', () => {
  it('creates a link for a product with a short URL and a QR code, then returns the same one', async () => {
    const { session } = await setup()
    const r = await call('POST', '/api/links', { token: session, body: { productId: 'S1' } })
    expect(r.status).toBe(201)
    expect(r.body.code).toMatch(/^[A-Za-z0-9]{8}$/)
    expect(r.body.shortUrl).toBe(`http://ripple.test/s/${r.body.code}`)
    expect(r.body.qrSvg).toMatch(/^<svg/)
    expect(r.body).toMatchObject({ target: 'https://shop.example.com/p/1?ref=x', productId: 'S1' })
    const again = await call('POST', '/api/links', { token: session, body: { productId: 'S1' } })
    expect(again.status).toBe(200)
    expect(again.body.code).toBe(r.body.code)
  })

  it('gives one code to 10 concurrent requests for the same product', async () => {
    const { session } = await setup()
    const rs = await Promise.all(
      Array.from({ length: 10 }, () => call('POST', '/api/links', { token: session, body: { productId: 'S1' } })),
    )
    expect(rs.every((r) => r.status === 200 || r.status === 201)).toBe(true)
    expect(rs.filter((r) => r.status === 201)).toHaveLength(1)
    expect(new Set(rs.map((r) => r.body.code)).size).toBe(1)
    const mine = await call('GET', '/api/me/links', { token: session })
    expect(mine.body.items).toHaveLength(1)
  })

  it('gives one code to 10 concurrent requests for the same URL', async () => {
    const { session } = await setup()
    const body = { url: 'https://shop.example.com/campaign?x=1' }
    const rs = await Promise.all(Array.from({ length: 10 }, () => call('POST', '/api/links', { token: session, body })))
    expect(rs.filter((r) => r.status === 201)).toHaveLength(1)
    expect(new Set(rs.map((r) => r.body.code)).size).toBe(1)
  })

  it('allows URLs on the allowed domain and its subdomains', async () => {
    const { session } = await setup()
    const a = await call('POST', '/api/links', { token: session, body: { url: 'https://shop.example.com/a' } })
    const b = await call('POST', '/api/links', { token: session, body: { url: 'https://m.shop.example.com/b' } })
    expect([a.status, b.status]).toEqual([201, 201])
    expect(a.body.code).not.toBe(b.body.code)
    expect(b.body.target).toBe('https://m.shop.example.com/b')
  })

  it('refuses URLs outside the allowed domains with 422 fields.url and writes nothing', async () => {
    const { session } = await setup()
    const before = await tableSnapshot()
    for (const url of [
      'https://evil.com/x',
      'https://shop.example.com.evil.com/',
      'https://evilshop.example.com/',
      'https://shop.example.com@evil.com/',
      'javascript:alert(1)',
      'ftp://shop.example.com/',
    ]) {
      expectError(await call('POST', '/api/links', { token: session, body: { url } }), 422, 'invalid_input', ['url'])
    }
    expect(await tableSnapshot()).toEqual(before)
  })

  it('refuses an unknown or inactive product with 422 fields.productId', async () => {
    const { adminKey, session } = await setup()
    await call('POST', '/api/products', {
      token: adminKey,
      body: { sku: 'OFF', name: '下架', price: 100, url: 'https://shop.example.com/off', active: false },
    })
    const before = await tableSnapshot()
    expectError(
      await call('POST', '/api/links', { token: session, body: { productId: 'NOPE' } }),
      422,
      'invalid_input',
      ['productId'],
    )
    expectError(
      await call('POST', '/api/links', { token: session, body: { productId: 'OFF' } }),
      422,
      'invalid_input',
      ['productId'],
    )
    expect(await tableSnapshot()).toEqual(before)
  })

  it('refuses a body with both or neither of productId and url', async () => {
    const { session } = await setup()
    expectError(await call('POST', '/api/links', { token: session, body: {} }), 422, 'invalid_input')
    expectError(
      await call('POST', '/api/links', { token: session, body: { productId: 'S1', url: 'https://shop.example.com/' } }),
      422,
      'invalid_input',
    )
  })

  it('is for distributors only: a brand admin or finance key gets 403, no credential 401', async () => {
    const { adminKey, financeKey } = await setup()
    const before = await tableSnapshot()
    expectError(await call('POST', '/api/links', { token: adminKey, body: { productId: 'S1' } }), 403, 'forbidden')
    expectError(await call('POST', '/api/links', { token: financeKey, body: { productId: 'S1' } }), 403, 'forbidden')
    expectError(await call('POST', '/api/links', { body: { productId: 'S1' } }), 401, 'unauthorized')
    expect(await tableSnapshot()).toEqual(before)
  })

  it('does not reuse another distributor’s link', async () => {
    const { adminKey, session } = await setup()
    const other = await newDistributor(adminKey, { name: '另一个', type: 'member' })
    const otherSession = await sessionOf(adminKey, other.id)
    const a = await call('POST', '/api/links', { token: session, body: { productId: 'S1' } })
    const b = await call('POST', '/api/links', { token: otherSession, body: { productId: 'S1' } })
    expect(b.status).toBe(201)
    expect(b.body.code).not.toBe(a.body.code)
  })
})
