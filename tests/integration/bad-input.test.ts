import { beforeAll, describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'

// Every refused request answers `{ error: { code, message, fields? } }` with a 4xx and writes nothing.
let a: Awaited<ReturnType<typeof newBrand>>
let b: Awaited<ReturnType<typeof newBrand>>
let aRoot: Awaited<ReturnType<typeof newDistributor>>
let aChild: Awaited<ReturnType<typeof newDistributor>>

beforeAll(async () => {
  a = await newBrand()
  b = await newBrand()
  aRoot = await newDistributor(a.adminKey, { name: 'A root', type: 'employee' })
  aChild = await newDistributor(a.adminKey, { name: 'A child', type: 'member', parentId: aRoot.id })
})

/** Runs a refused request and asserts its status, code and fields, and that the table is unchanged. */
async function refused(run: () => ReturnType<typeof call>, status: number, code: string, fields?: string[]) {
  const before = await tableSnapshot()
  const r = await run()
  expectError(r, status, code, fields)
  expect(r.res.headers.get('content-type')).toMatch(/application\/json/)
  expect(await tableSnapshot()).toEqual(before)
  return r
}

const writes: Array<[string, string, () => unknown]> = [
  ['POST', '/api/products', () => ({ sku: 'S', name: 'n', price: 1, url: 'https://shop.example.com/' })],
  ['POST', '/api/distributors', () => ({ name: 'n', type: 'member' })],
  ['PATCH', '/api/distributors/{id}', () => ({ name: 'n' })],
  ['PUT', '/api/programme', () => ({})],
]
const pathOf = (p: string) => p.replace('{id}', aRoot.id)

describe('malformed JSON', () => {
  it.each(writes)('%s %s → 400 invalid_json', async (method, path) => {
    for (const raw of ['{', '{"name": }', 'nul', '{"a":1}}']) {
      await refused(
        () => call(method, pathOf(path), { token: a.adminKey, raw, headers: { 'content-type': 'application/json' } }),
        400,
        'invalid_json',
      )
    }
  })
  it('POST /api/join → 400 invalid_json', async () => {
    await refused(
      () => call('POST', '/api/join', { raw: '{"inviteCode":', headers: { 'content-type': 'application/json' } }),
      400,
      'invalid_json',
    )
  })
})

describe('wrong content type', () => {
  it.each(writes)('%s %s → 415', async (method, path, body) => {
    const raw = JSON.stringify(body())
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      await refused(
        () => call(method, pathOf(path), { token: a.adminKey, raw, headers: { 'content-type': type } }),
        415,
        'unsupported_media_type',
      )
    }
    await refused(() => call(method, pathOf(path), { token: a.adminKey, raw }), 415, 'unsupported_media_type')
    // As a real HTTP client sends it, with its Content-Length.
    const length = String(Buffer.byteLength(raw))
    await refused(
      () =>
        call(method, pathOf(path), {
          token: a.adminKey,
          raw,
          headers: { 'content-type': 'text/plain', 'content-length': length },
        }),
      415,
      'unsupported_media_type',
    )
  })
  it('accepts application/json with a charset', async () => {
    const r = await call('PATCH', `/api/distributors/${aChild.id}`, {
      token: a.adminKey,
      body: { name: 'A child' },
      headers: { 'content-type': 'application/json; charset=utf-8' },
    })
    expect(r.status).toBe(200)
  })
})

