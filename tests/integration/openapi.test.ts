import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { call } from '../support/client'

const ROUTES_DIR = join(import.meta.dirname, '../../lib/http/routes')

/** Every `createRoute({ method, path })` written in lib/http/routes/*, read from the source. */
function declaredRoutes(): Array<{ method: string; path: string; file: string }> {
  const out: Array<{ method: string; path: string; file: string }> = []
  for (const file of readdirSync(ROUTES_DIR).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(join(ROUTES_DIR, file), 'utf8')
    for (const m of src.matchAll(/createRoute\(\{\s*method:\s*'(\w+)',\s*path:\s*'([^']+)'/g))
      out.push({ method: m[1]!, path: m[2]!, file })
  }
  return out
}

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document served without a credential', async () => {
    const r = await call('GET', '/api/openapi.json')
    expect(r.status).toBe(200)
    expect(r.body.openapi).toBe('3.1.0')
    expect(r.body.components.schemas.Error).toBeDefined()
  })

  it('lists every route of lib/http/routes/* with its method', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> }
    const routes = declaredRoutes()
    expect(routes.length).toBeGreaterThanOrEqual(13)
    for (const files of [
      'health.ts',
      'admin-brands.ts',
      'programme.ts',
      'products.ts',
      'distributors.ts',
      'join.ts',
      'links.ts',
      'me.ts',
    ]) {
      expect(
        routes.some((r) => r.file === files),
        files,
      ).toBe(true)
    }
    for (const { method, path, file } of routes) {
      // The webhooks are served beside /api, at the paths they declare.
      const documented = doc.paths[path.startsWith('/webhooks/') ? path : `/api${path}`]
      expect(documented?.[method], `${method.toUpperCase()} ${path} (${file})`).toBeDefined()
    }
  })

  it('documents the webhooks at their own paths, each with its operationId, signature and error schema', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body
    const expected = {
      '/webhooks/{brandId}/orders': ['receiveOrderWebhook', 'rippleSignature'],
      '/webhooks/{brandId}/refunds': ['receiveRefundWebhook', 'rippleSignature'],
      '/webhooks/{brandId}/shopify': ['receiveShopifyWebhook', 'shopifyHmac'],
    }
    for (const [path, [operationId, scheme]] of Object.entries(expected)) {
      const op = doc.paths[path]?.post
      expect(op, path).toBeDefined()
      expect(op.operationId).toBe(operationId)
      expect(op.description.length).toBeGreaterThan(20)
      expect(op.security).toEqual([{ [scheme!]: [] }])
      expect(doc.components.securitySchemes[scheme!]).toMatchObject({ type: 'apiKey', in: 'header' })
      for (const status of ['400', '401', '413', '422'])
        expect(op.responses[status].content['application/json'].schema, `${path} ${status}`).toEqual({
          $ref: '#/components/schemas/Error',
        })
    }
    expect(doc.paths['/api/webhooks/{brandId}/orders']).toBeUndefined()
    expect(doc.components.securitySchemes.bearer).toBeDefined()
  })

  it('describes the POST /api/products body, including sku', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body
    const post = doc.paths['/api/products'].post
    let schema = post.requestBody.content['application/json'].schema
    if (schema.$ref) schema = doc.components.schemas[schema.$ref.split('/').pop()]
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['sku', 'name', 'price', 'url', 'category']))
    expect(schema.required).toEqual(expect.arrayContaining(['sku', 'name', 'price', 'url']))
  })

  it('the request body schemas refuse unknown fields, as the API does', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body
    expect(doc.components.schemas.ProductInput.additionalProperties).toBe(false)
  })
})
