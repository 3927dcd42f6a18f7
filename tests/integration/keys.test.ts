import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE, call, newBrand } from '../support/client'
import { consoleCookieOf } from '../support/console'
import { expectError, rawItem } from '../support/table'
import { rippleSignature } from '../../lib/domain/webhook-signature'
import { sha256 } from '../../lib/auth/secrets'
import { keys } from '../../lib/db/keys'

const HOUR = 3_600_000
/** Only Date is faked: the grace periods are read from the clock, DynamoDB Local's calls still run. */
const clockAt = (ms: number) => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(ms)
}
afterEach(() => {
  vi.useRealTimers()
})

const programme = (token: string) => call('GET', '/api/programme', { token })
const keysOf = async (token: string) => {
  const r = await call('GET', '/api/keys', { token })
  expect(r.status).toBe(200)
  return r.body.items as Array<{
    id: string
    role: string
    label: string
    status: string
    until?: string
    last4: string
  }>
}
const keyIdOf = async (adminKey: string, secret: string) =>
  (await keysOf(adminKey)).find((k) => k.last4 === secret.slice(-4))!.id

describe('API keys: list, create, rotate, revoke', () => {
  it('lists the brand keys without the secrets and creates a finance key shown once', async () => {
    const b = await newBrand()
    const listed = await call('GET', '/api/keys', { token: b.adminKey })
    expect(listed.status).toBe(200)
    expect(listed.body.items.map((k: { role: string }) => k.role).sort()).toEqual(['admin', 'finance'])
    for (const k of listed.body.items) {
      expect(Object.keys(k).sort()).toEqual(['createdAt', 'id', 'label', 'last4', 'role', 'status'])
      expect(k.status).toBe('active')
    }
    expect(JSON.stringify(listed.body)).not.toContain(b.adminKey)
    expect(JSON.stringify(listed.body)).not.toContain(sha256(b.adminKey))

    const created = await call('POST', '/api/keys', { token: b.adminKey, body: { role: 'finance', label: 'ERP' } })
    expect(created.status).toBe(201)
    expect(created.body.key).toMatch(/^rpl_fin_/)
    expect(created.body.apiKey).toMatchObject({ role: 'finance', label: 'ERP', status: 'active' })
    expect(created.body.apiKey.last4).toBe(created.body.key.slice(-4))
    expect((await programme(created.body.key)).status).toBe(200)
    // Shown once: the list never has it.
    expect(JSON.stringify(await keysOf(b.adminKey))).not.toContain(created.body.key)
    // A finance key cannot manage keys.
    expectError(await call('GET', '/api/keys', { token: b.financeKey }), 403, 'forbidden')
  })

  it('a repeated create with the same requestId is a 409, not a second key', async () => {
    const b = await newBrand()
    const body = { role: 'admin', label: 'CI', requestId: 'req-create-0001' }
    expect((await call('POST', '/api/keys', { token: b.adminKey, body })).status).toBe(201)
    expectError(await call('POST', '/api/keys', { token: b.adminKey, body }), 409, 'conflict')
    expect((await keysOf(b.adminKey)).filter((k) => k.label === 'CI')).toHaveLength(1)
  })

  it('refuses bad input with field errors', async () => {
    const b = await newBrand()
    expectError(
      await call('POST', '/api/keys', { token: b.adminKey, body: { role: 'owner', label: '' } }),
      422,
      'invalid_input',
      ['role', 'label'],
    )
    const id = await keyIdOf(b.adminKey, b.financeKey)
    for (const graceHours of [-1, 169, 1.5])
      expectError(
        await call('POST', `/api/keys/${id}/rotate`, { token: b.adminKey, body: { graceHours } }),
        422,
        'invalid_input',
        ['graceHours'],
      )
    expectError(await call('POST', '/api/keys/key_nope/revoke', { token: b.adminKey }), 404, 'not_found')
  })

  it('rotation: the new key works at once, the old one until the grace ends, then is refused', async () => {
    const t0 = Date.parse('2026-05-01T00:00:00.000Z')
    clockAt(t0)
    const b = await newBrand()
    const id = await keyIdOf(b.adminKey, b.financeKey)
    const r = await call('POST', `/api/keys/${id}/rotate`, { token: b.adminKey, body: { graceHours: 2 } })
    expect(r.status).toBe(201)
    expect(r.body.key).toMatch(/^rpl_fin_/)
    expect(r.body.replaced).toMatchObject({ id, status: 'expiring', until: new Date(t0 + 2 * HOUR).toISOString() })
    expect((await programme(r.body.key)).status).toBe(200)
    expect((await programme(b.financeKey)).status).toBe(200)
    const listed = await keysOf(b.adminKey)
    expect(listed.find((k) => k.id === id)).toMatchObject({ status: 'expiring' })

    // Not replayable: the repeat finds the key already rotated and names its replacement.
    const again = await call('POST', `/api/keys/${id}/rotate`, { token: b.adminKey, body: { graceHours: 2 } })
    expectError(again, 409, 'conflict', ['id'])
    expect(again.body.error.message).toContain(r.body.apiKey.id)

    clockAt(t0 + 2 * HOUR + 1)
    expectError(await programme(b.financeKey), 401, 'unauthorized')
    expect((await programme(r.body.key)).status).toBe(200)
    expect((await keysOf(b.adminKey)).find((k) => k.id === id)).toMatchObject({ status: 'revoked' })
  })

  it('rotation with 0 h grace refuses the old key at once', async () => {
    const b = await newBrand()
    const id = await keyIdOf(b.adminKey, b.adminKey)
    const r = await call('POST', `/api/keys/${id}/rotate`, { token: b.adminKey, body: { graceHours: 0 } })
    expect(r.status).toBe(201)
    expect(r.body.key).toMatch(/^rpl_admin_/)
    expectError(await programme(b.adminKey), 401, 'unauthorized')
    expect((await programme(r.body.key)).status).toBe(200)
  })

  it('revoke refuses the key at once; the last active admin key cannot be revoked', async () => {
    const b = await newBrand()
    const finId = await keyIdOf(b.adminKey, b.financeKey)
    const revoked = await call('POST', `/api/keys/${finId}/revoke`, { token: b.adminKey })
    expect(revoked.status).toBe(200)
    expect(revoked.body).toMatchObject({ id: finId, status: 'revoked' })
    expectError(await programme(b.financeKey), 401, 'unauthorized')
    // The lookup by hash is expired at once (the api function may not DeleteItem): the bearer check refuses it.
    const lookup = await rawItem(keys.apiKey(sha256(b.financeKey)))
    expect(Date.parse(String(lookup?.expiresAt))).toBeLessThanOrEqual(Date.now())

    const adminId = await keyIdOf(b.adminKey, b.adminKey)
    const last = await call('POST', `/api/keys/${adminId}/revoke`, { token: b.adminKey })
    expectError(last, 409, 'conflict', ['id'])
    expect((await programme(b.adminKey)).status).toBe(200)

    // With a second admin key, the first can go.
    const second = await call('POST', '/api/keys', { token: b.adminKey, body: { role: 'admin', label: 'Ops' } })
    expect((await call('POST', `/api/keys/${adminId}/revoke`, { token: second.body.key })).status).toBe(200)
    expectError(await programme(b.adminKey), 401, 'unauthorized')
    // …and now the second is the last.
    expectError(
      await call('POST', `/api/keys/${second.body.apiKey.id}/revoke`, { token: second.body.key }),
      409,
      'conflict',
    )
  })

  it('is tenant-scoped: another brand’s key id is not found and nothing changes', async () => {
    const a = await newBrand()
    const other = await newBrand()
    const id = await keyIdOf(a.adminKey, a.financeKey)
    expectError(await call('POST', `/api/keys/${id}/revoke`, { token: other.adminKey }), 404, 'not_found')
    expectError(
      await call('POST', `/api/keys/${id}/rotate`, { token: other.adminKey, body: { graceHours: 0 } }),
      404,
      'not_found',
    )
    expect((await programme(a.financeKey)).status).toBe(200)
    expect((await keysOf(other.adminKey)).map((k) => k.id)).not.toContain(id)
  })
})