describe('unknown fields and fields of the wrong type', () => {
  it('POST /api/distributors → 422 naming each field', async () => {
    const r = await refused(
      () =>
        call('POST', '/api/distributors', {
          token: a.adminKey,
          body: { name: 'n', type: 'member', ring: 1, level: 2 },
        }),
      422,
      'invalid_input',
      ['ring', 'level'],
    )
    expect(r.body.error.fields.ring).toMatch(/unknown/i)
    await refused(
      () => call('POST', '/api/distributors', { token: a.adminKey, body: { name: 42, type: 'member' } }),
      422,
      'invalid_input',
      ['name'],
    )
    await refused(
      () => call('POST', '/api/distributors', { token: a.adminKey, body: { name: 'n', type: 'member', parentId: 7 } }),
      422,
      'invalid_input',
      ['parentId'],
    )
    await refused(
      () =>
        call('POST', '/api/distributors', { token: a.adminKey, body: { name: 'n', type: 'member', parentId: '../x' } }),
      422,
      'invalid_input',
      ['parentId'],
    )
    await refused(() => call('POST', '/api/distributors', { token: a.adminKey, body: [] }), 422, 'invalid_input')
    await refused(() => call('POST', '/api/distributors', { token: a.adminKey, body: 'text' }), 422, 'invalid_input')
  })
  it('POST /api/products → 422 naming each field', async () => {
    await refused(
      () =>
        call('POST', '/api/products', {
          token: a.adminKey,
          body: { sku: 'S', name: 'n', price: '1.999', url: 'https://shop.example.com/', stock: 1 },
        }),
      422,
      'invalid_input',
      ['price', 'stock'],
    )
    await refused(
      () =>
        call('POST', '/api/products', {
          token: a.adminKey,
          body: { sku: ['S'], name: 'n', price: 1, url: 'https://shop.example.com/' },
        }),
      422,
      'invalid_input',
      ['sku'],
    )
  })
  it('PATCH /api/distributors/:id → 422', async () => {
    await refused(
      () => call('PATCH', `/api/distributors/${aChild.id}`, { token: a.adminKey, body: { depth: 0 } }),
      422,
      'invalid_input',
      ['depth'],
    )
    await refused(
      () => call('PATCH', `/api/distributors/${aChild.id}`, { token: a.adminKey, body: { status: true } }),
      422,
      'invalid_input',
      ['status'],
    )
  })
  it('a malformed id in the path → 422', async () => {
    await refused(
      () => call('PATCH', `/api/distributors/${'x'.repeat(65)}`, { token: a.adminKey, body: { name: 'n' } }),
      422,
      'invalid_input',
      ['id'],
    )
  })
})

describe('oversize bodies', () => {
  const big = () => JSON.stringify({ name: 'n', type: 'member', externalId: 'x', pad: 'x'.repeat(65 * 1024) })
  it('a body over 64 KB → 413', async () => {
    await refused(
      () =>
        call('POST', '/api/distributors', {
          token: a.adminKey,
          raw: big(),
          headers: { 'content-type': 'application/json' },
        }),
      413,
      'payload_too_large',
    )
  })
  it('a body over 64 KB with its Content-Length → 413', async () => {
    const raw = big()
    await refused(
      () =>
        call('POST', '/api/distributors', {
          token: a.adminKey,
          raw,
          headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(raw)) },
        }),
      413,
      'payload_too_large',
    )
  })
  it('a body just under 64 KB is read (and refused for its fields, not its size)', async () => {
    const raw = JSON.stringify({ name: 'n', type: 'member', pad: 'x'.repeat(60 * 1024) })
    await refused(
      () =>
        call('POST', '/api/distributors', { token: a.adminKey, raw, headers: { 'content-type': 'application/json' } }),
      422,
      'invalid_input',
      ['pad'],
    )
  })
})

