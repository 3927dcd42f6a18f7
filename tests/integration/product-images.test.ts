import { describe, expect, it } from 'vitest'
import sharp from 'sharp'
import { ListObjectsV2Command } from '@aws-sdk/client-s3'
import { BASE, call, newBrand } from '../support/client'
import { buildPlatformApp } from '../../lib/http/platform-app'
import { expectError, rawItem } from '../support/table'
import { keys } from '../../lib/db/keys'
import { IMAGE_WIDTHS } from '../../lib/schemas/product'
import { s3 } from '../../lib/storage/media-bucket'

const app = buildPlatformApp()

/** A real picture: a 1200×800 gradient-ish SVG rendered by sharp into the given format. */
const picture = (format: 'jpeg' | 'png' | 'webp', width = 1200, height = 800) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#e91e63"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 3}" fill="#fff"/></svg>`,
    ),
  )
    .toFormat(format)
    .toBuffer()

const upload = async (token: string, sku: string, bytes: Uint8Array, type = 'image/jpeg'): Promise<Response> =>
  app.request(`${BASE}/api/products/${sku}/image`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(bytes),
  })

async function brandWithProduct(sku = 'P-1') {
  const b = await newBrand()
  const r = await call('POST', '/api/products', {
    token: b.adminKey,
    body: { sku, name: '面霜', price: 1999, url: `https://shop.example.com/p/${sku}` },
  })
  expect(r.status).toBe(201)
  return b
}

const objectsUnder = async (prefix: string) =>
  (
    (await s3().send(new ListObjectsV2Command({ Bucket: process.env.MEDIA_BUCKET, Prefix: prefix }))).Contents ?? []
  ).map((o) => o.Key)

describe('PUT /api/products/{sku}/image', () => {
  it('stores JPEG, PNG and WebP uploads at each width, served from /media/ with long caching', async () => {
    const { adminKey, brand } = await brandWithProduct()
    for (const format of ['jpeg', 'png', 'webp'] as const) {
      const res = await upload(adminKey, 'P-1', await picture(format), `image/${format}`)
      expect(res.status).toBe(200)
      const image = (await res.json()) as {
        version: string
        width: number
        variants: { width: number; url: string }[]
        fallbackUrl: string
      }
      expect(image).toMatchObject({ width: 1200, height: 800 })
      expect(image.variants.map((v) => v.width)).toEqual([...IMAGE_WIDTHS])
      for (const v of image.variants) {
        expect(v.url).toMatch(new RegExp(`^/media/${brand.id}/products/P-1/${image.version}/${v.width}\\.webp$`))
        const served = await app.request(`${BASE}${v.url}`)
        expect(served.status).toBe(200)
        expect(served.headers.get('content-type')).toBe('image/webp')
        expect(served.headers.get('cache-control')).toContain('immutable')
        expect(served.headers.get('x-content-type-options')).toBe('nosniff')
        const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata()
        expect(meta).toMatchObject({ format: 'webp', width: v.width, height: Math.round((v.width * 2) / 3) })
      }
      const jpeg = await app.request(`${BASE}${image.fallbackUrl}`)
      expect(jpeg.headers.get('content-type')).toBe('image/jpeg')
      expect(await sharp(Buffer.from(await jpeg.arrayBuffer())).metadata()).toMatchObject({
        format: 'jpeg',
        width: 480,
      })
      // The product answers with its image, and a replace of the product keeps it.
      const list = await call('GET', '/api/products', { token: adminKey })
      expect(list.body.items[0].image).toEqual(image)
    }
    const replaced = await call('POST', '/api/products', {
      token: adminKey,
      body: { sku: 'P-1', name: '新名字', price: 2500, url: 'https://shop.example.com/p/P-1', copyTexts: ['好用'] },
    })
    expect(replaced.status).toBe(200)
    expect(replaced.body.image.variants).toHaveLength(3)
    expect((await rawItem(keys.product(brand.id, 'P-1')))?.copyTexts).toEqual(['好用'])
    // Only the latest upload's objects remain: earlier versions were removed.
    const stored = await objectsUnder(`media/${brand.id}/products/P-1/`)
    expect(stored).toHaveLength(4)
    expect(new Set(stored.map((k) => k?.split('/')[4])).size).toBe(1)
  })

  it('never enlarges a small picture', async () => {
    const { adminKey } = await brandWithProduct()
    const res = await upload(adminKey, 'P-1', await picture('png', 300, 300), 'image/png')
    const image = (await res.json()) as { variants: { width: number; url: string }[] }
    const big = await app.request(`${BASE}${image.variants[2]?.url}`)
    expect((await sharp(Buffer.from(await big.arrayBuffer())).metadata()).width).toBe(300)
  })

  it('refuses other types, damaged files and oversize bodies, writing nothing', async () => {
    const { adminKey, brand } = await brandWithProduct()
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')
    expectError(await asJson(upload(adminKey, 'P-1', gif, 'image/png')), 415, 'unsupported_media_type', ['image'])
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')
    expectError(await asJson(upload(adminKey, 'P-1', svg, 'image/svg+xml')), 415, 'unsupported_media_type', ['image'])
    const jpeg = await picture('jpeg')
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2))
    expectError(await asJson(upload(adminKey, 'P-1', truncated)), 422, 'invalid_input', ['image'])
    const huge = Buffer.concat([jpeg, Buffer.alloc(5 * 1024 * 1024)])
    expectError(await asJson(upload(adminKey, 'P-1', huge)), 413, 'payload_too_large', ['image'])
    expect(await objectsUnder(`media/${brand.id}/`)).toEqual([])
    expect((await rawItem(keys.product(brand.id, 'P-1')))?.image).toBeUndefined()
  })

  it("sets only the caller's own brand's products; another brand and strangers cannot", async () => {
    const owner = await brandWithProduct('SHARED')
    const other = await newBrand()
    const bytes = await picture('jpeg')
    // Another brand's key cannot reach the product: it is not theirs, so there is no such product.
    expectError(await asJson(upload(other.adminKey, 'SHARED', bytes)), 404, 'not_found')
    expectError(await asJson(upload('rpl_nope', 'SHARED', bytes)), 401, 'unauthorized')
    expect((await rawItem(keys.product(owner.brand.id, 'SHARED')))?.image).toBeUndefined()
    expect(await objectsUnder(`media/${other.brand.id}/`)).toEqual([])
    expect(await objectsUnder(`media/${owner.brand.id}/`)).toEqual([])
  })

  it('serves nothing outside the media layout', async () => {
    for (const path of [
      '/media/../secrets.json',
      '/media/x/..%2F..%2Fy/1.webp',
      '/media/a/b/c.html',
      '/media/a/b/none.webp',
    ])
      expect((await app.request(`${BASE}${path}`)).status).toBe(404)
  })
})

const asJson = async (res: Promise<Response>) => {
  const r = await res
  return { status: r.status, body: await r.json() }
}
