import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { tableSnapshot } from '../support/table'
import { pumpOnce } from '../../lib/local/stream-pump'

const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

async function setup(url = 'https://shop.example.com/p/1?ref=x&utm=a%20b#reviews') {
  const { adminKey } = await newBrand()
  const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
  const session = await sessionOf(adminKey, d.id)
  const link = await call('POST', '/api/links', { token: session, body: { url } })
  expect(link.status).toBe(201)
  return { session, code: link.body.code as string }
}

const click = (code: string, headers: Record<string, string> = {}) =>
  call('GET', `/s/${code}`, { headers: { 'user-agent': PHONE_UA, ...headers } })
const visitor = (n: number) => `rpl_vid=V${String(n).padStart(15, '0')}`
/** A link's click count once the stream has been pumped into the counters (they lag the redirect by design). */
const clicksOf = async (session: string, code: string) => {
  await pumpOnce()
  return (
    (await call('GET', '/api/me/links', { token: session })).body.items as Array<{ code: string; clicks: number }>
  ).find((l) => l.code === code)?.clicks
}

describe('GET /s/:code', () => {
  it('answers an unknown or malformed code with a 404 HTML page', async () => {
    for (const code of ['Zzzzzzzz', 'x', 'a'.repeat(40), 'bad%20code']) {
      const r = await click(code)
      expect(r.status).toBe(404)
      expect(r.res.headers.get('content-type')).toMatch(/text\/html/)
      expect(r.body).toMatch(/链接不存在/)
    }
  })

  it('redirects (302) with rpl_click appended, keeping the existing query string and fragment', async () => {
    const { code } = await setup()
    const r = await click(code)
    expect(r.status).toBe(302)
    const location = r.res.headers.get('location') ?? ''
    expect(location).toMatch(
      /^https:\/\/shop\.example\.com\/p\/1\?ref=x&utm=a%20b&rpl_click=c_[A-Za-z0-9_-]{22}#reviews$/,
    )
    expect(r.res.headers.get('cache-control')).toBe('no-store')
  })

  it('sets an HttpOnly visitor cookie for about a year when there is none', async () => {
    const { code } = await setup()
    const r = await click(code)
    const cookie = r.res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/rpl_vid=[A-Za-z0-9]{16}/)
    expect(cookie).toMatch(/HttpOnly/i)
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1])
    expect(Math.abs(maxAge - 365 * 86_400)).toBeLessThanOrEqual(86_400)
    const again = await click(code, { cookie: visitor(1) })
    expect(again.res.headers.get('set-cookie')).toBeNull()
  })

  it('sends bots on without rpl_click and counts or writes nothing', async () => {
    const { code, session } = await setup()
    const before = await tableSnapshot()
    const r = await click(code, { 'user-agent': GOOGLEBOT })
    expect(r.status).toBe(302)
    expect(r.res.headers.get('location')).toBe('https://shop.example.com/p/1?ref=x&utm=a%20b#reviews')
    const noUa = await call('GET', `/s/${code}`)
    expect(noUa.status).toBe(302)
    expect(noUa.res.headers.get('location')).not.toContain('rpl_click')
    expect(await tableSnapshot()).toEqual(before)
    expect(await clicksOf(session, code)).toBe(0)
  })

  it('counts the same visitor once within 30 minutes and returns the same clickId; two visitors count 2', async () => {
    const { code, session } = await setup('https://shop.example.com/p/2')
    const first = await click(code, { cookie: visitor(1) })
    const repeat = await click(code, { cookie: visitor(1) })
    const id = (r: typeof first) => new URL(r.res.headers.get('location') ?? '').searchParams.get('rpl_click')
    expect(id(first)).toMatch(/^c_/)
    expect(id(repeat)).toBe(id(first))
    expect(await clicksOf(session, code)).toBe(1)
    const second = await click(code, { cookie: visitor(2) })
    expect(id(second)).not.toBe(id(first))
    expect(await clicksOf(session, code)).toBe(2)
  })

  it('counts 20 concurrent clicks from distinct visitors exactly 20 times', async () => {
    const { code, session } = await setup('https://shop.example.com/p/3')
    const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => click(code, { cookie: visitor(100 + i) })))
    expect(rs.every((r) => r.status === 302)).toBe(true)
    const ids = rs.map((r) => new URL(r.res.headers.get('location') ?? '').searchParams.get('rpl_click'))
    expect(ids.every((x) => x?.startsWith('c_'))).toBe(true)
    expect(new Set(ids).size).toBe(20)
    expect(await clicksOf(session, code)).toBe(20)
  })

  it('counts 10 concurrent clicks from one visitor once', async () => {
    const { code, session } = await setup('https://shop.example.com/p/4')
    const rs = await Promise.all(Array.from({ length: 10 }, () => click(code, { cookie: visitor(7) })))
    const ids = rs.map((r) => new URL(r.res.headers.get('location') ?? '').searchParams.get('rpl_click'))
    expect(new Set(ids).size).toBe(1)
    expect(ids[0]).toMatch(/^c_/)
    expect(await clicksOf(session, code)).toBe(1)
  })
})
