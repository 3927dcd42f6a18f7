import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { call, newBrand, newDistributor, PHONE_UA } from '../support/client'
import { expectError } from '../support/table'
import { putSignIn, consumeSignIn } from '../../lib/db/sign-ins'
import { sha256 } from '../../lib/auth/secrets'

const open = (path: string, ua = PHONE_UA) => call('GET', path, { headers: { 'user-agent': ua } })
const sessionCookie = (res: Response) => /rpl_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]

async function setup() {
  const { adminKey, brand } = await newBrand()
  const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
  const mint = await call('POST', `/api/distributors/${d.id}/sign-in-links`, { token: adminKey })
  expect(mint.status).toBe(201)
  return { adminKey, brandId: brand.id, d, url: new URL(mint.body.url), expiresAt: mint.body.expiresAt as string }
}

describe('sign-in links', () => {
  it('mints a 15-minute link on this origin and signs in once, setting an HttpOnly session cookie', async () => {
    const { url, expiresAt, d } = await setup()
    expect(url.origin).toBe('http://ripple.test')
    expect(url.pathname).toMatch(/^\/m\/sign-in\/[A-Za-z0-9_-]{20,64}$/)
    const minutes = (Date.parse(expiresAt) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(14)
    expect(minutes).toBeLessThanOrEqual(15)

    const first = await open(url.pathname)
    expect(first.status).toBe(302)
    expect(first.res.headers.get('location')).toBe('/m')
    const cookie = first.res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const token = decodeURIComponent(sessionCookie(first.res) ?? '')
    const me = await call('GET', '/api/me', { token })
    expect(me.body.distributor.id).toBe(d.id)
  })

  it('is single use: a second open is a 410 page, not JSON and not a 500', async () => {
    const { url } = await setup()
    expect((await open(url.pathname)).status).toBe(302)
    const second = await open(url.pathname)
    expect(second.status).toBe(410)
    expect(second.res.headers.get('content-type')).toMatch(/text\/html/)
    expect(typeof second.body).toBe('string')
    expect(second.body).toMatch(/已使用|already been used/)
    expect(sessionCookie(second.res)).toBeUndefined()
  })

  it('lets exactly one of two concurrent opens sign in', async () => {
    const { url } = await setup()
    const rs = await Promise.all(Array.from({ length: 5 }, () => open(url.pathname)))
    expect(rs.map((r) => r.status).sort()).toEqual([302, 410, 410, 410, 410])
  })

  it('is not used up by a link-preview bot', async () => {
    const { url } = await setup()
    const bot = await open(url.pathname, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')
    expect(bot.status).toBe(200)
    expect(sessionCookie(bot.res)).toBeUndefined()
    expect((await open(url.pathname)).status).toBe(302)
  })

  it('is not used up by a HEAD (link scanners) or a prefetch: HEAD then GET still signs in', async () => {
    const { url, d } = await setup()
    for (const ua of [PHONE_UA, 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)']) {
      const head = await call('HEAD', url.pathname, { headers: { 'user-agent': ua } })
      expect(head.status).toBe(200)
      expect(sessionCookie(head.res)).toBeUndefined()
    }
    for (const headers of [{ 'sec-purpose': 'prefetch;prerender' }, { purpose: 'prefetch' }] as Record<
      string,
      string
    >[]) {
      const prefetch = await call('GET', url.pathname, { headers: { 'user-agent': PHONE_UA, ...headers } })
      expect(prefetch.status).toBe(200)
      expect(sessionCookie(prefetch.res)).toBeUndefined()
    }
    const get = await open(url.pathname)
    expect(get.status).toBe(302)
    const me = await call('GET', '/api/me', { token: decodeURIComponent(sessionCookie(get.res) ?? '') })
    expect(me.body.distributor.id).toBe(d.id)
  })

  it('answers an expired link with a 410 page', async () => {
    const { brandId, d } = await setup()
    const token = randomBytes(24).toString('base64url')
    await putSignIn(sha256(token), {
      brandId,
      distributorId: d.id,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    })
    const r = await open(`/m/sign-in/${token}`)
    expect(r.status).toBe(410)
    expect(r.body).toMatch(/过期|expired/)
    expect(sessionCookie(r.res)).toBeUndefined()
  })

  it('consumeSignIn tells unknown, used and expired apart', async () => {
    const { brandId, d } = await setup()
    const t = sha256(randomBytes(24).toString('base64url'))
    const expiresAt = new Date(Date.now() + 60_000)
    await putSignIn(t, { brandId, distributorId: d.id, expiresAt: expiresAt.toISOString() })
    expect(await consumeSignIn(t, new Date(expiresAt.getTime() + 1))).toEqual({ ok: false, reason: 'expired', brandId })
    expect(await consumeSignIn(t)).toEqual({ ok: true, brandId, distributorId: d.id })
    expect(await consumeSignIn(t)).toEqual({ ok: false, reason: 'used', brandId })
    expect(await consumeSignIn(sha256('never-minted'))).toEqual({ ok: false, reason: 'unknown' })
  })

  it('answers an unknown or malformed token with a 404 page', async () => {
    for (const token of [randomBytes(24).toString('base64url'), 'short', 'x'.repeat(65)]) {
      const r = await open(`/m/sign-in/${token}`)
      expect(r.status).toBe(404)
      expect(r.res.headers.get('content-type')).toMatch(/text\/html/)
      expect(r.body).toMatch(/无效|not valid/)
    }
  })
})

describe('sessions', () => {
  it('work as Authorization: Bearer and as the rpl_session cookie', async () => {
    const { url, d } = await setup()
    const token = decodeURIComponent(sessionCookie((await open(url.pathname)).res) ?? '')
    const bearer = await call('GET', '/api/me', { token })
    expect(bearer.status).toBe(200)
    expect(bearer.body.distributor.id).toBe(d.id)
    const cookie = await call('GET', '/api/me', { headers: { cookie: `rpl_session=${encodeURIComponent(token)}` } })
    expect(cookie.status).toBe(200)
    expect(cookie.body.distributor.id).toBe(d.id)
  })

  it('refuses a tampered or foreign-signed token with 401', async () => {
    const { url } = await setup()
    const token = decodeURIComponent(sessionCookie((await open(url.pathname)).res) ?? '')
    const [v, body, sig] = token.split('.') as [string, string, string]
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString())
    const forged = Buffer.from(JSON.stringify({ ...claims, d: 'd_someoneelse' })).toString('base64url')
    for (const bad of [
      `${v}.${forged}.${sig}`,
      `${v}.${body}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`,
      `${token}.x`,
      's1.garbage',
    ]) {
      expectError(await call('GET', '/api/me', { token: bad }), 401, 'unauthorized')
      expectError(
        await call('GET', '/api/me', { headers: { cookie: `rpl_session=${encodeURIComponent(bad)}` } }),
        401,
        'unauthorized',
      )
    }
  })
})
