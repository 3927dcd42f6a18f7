import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'

const ROUTES_DIR = join(import.meta.dirname, '../../lib/http/routes')
const METHODS = ['get', 'put', 'post', 'delete', 'patch']

type Schema = Record<string, any>
type Doc = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } & Schema }

const getDoc = async () => (await call('GET', '/api/openapi.json')).body as Doc

/** Every operation of the document as [`METHOD path`, operation]. */
const operationsOf = (doc: Doc): Array<[string, any]> =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m): [string, any] => [`${m.toUpperCase()} ${path}`, item[m]]),
  )

const resolve = (doc: Doc, s: Schema): Schema =>
  s.$ref ? resolve(doc, doc.components.schemas[String(s.$ref).split('/').pop()!]!) : s

/** Places in a schema that say nothing: `{}`, which any value satisfies. */
function untyped(doc: Doc, s: Schema, at: string, seen = new Set<Schema>()): string[] {
  const r = resolve(doc, s)
  if (seen.has(r)) return []
  seen.add(r)
  if (Object.keys(r).length === 0) return [at]
  const out: string[] = []
  for (const [k, v] of Object.entries(r.properties ?? {})) out.push(...untyped(doc, v as Schema, `${at}.${k}`, seen))
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
    (r[key] ?? []).forEach((v: Schema, i: number) => out.push(...untyped(doc, v, `${at}.${key}[${i}]`, seen)))
  if (r.items) out.push(...untyped(doc, r.items, `${at}[]`, seen))
  if (r.additionalProperties && typeof r.additionalProperties === 'object')
    out.push(...untyped(doc, r.additionalProperties, `${at}{}`, seen))
  return out
}

/**
 * Where a value does not match its schema: a field the schema does not name, a
 * required field missing, or a value of another type. The answers must be described
 * exactly, so that the document, not the implementation, says what a client gets.
 */
function mismatches(doc: Doc, schema: Schema, v: unknown, at = '$'): string[] {
  const s = resolve(doc, schema)
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives) {
    const tries = alternatives.map((a: Schema) => mismatches(doc, a, v, at))
    return tries.find((t: string[]) => t.length === 0) ?? tries[0]
  }
  if (s.allOf) {
    // The parts of an allOf (an extended schema) together name the fields: check the merged object.
    const parts = s.allOf.map((p: Schema) => resolve(doc, p))
    const merged = {
      type: 'object',
      properties: Object.assign({}, ...parts.map((p: Schema) => p.properties ?? {})),
      required: parts.flatMap((p: Schema) => p.required ?? []),
    }
    return mismatches(doc, merged, v, at)
  }
  const types: string[] = [s.type ?? []].flat()
  const typeOf =
    v === null
      ? 'null'
      : Array.isArray(v)
        ? 'array'
        : Number.isInteger(v)
          ? 'integer'
          : typeof v === 'number'
            ? 'number'
            : typeof v
  if (s.enum && !s.enum.includes(v)) return [`${at}: ${JSON.stringify(v)} not in ${JSON.stringify(s.enum)}`]
  if (types.length && !types.includes(typeOf) && !(typeOf === 'integer' && types.includes('number')))
    return [`${at}: ${typeOf}, not ${types.join('|')}`]
  if (typeOf === 'array') return (v as unknown[]).flatMap((x, i) => mismatches(doc, s.items ?? {}, x, `${at}[${i}]`))
  if (typeOf !== 'object') return []
  const o = v as Record<string, unknown>
  const props: Record<string, Schema> = s.properties ?? {}
  const out = (s.required ?? []).filter((k: string) => !(k in o)).map((k: string) => `${at}.${k}: missing`)
  for (const [k, x] of Object.entries(o)) {
    if (props[k]) out.push(...mismatches(doc, props[k], x, `${at}.${k}`))
    else if (s.additionalProperties && typeof s.additionalProperties === 'object')
      out.push(...mismatches(doc, s.additionalProperties, x, `${at}.${k}`))
    else out.push(`${at}.${k}: not in the schema`)
  }
  return out
}

