import { describe, expect, it } from 'vitest'
import { BASE, call, newBrand, newDistributor, sessionOf } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { consoleCookieOf } from '../support/console'
import { closeSettlement } from '../../lib/services/close-settlement'

const EVIL = 'https://evil.example'

/** A brand with one closed settlement batch (one distributor, one paid order) to mark paid. */
async function closedBatch() {
  const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 0 })
  const d = await newDistributor(b.adminKey, { name: '王芳', type: 'guide' })
  const order = await call('POST', '/api/orders', {
    token: b.adminKey,
    body: {
      orderId: 'o1',
      refCode: d.inviteCode,
      currency: 'CNY',
      paidAt: '2026-03-10T08:00:00.000Z',
      lines: [{ sku: 'A', qty: 1, unitPrice: 20000 }],
    },
  })
  expect(order.status).toBe(201)
  const { batch } = await closeSettlement(b.brand.id, { period: '2026-03' })
  return { ...b, d, batchId: batch.batchId }
}

const batchStatus = async (financeKey: string, batchId: string) =>
  (await call('GET', `/api/settlements/${batchId}`, { token: financeKey })).body.status

describe('writes signed in by a cookie (CSRF)', () => {
  it('refuses an empty cross-origin POST that would mark a settlement batch paid, with 403 and no write', async () => {
    const { financeKey, batchId } = await closedBatch()
    const cookie = await consoleCookieOf(financeKey)
    const before = await tableSnapshot()
    const forged: Record<string, string>[] = [
      { cookie, origin: EVIL },
      { cookie, origin: 'null' },
      { cookie, 'sec-fetch-site': 'cross-site', origin: EVIL },
      { cookie, 'sec-fetch-site': 'same-site' },
      // No Origin and no Sec-Fetch-Site: nothing says it came from our page.
      { cookie },
      // Our origin, but a body type a cross-site form can send.
      { cookie, origin: BASE, 'content-type': 'text/plain' },
      { cookie, origin: BASE, 'content-type': 'application/x-www-form-urlencoded' },
      { cookie, origin: BASE },
    ]
    for (const headers of forged)
      expectError(await call('POST', `/api/settlements/${batchId}/paid`, { headers }), 403, 'forbidden')
    expect(await tableSnapshot()).toEqual(before)
    expect(await batchStatus(financeKey, batchId)).toBe('closed')

    // From the console page itself: the same call is accepted.
    const own = await call('POST', `/api/settlements/${batchId}/paid`, {
      headers: { cookie, origin: BASE, 'x-ripple-client': 'console' },
      body: {},
    })
    expect(own.status).toBe(200)
    expect(own.body.status).toBe('paid')
  })

  it('accepts Sec-Fetch-Site: same-origin without an Origin, and leaves a bearer key alone', async () => {
    const { financeKey, batchId } = await closedBatch()
    const sameOrigin = await call('POST', `/api/settlements/${batchId}/paid`, {
      headers: {
        cookie: await consoleCookieOf(financeKey),
        'sec-fetch-site': 'same-origin',
      },
      body: { reference: 'BANK-1' },
    })
    expect(sameOrigin.status).toBe(200)
    // A bearer key from anywhere, with no body and no content type, is not a cookie.
    const bearer = await call('POST', `/api/settlements/${batchId}/paid`, {
      token: financeKey,
      headers: { origin: EVIL, cookie: await consoleCookieOf(financeKey) },
    })
    expect(bearer.status).toBe(200)
    expect(bearer.body.status).toBe('paid')
  })

  it('refuses a distributor-cookie write from another origin, and the mobile page’s own write passes', async () => {
    const { adminKey } = await newBrand()
    await call('POST', '/api/products', {
      token: adminKey,
      body: { sku: 'S1', name: '精华', price: '199.00', url: 'https://shop.example.com/p/1' },
    })
    const d = await newDistributor(adminKey, { name: '李雷', type: 'guide' })
    const cookie = `rpl_session=${encodeURIComponent(await sessionOf(adminKey, d.id))}`
    const body = { productId: 'S1' }
    expectError(await call('POST', '/api/links', { headers: { cookie, origin: EVIL }, body }), 403, 'forbidden')
    expectError(await call('POST', '/api/links', { headers: { cookie }, body }), 403, 'forbidden')
    expect((await call('GET', '/api/me/links', { headers: { cookie } })).body.items).toEqual([])
    const own = await call('POST', '/api/links', { headers: { cookie, origin: BASE }, body })
    expect(own.status).toBe(201)
  })

  it('refuses a cross-origin CSV import signed in by the console cookie', async () => {
    const { adminKey } = await newBrand()
    const r = await call('POST', '/api/distributors/import?dryRun=true', {
      headers: { cookie: await consoleCookieOf(adminKey), origin: EVIL, 'content-type': 'text/csv' },
      raw: 'name,type\n王芳,guide\n',
    })
    expectError(r, 403, 'forbidden')
    const own = await call('POST', '/api/distributors/import?dryRun=true', {
      headers: { cookie: await consoleCookieOf(adminKey), origin: BASE, 'content-type': 'text/csv' },
      raw: 'name,type\n王芳,guide\n',
    })
    expect(own.status).toBe(200)
  })

  it('refuses console sign-in and sign-out posted by another site', async () => {
    const { adminKey } = await newBrand()
    const cookie = await consoleCookieOf(adminKey)
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    const signOut = await call('POST', '/console/sign-out', { headers: { ...form, cookie, origin: EVIL } })
    expectError(signOut, 403, 'forbidden')
    expect(signOut.res.headers.get('set-cookie')).toBeNull()
    const signIn = await call('POST', '/console/sign-in', {
      headers: { ...form, origin: EVIL },
      raw: `apiKey=${encodeURIComponent(adminKey)}`,
    })
    expectError(signIn, 403, 'forbidden')
    expect(signIn.res.headers.get('set-cookie')).toBeNull()
    // Without Origin or Sec-Fetch-Site a form post is not known to be ours either.
    expectError(await call('POST', '/console/sign-out', { headers: { ...form, cookie } }), 403, 'forbidden')

    const ownOut = await call('POST', '/console/sign-out', { headers: { ...form, cookie, origin: BASE } })
    expect(ownOut.status).toBe(303)
    expect(ownOut.res.headers.get('set-cookie')).toMatch(/rpl_console=;/)
    const ownIn = await call('POST', '/console/sign-in', {
      headers: { ...form, 'sec-fetch-site': 'same-origin' },
      raw: `apiKey=${encodeURIComponent(adminKey)}`,
    })
    expect(ownIn.status).toBe(303)
    expect(ownIn.res.headers.get('set-cookie')).toMatch(/rpl_console=c1\./)
  })
})