describe('console sessions end with their key', () => {
  it('revoking a key refuses the console cookie it opened: 401 on the API, sign-in for pages', async () => {
    const b = await newBrand()
    const second = await call('POST', '/api/keys', { token: b.adminKey, body: { role: 'admin', label: 'Desk' } })
    const cookie = await consoleCookieOf(second.body.key)
    const html = { cookie, accept: 'text/html' }
    const api = { cookie, 'x-ripple-client': 'console' }
    expect((await call('GET', '/api/programme', { headers: api })).status).toBe(200)
    expect((await call('GET', '/console/programme', { headers: html })).status).toBe(200)

    const r = await call('POST', `/api/keys/${second.body.apiKey.id}/revoke`, { token: b.adminKey })
    expect(r.status).toBe(200)
    expectError(await call('GET', '/api/programme', { headers: api }), 401, 'unauthorized')
    const page = await call('GET', '/console/programme', { headers: html })
    expect(page.status).toBe(303)
    expect(page.res.headers.get('location')).toBe('/console')
    // /console itself shows the sign-in form.
    expect((await call('GET', '/console', { headers: html })).body).toContain('name="apiKey"')
  })

  it('a key rotated with a grace keeps its console session until the grace ends', async () => {
    const t0 = Date.parse('2026-05-02T00:00:00.000Z')
    clockAt(t0)
    const b = await newBrand()
    const cookie = await consoleCookieOf(b.financeKey)
    const headers = { cookie, 'x-ripple-client': 'console' }
    const id = await keyIdOf(b.adminKey, b.financeKey)
    await call('POST', `/api/keys/${id}/rotate`, { token: b.adminKey, body: { graceHours: 1 } })
    expect((await call('GET', '/api/programme', { headers })).status).toBe(200)
    clockAt(t0 + HOUR)
    expectError(await call('GET', '/api/programme', { headers }), 401, 'unauthorized')
  })
})