/** The JSON schema the document gives for an answer of this status. */
function responseSchema(doc: Doc, method: string, path: string, status: number): Schema {
  const schema = doc.paths[path]?.[method]?.responses?.[String(status)]?.content?.['application/json']?.schema
  expect(schema, `${method.toUpperCase()} ${path} ${status}`).toBeDefined()
  return schema
}

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

  it('gives every operation an operationId (unique), a description and its security', async () => {
    const doc = await getDoc()
    const ops = operationsOf(doc)
    expect(ops.length).toBeGreaterThanOrEqual(45)
    const schemes = Object.keys(doc.components.securitySchemes)
    for (const [name, op] of ops) {
      expect(op.operationId, name).toMatch(/^[a-z][A-Za-z]+$/)
      expect(op.description?.length ?? 0, name).toBeGreaterThan(20)
      expect(Array.isArray(op.security), `${name} declares its security`).toBe(true)
      for (const requirement of op.security)
        for (const scheme of Object.keys(requirement)) expect(schemes).toContain(scheme)
    }
    const ids = ops.map(([, op]) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    const security = (path: string, method = 'get') => doc.paths[path]![method].security
    expect(security('/api/health')).toEqual([])
    expect(security('/api/join', 'post')).toEqual([])
    expect(security('/s/{code}')).toEqual([])
    expect(security('/api/admin/brands', 'post')).toEqual([{ platformToken: [] }])
    expect(security('/api/orders', 'post')).toEqual([{ brandKey: [] }, { consoleCookie: [] }])
    expect(security('/api/me')).toEqual([{ sessionCookie: [] }, { sessionToken: [] }])
    expect(doc.components.securitySchemes.consoleCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'rpl_console',
    })
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'rpl_session',
    })
    expect(doc.paths['/s/{code}']!.get.responses['302']).toBeDefined()
  })

  it('types every response: each 2xx has a schema, and no schema anywhere is an untyped {}', async () => {
    const doc = await getDoc()
    for (const [name, op] of operationsOf(doc)) {
      const success = Object.entries(op.responses as Record<string, any>).filter(([status]) => /^2/.test(status))
      // Only the redirect succeeds without a body (a 302).
      if (name === 'GET /s/{code}') expect(Object.keys(op.responses)).toContain('302')
      else expect(success.length, name).toBeGreaterThan(0)
      for (const [status, response] of success) {
        const media = Object.values(response.content ?? {}) as Array<{ schema?: Schema }>
        expect(media.length, `${name} ${status} has a body`).toBeGreaterThan(0)
        for (const { schema } of media) {
          expect(schema, `${name} ${status}`).toBeDefined()
          expect(untyped(doc, schema!, `${name} ${status}`)).toEqual([])
        }
      }
      // Every API error is the one Error body (the redirect answers its 404 with a page).
      const errors = Object.entries(op.responses as Record<string, any>).filter(([s]) => /^4/.test(s))
      if (name.includes(' /api/'))
        for (const [status, response] of errors)
          expect(response.content?.['application/json']?.schema, `${name} ${status}`).toEqual({
            $ref: '#/components/schemas/Error',
          })
    }
    for (const [name, schema] of Object.entries(doc.components.schemas)) expect(untyped(doc, schema, name)).toEqual([])
  })

  it('describes the answers exactly: an order with its why, both previews, a batch with lines, the ledger', async () => {
    const doc = await getDoc()
    const b = await newBrand({ holdDays: 0, maxLevels: 2, defaultBps: [1000, 500], payoutThreshold: 100 })
    const k = b.adminKey
    const parent = await newDistributor(k, { name: 'Parent', type: 'guide' })
    const child = await newDistributor(k, { name: 'Child', type: 'member', parentId: parent.id })
    const order = {
      orderId: 'oa-1',
      customerId: 'cust-1',
      refCode: child.inviteCode,
      currency: 'CNY',
      paidAt: '2026-10-10T08:00:00.000Z',
      lines: [
        { sku: 'A', qty: 2, unitPrice: '100.00', discount: 500, category: 'tea' },
        { sku: 'B', qty: 1, unitPrice: 3000 },
      ],
    }
    const checks: Array<[string, string, number, unknown]> = []
    const created = await call('POST', '/api/orders', { token: k, body: order })
    expect(created.status).toBe(201)
    expect(created.body.commissions).toHaveLength(2)
    checks.push(['post', '/api/orders', 201, created.body])
    const refund = await call('POST', '/api/orders/oa-1/refunds', {
      token: k,
      body: { refundId: 'r-1', lines: [{ sku: 'A', qty: 1 }] },
    })
    expect(refund.status).toBe(201)
    const detail = await call('GET', '/api/orders/oa-1', { token: k })
    expect(detail.body.why.chain).toHaveLength(2)
    expect(detail.body.refunds.ids).toEqual(['r-1'])
    checks.push(['get', '/api/orders/{orderId}', 200, detail.body])
    const preview = await call('POST', '/api/rules/preview', {
      token: k,
      body: { distributorId: child.id, lines: order.lines },
    })
    expect(preview.body.commissions).toHaveLength(2)
    checks.push(['post', '/api/rules/preview', 200, preview.body])
    const planned = await call('POST', '/api/settlements/preview', { token: b.financeKey, body: { period: '2026-10' } })
    expect(planned.body.included.length).toBeGreaterThan(0)
    checks.push(['post', '/api/settlements/preview', 200, planned.body])
    const closed = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2026-10' } })
    expect(closed.status).toBe(201)
    const batch = await call('GET', `/api/settlements/${closed.body.batchId}`, { token: b.financeKey })
    expect(batch.body.lines.length).toBeGreaterThan(0)
    checks.push(['get', '/api/settlements/{id}', 200, batch.body])
    const again = await call('POST', '/api/settlements/preview', { token: b.financeKey, body: { period: '2026-10' } })
    expect(again.body.existing.status).toBe('closed')
    checks.push(['post', '/api/settlements/preview', 200, again.body])
    const ledger = await call('GET', '/api/commissions?orderId=oa-1', { token: k })
    expect(ledger.body.items.length).toBeGreaterThanOrEqual(3)
    checks.push(['get', '/api/commissions', 200, ledger.body])
    const mine = await call('GET', '/api/me/commissions', { token: await sessionOf(k, child.id) })
    expect(mine.body.items.length).toBeGreaterThan(0)
    checks.push(['get', '/api/me/commissions', 200, mine.body])
    for (const [method, path, status, body] of checks)
      expect(mismatches(doc, responseSchema(doc, method, path, status), body), `${method} ${path}`).toEqual([])
  })

  it('describes the other answers exactly too: distributors, catalogue, rules, campaigns, links, me', async () => {
    const doc = await getDoc()
    const b = await newBrand()
    const k = b.adminKey
    const parent = await newDistributor(k, { name: 'Parent', type: 'guide', externalId: 'x-1' })
    const child = await newDistributor(k, { name: 'Child', type: 'member', parentId: parent.id })
    const session = await sessionOf(k, child.id)
    const product = { sku: 'S1', name: '茶', price: '1.00', url: 'https://shop.example.com/p/1', category: 'tea' }
    const window = { startsAt: '2025-06-01T00:00:00Z', endsAt: '2025-06-19T00:00:00Z', active: false }
    const answers: Array<[string, string, { status: number; body: unknown }]> = [
      ['get', '/api/distributors/{id}', await call('GET', `/api/distributors/${child.id}`, { token: k })],
      ['get', '/api/distributors', await call('GET', '/api/distributors', { token: k })],
      ['post', '/api/products', await call('POST', '/api/products', { token: k, body: product })],
      ['get', '/api/products', await call('GET', '/api/products', { token: session })],
      [
        'post',
        '/api/rules',
        await call('POST', '/api/rules', { token: k, body: { name: 'r', scope: 'default', levels: [{ bps: 800 }] } }),
      ],
      ['post', '/api/campaigns', await call('POST', '/api/campaigns', { token: k, body: { name: '618', ...window } })],
      ['get', '/api/programme', await call('GET', '/api/programme', { token: k })],
      ['post', '/api/links', await call('POST', '/api/links', { token: session, body: { productId: 'S1' } })],
      ['get', '/api/me', await call('GET', '/api/me', { token: session })],
      ['get', '/api/me/links', await call('GET', '/api/me/links', { token: session })],
      ['get', '/api/me/team', await call('GET', '/api/me/team', { token: await sessionOf(k, parent.id) })],
    ]
    for (const [method, path, r] of answers) {
      expect(r.status, `${method} ${path}`).toBeLessThan(300)
      expect(mismatches(doc, responseSchema(doc, method, path, r.status), r.body), `${method} ${path}`).toEqual([])
    }
  })
})