describe('security headers', () => {
  const scriptSrc = (csp: string) => /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? ''

  it('every page has a CSP without inline scripts, no framing, nosniff and the referrer policy', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
    const pages = ['/console', '/m', `/m/join/${d.inviteCode}`, '/m/sign-in/not-a-token', '/s/NOSUCHCODE', '/nowhere']
    for (const path of pages) {
      const r = await call('GET', path)
      const h = r.res.headers
      const csp = h.get('content-security-policy') ?? ''
      expect(scriptSrc(csp), path).toBe("'self'")
      expect(csp, path).toContain("frame-ancestors 'none'")
      expect(csp, path).toContain("object-src 'none'")
      expect(csp, path).not.toMatch(/unsafe-eval/)
      expect(h.get('x-content-type-options'), path).toBe('nosniff')
      expect(h.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(h.get('x-frame-options'), path).toBe('DENY')
      expect(h.get('strict-transport-security'), path).toBeNull()
    }
  })

  it('adds HSTS to pages served over https', async () => {
    const r = await call('GET', '/console', { headers: { 'x-forwarded-proto': 'https' } })
    expect(r.res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/)
  })

  it('the API sends nosniff, and no-store on every answer to a signed-in caller', async () => {
    const { adminKey, financeKey } = await newBrand()
    const anonymous = await call('GET', '/api/health')
    expect(anonymous.res.headers.get('x-content-type-options')).toBe('nosniff')
    for (const [path, token] of [
      ['/api/programme', adminKey],
      ['/api/distributors', adminKey],
      ['/api/settlements', financeKey],
      ['/api/no-such-route', adminKey],
    ] as const) {
      const r = await call('GET', path, { token })
      expect(r.res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(r.res.headers.get('cache-control'), path).toBe('no-store')
    }
  })
})