describe('webhook secret rotation', () => {
  const order = (id: string) =>
    JSON.stringify({
      orderId: id,
      currency: 'CNY',
      paidAt: new Date().toISOString(),
      lines: [{ sku: 'A', qty: 1, unitPrice: 1000 }],
    })
  const deliver = (brandId: string, secret: string, body: string) => {
    const ts = String(Math.floor(Date.now() / 1000))
    return call('POST', `/webhooks/${brandId}/orders`, {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-ripple-timestamp': ts,
        'x-ripple-signature': rippleSignature(secret, ts, body),
      },
    })
  }

  it('during the grace both secrets verify, after it only the new one; a repeat with the requestId answers the same', async () => {
    const t0 = Date.parse('2026-05-03T00:00:00.000Z')
    clockAt(t0)
    const b = await newBrand()
    const body = { graceHours: 24, requestId: 'rotate-webhook-1' }
    const r = await call('POST', '/api/webhook-secret/rotate', { token: b.adminKey, body })
    expect(r.status).toBe(201)
    expect(r.body.webhookSecret).toMatch(/^whsec_/)
    expect(r.body.webhookSecret).not.toBe(b.webhookSecret)
    expect(r.body.previousValidUntil).toBe(new Date(t0 + 24 * HOUR).toISOString())
    const again = await call('POST', '/api/webhook-secret/rotate', { token: b.adminKey, body })
    expect(again.status).toBe(201)
    expect(again.body).toEqual(r.body)

    expect((await deliver(b.brand.id, b.webhookSecret, order('w1'))).status).toBe(201)
    expect((await deliver(b.brand.id, r.body.webhookSecret, order('w2'))).status).toBe(201)

    clockAt(t0 + 24 * HOUR)
    expectError(await deliver(b.brand.id, b.webhookSecret, order('w3')), 401, 'unauthorized')
    expect((await deliver(b.brand.id, r.body.webhookSecret, order('w4'))).status).toBe(201)
  })

  it('0 h grace refuses the old secret at once; finance cannot rotate', async () => {
    const b = await newBrand()
    expectError(
      await call('POST', '/api/webhook-secret/rotate', { token: b.financeKey, body: { graceHours: 0 } }),
      403,
      'forbidden',
    )
    const r = await call('POST', '/api/webhook-secret/rotate', { token: b.adminKey, body: { graceHours: 0 } })
    expect(r.status).toBe(201)
    expectError(await deliver(b.brand.id, b.webhookSecret, order('z1')), 401, 'unauthorized')
    expect((await deliver(b.brand.id, r.body.webhookSecret, order('z2'))).status).toBe(201)
  })

  it('from the console, a write needs the page’s own origin', async () => {
    const b = await newBrand()
    const cookie = await consoleCookieOf(b.adminKey)
    const forged = await call('POST', '/api/webhook-secret/rotate', {
      headers: { cookie, origin: 'https://evil.example' },
      body: { graceHours: 0 },
    })
    expectError(forged, 403, 'forbidden')
    const own = await call('POST', '/api/webhook-secret/rotate', {
      headers: { cookie, origin: BASE, 'x-ripple-client': 'console' },
      body: { graceHours: 0 },
    })
    expect(own.status).toBe(201)
  })
})
