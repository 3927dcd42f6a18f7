import { describe, expect, it } from 'vitest'
import { call, newBrand } from '../support/client'
import { expectError, rawItem, tableSnapshot } from '../support/table'
import { keys } from '../../lib/db/keys'

const product = (sku: string, extra: Record<string, unknown> = {}) => ({
  sku,
  name: `商品 ${sku}`,
  price: 1999,
  url: `https://shop.example.com/p/${sku}`,
  ...extra,
})

describe('POST /api/products', () => {
  it('creates (201) then replaces (200) by SKU', async () => {
    const { adminKey, brand } = await newBrand()
    const created = await call('POST', '/api/products', {
      token: adminKey,
      body: product('SKU-1', { category: 'skincare' }),
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ sku: 'SKU-1', price: 1999, active: true, category: 'skincare' })
    const replaced = await call('POST', '/api/products', {
      token: adminKey,
      body: product('SKU-1', { name: '新名字', price: 2500 }),
    })
    expect(replaced.status).toBe(200)
    const list = await call('GET', '/api/products', { token: adminKey })
    expect(list.body.items).toHaveLength(1)
    expect(list.body.items[0]).toMatchObject({ sku: 'SKU-1', name: '新名字', price: 2500 })
    expect(list.body.items[0].category).toBeUndefined() // a replace, not a merge
    expect((await rawItem(keys.product(brand.id, 'SKU-1')))?.price).toBe(2500)
  })

  it('stores a price given as "19.99" as 1999 minor units', async () => {
    const { adminKey, brand } = await newBrand()
    const r = await call('POST', '/api/products', { token: adminKey, body: product('P', { price: '19.99' }) })
    expect(r.status).toBe(201)
    expect(r.body.price).toBe(1999)
    const item = await rawItem(keys.product(brand.id, 'P'))
    expect(item?.price).toBe(1999)
    expect(typeof item?.price).toBe('number')
  })

  it('refuses bad prices, SKUs and URLs field by field, writing nothing', async () => {
    const { adminKey } = await newBrand()
    const before = await tableSnapshot()
    const cases: Array<[Record<string, unknown>, string]> = [
      [product('P', { price: -1 }), 'price'],
      [product('P', { price: 1.5 }), 'price'],
      [product('P', { price: '19.999' }), 'price'],
      [product('P', { price: 'free' }), 'price'],
      [product('P', { url: 'javascript:alert(1)' }), 'url'],
      [product('P', { url: 'not a url' }), 'url'],
      [product('a/b'), 'sku'],
      [product('P', { name: '' }), 'name'],
      [product('P', { stock: 3 }), 'stock'],
    ]
    for (const [body, field] of cases)
      expectError(await call('POST', '/api/products', { token: adminKey, body }), 422, 'invalid_input', [field])
    expect(await tableSnapshot()).toEqual(before)
  })

  it('is for the brand admin only', async () => {
    const { financeKey } = await newBrand()
    expectError(await call('POST', '/api/products', { token: financeKey, body: product('P') }), 403, 'forbidden')
    expectError(await call('POST', '/api/products', { body: product('P') }), 401, 'unauthorized')
  })
})

describe('GET /api/products', () => {
  it('pages with a cursor over every product exactly once, and only this brand’s', async () => {
    const { adminKey, financeKey } = await newBrand()
    const other = await newBrand()
    await call('POST', '/api/products', { token: other.adminKey, body: product('OTHER') })
    const skus = Array.from({ length: 23 }, (_, i) => `SKU-${String(i).padStart(3, '0')}`)
    for (const sku of skus)
      expect((await call('POST', '/api/products', { token: adminKey, body: product(sku) })).status).toBe(201)

    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const r = await call('GET', `/api/products?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
        token: financeKey,
      })
      expect(r.status).toBe(200)
      expect(r.body.items.length).toBeLessThanOrEqual(5)
      seen.push(...r.body.items.map((p: { sku: string }) => p.sku))
      cursor = r.body.nextCursor
      pages++
    } while (cursor && pages < 20)
    expect(seen).toEqual(skus) // SKU order, each once, nothing of the other brand
    expect(pages).toBeGreaterThanOrEqual(5)
  })

  it('refuses a cursor it did not issue with 422 fields.cursor', async () => {
    const { adminKey } = await newBrand()
    const other = await newBrand()
    await call('POST', '/api/products', { token: other.adminKey, body: product('A') })
    await call('POST', '/api/products', { token: other.adminKey, body: product('B') })
    const otherCursor = (await call('GET', '/api/products?limit=1', { token: other.adminKey })).body.nextCursor
    expect(otherCursor).toBeTruthy()
    const forged = Buffer.from(JSON.stringify({ pk: 'BRAND#x', sk: 'PRODUCT#y', extra: 1 })).toString('base64url')
    for (const cursor of ['not-a-cursor', '%%%', Buffer.from('[1,2]').toString('base64url'), forged, otherCursor]) {
      expectError(
        await call('GET', `/api/products?cursor=${encodeURIComponent(cursor)}`, { token: adminKey }),
        422,
        'invalid_input',
        ['cursor'],
      )
    }
    expectError(await call('GET', '/api/products?limit=0', { token: adminKey }), 422, 'invalid_input', ['limit'])
    expectError(await call('GET', '/api/products?limit=101', { token: adminKey }), 422, 'invalid_input', ['limit'])
  })
})