describe('credentials', () => {
  const routes: Array<[string, string, unknown?]> = [
    ['GET', '/api/programme'],
    ['GET', '/api/products'],
    ['POST', '/api/products', { sku: 'S', name: 'n', price: 1, url: 'https://shop.example.com/' }],
    ['GET', '/api/distributors'],
    ['POST', '/api/distributors', { name: 'n', type: 'member' }],
    ['GET', '/api/me'],
    ['GET', '/api/me/links'],
    ['GET', '/api/me/team'],
    ['POST', '/api/links', { url: 'https://shop.example.com/' }],
  ]
  it.each(routes)('%s %s without a credential → 401', async (method, path, body) => {
    await refused(() => call(method, path, { body }), 401, 'unauthorized')
  })
  it.each(routes)('%s %s with a wrong credential → 401', async (method, path, body) => {
    await refused(() => call(method, path, { body, token: 'rpl_admin_notakey' }), 401, 'unauthorized')
    await refused(
      () => call(method, path, { body, headers: { authorization: 'Basic dXNlcjpwdw==' } }),
      401,
      'unauthorized',
    )
  })
  it('a distributor session cannot use brand admin routes → 403', async () => {
    const r = await call('POST', '/api/join', { body: { inviteCode: aRoot.inviteCode, name: 'joiner' } })
    const session = r.body.sessionToken
    await refused(() => call('GET', '/api/distributors', { token: session }), 403, 'forbidden')
    await refused(
      () => call('POST', '/api/distributors', { token: session, body: { name: 'n', type: 'member' } }),
      403,
      'forbidden',
    )
    await refused(
      () => call('PATCH', `/api/distributors/${r.body.distributor.id}`, { token: session, body: { status: 'active' } }),
      403,
      'forbidden',
    )
    await refused(() => call('PUT', '/api/programme', { token: session, body: {} }), 403, 'forbidden')
  })
})

describe('another brand’s ids → 404, as if they did not exist', () => {
  it('GET, PATCH and sign-in-links of brand A’s distributor with brand B’s admin key', async () => {
    const get = await refused(
      () => call('GET', `/api/distributors/${aRoot.id}`, { token: b.adminKey }),
      404,
      'not_found',
    )
    const missing = await call('GET', '/api/distributors/d_doesnotexist', { token: b.adminKey })
    expect(missing.status).toBe(404)
    expect(get.body.error.message.replace(aRoot.id, 'X')).toBe(
      missing.body.error.message.replace('d_doesnotexist', 'X'),
    )
    await refused(
      () => call('PATCH', `/api/distributors/${aRoot.id}`, { token: b.adminKey, body: { status: 'suspended' } }),
      404,
      'not_found',
    )
    await refused(
      () => call('PATCH', `/api/distributors/${aChild.id}`, { token: b.adminKey, body: { parentId: null } }),
      404,
      'not_found',
    )
    await refused(
      () => call('POST', `/api/distributors/${aRoot.id}/sign-in-links`, { token: b.adminKey }),
      404,
      'not_found',
    )
    const bOwn = await newDistributor(b.adminKey, { name: 'B own', type: 'guide' })
    await refused(
      () => call('PATCH', `/api/distributors/${bOwn.id}`, { token: b.adminKey, body: { parentId: aRoot.id } }),
      404,
      'not_found',
      ['parentId'],
    )
    await refused(
      () =>
        call('POST', '/api/distributors', {
          token: b.adminKey,
          body: { name: 'n', type: 'member', parentId: aRoot.id },
        }),
      404,
      'not_found',
      ['parentId'],
    )
    expect((await call('GET', `/api/distributors/${aRoot.id}`, { token: a.adminKey })).body.status).toBe('active')
  })
})

describe('recruiter cycles → 422', () => {
  it('PATCH parentId to the distributor’s own recruit', async () => {
    await refused(
      () => call('PATCH', `/api/distributors/${aRoot.id}`, { token: a.adminKey, body: { parentId: aChild.id } }),
      422,
      'invalid_input',
      ['parentId'],
    )
    await refused(
      () => call('PATCH', `/api/distributors/${aRoot.id}`, { token: a.adminKey, body: { parentId: aRoot.id } }),
      422,
      'invalid_input',
      ['parentId'],
    )
  })
})

describe('unknown API routes', () => {
  it('→ 404 JSON', async () => {
    await refused(() => call('GET', '/api/nope', { token: a.adminKey }), 404, 'not_found')
    await refused(() => call('DELETE', `/api/distributors/${aRoot.id}`, { token: a.adminKey }), 404, 'not_found')
  })
})
