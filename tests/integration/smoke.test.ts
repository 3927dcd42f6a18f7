import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { pumpOnce } from '../../lib/local/stream-pump'

describe('share link round trip', () => {
  it('creates a link for a product and counts one click per visitor', async () => {
    const { adminKey } = await newBrand()
    await call('POST', '/api/products', {
      token: adminKey,
      body: { sku: 'S1', name: '精华', price: '199.00', url: 'https://shop.example.com/p/1?ref=x' },
    })
    const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
    const session = await sessionOf(adminKey, d.id)
    const link = await call('POST', '/api/links', { token: session, body: { productId: 'S1' } })
    expect(link.status).toBe(201)
    const again = await call('POST', '/api/links', { token: session, body: { productId: 'S1' } })
    expect(again.status).toBe(200)
    expect(again.body.code).toBe(link.body.code)

    const click = await call('GET', `/s/${link.body.code}`, {
      headers: { 'user-agent': PHONE_UA, cookie: 'rpl_vid=AAAAAAAAAAAAAAAA' },
    })
    expect(click.status).toBe(302)
    const location = new URL(click.res.headers.get('location') ?? '')
    expect(location.searchParams.get('ref')).toBe('x')
    const clickId = location.searchParams.get('rpl_click')
    expect(clickId).toMatch(/^c_/)
    const repeat = await call('GET', `/s/${link.body.code}`, {
      headers: { 'user-agent': PHONE_UA, cookie: 'rpl_vid=AAAAAAAAAAAAAAAA' },
    })
    expect(new URL(repeat.res.headers.get('location') ?? '').searchParams.get('rpl_click')).toBe(clickId)

    // Counters follow the clicks through the table's stream.
    await pumpOnce()
    const mine = await call('GET', '/api/me/links', { token: session })
    expect(mine.body.items[0].clicks).toBe(1)
  })
})
