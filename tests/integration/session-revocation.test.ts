import { afterEach, describe, expect, it, vi } from 'vitest'
import { call, newBrand, newDistributor, PHONE_UA, sessionOf } from '../support/client'
import { expectError } from '../support/table'
import { BRAND_STAMP_TTL_MS } from '../../lib/services/sessions'
import { putBrandSessionStamp } from '../../lib/db/session-stamps'

/** Only Date is faked: sessions' issue times and the stamp cache read the clock; DynamoDB Local's calls still run. */
const clockAt = (ms: number) => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(ms)
}
afterEach(() => {
  vi.useRealTimers()
})

const me = (session: string) => call('GET', '/api/me', { token: session })
const mobile = (session: string) =>
  call('GET', '/m', {
    headers: { cookie: `rpl_session=${encodeURIComponent(session)}`, 'user-agent': PHONE_UA, accept: 'text/html' },
  })
const patch = (adminKey: string, id: string, body: Record<string, unknown>) =>
  call('PATCH', `/api/distributors/${id}`, { token: adminKey, body })

describe('distributor sessions end with a suspension, a leave or a brand-wide sign-out', () => {
  it('a session minted before a suspension stays refused after the distributor is active again', async () => {
    const t0 = Date.parse('2026-06-01T00:00:00.000Z')
    clockAt(t0)
    const b = await newBrand()
    const d = await newDistributor(b.adminKey, { name: '王芳', type: 'guide' })
    const session = await sessionOf(b.adminKey, d.id)
    expect((await me(session)).status).toBe(200)
    expect((await mobile(session)).status).toBe(200)

    clockAt(t0 + 1000)
    expect((await patch(b.adminKey, d.id, { status: 'suspended' })).status).toBe(200)
    expectError(await me(session), 403, 'forbidden')
    expect((await mobile(session)).status).toBe(403)

    clockAt(t0 + 2000)
    expect((await patch(b.adminKey, d.id, { status: 'active' })).status).toBe(200)
    expectError(await me(session), 401, 'unauthorized')
    expect((await mobile(session)).status).toBe(401)
    // A new sign-in link works.
    clockAt(t0 + 3000)
    const fresh = await sessionOf(b.adminKey, d.id)
    expect((await me(fresh)).status).toBe(200)
    expect((await mobile(fresh)).status).toBe(200)
    // The stamp is not part of the distributor's own view of the API (it is in the brand's).
    const got = await call('GET', `/api/distributors/${d.id}`, { token: b.adminKey })
    expect(got.body.sessionsNotBefore).toBe(t0 + 1000)
  })

  it('a leaver’s session is refused by /api/me and /m', async () => {
    const b = await newBrand()
    const leaver = await newDistributor(b.adminKey, { name: '离职导购', type: 'guide' })
    const successor = await newDistributor(b.adminKey, { name: '接手导购', type: 'guide' })
    const session = await sessionOf(b.adminKey, leaver.id)
    expect((await me(session)).status).toBe(200)
    const left = await call('POST', `/api/distributors/${leaver.id}/leave`, {
      token: b.adminKey,
      body: { successorId: successor.id },
    })
    expect(left.status).toBe(200)
    expectError(await me(session), 403, 'forbidden')
    // /m shows a leaver only the leaver page (issue 13): 已离职 and what is still owed, none of the working page.
    const page = await mobile(session)
    expect(page.status).toBe(200)
    expect(page.body).toContain('已离职')
    expect(page.body).not.toContain('id="products"')
    expect(page.body).not.toContain('id="tabbar"')
  })

  it('sign everyone out: every older session of the brand is refused within a minute, other brands untouched', async () => {
    const t0 = Date.parse('2026-06-02T00:00:00.000Z')
    clockAt(t0)
    const b = await newBrand()
    const other = await newBrand()
    const d1 = await newDistributor(b.adminKey, { name: '甲', type: 'member' })
    const d2 = await newDistributor(b.adminKey, { name: '乙', type: 'member' })
    const o = await newDistributor(other.adminKey, { name: '丙', type: 'member' })
    const s1 = await sessionOf(b.adminKey, d1.id)
    const s2 = await sessionOf(b.adminKey, d2.id)
    const so = await sessionOf(other.adminKey, o.id)
    // Every session is read once, so this process has cached the brand's (absent) stamp.
    for (const s of [s1, s2, so]) expect((await me(s)).status).toBe(200)

    clockAt(t0 + 1000)
    const r = await call('POST', '/api/sessions/sign-out-everyone', { token: b.adminKey, body: {} })
    expect(r.status).toBe(200)
    expect(r.body.notBefore).toBe(new Date(t0 + 1000).toISOString())
    expectError(
      await call('POST', '/api/sessions/sign-out-everyone', { token: b.financeKey, body: {} }),
      403,
      'forbidden',
    )

    // Within the cache's bound (≤ 60 s), on any instance: here, once BRAND_STAMP_TTL_MS has passed.
    expect(BRAND_STAMP_TTL_MS).toBeLessThanOrEqual(60_000)
    clockAt(t0 + 1000 + BRAND_STAMP_TTL_MS)
    for (const s of [s1, s2]) {
      expectError(await me(s), 401, 'unauthorized')
      expect((await mobile(s)).status).toBe(401)
    }
    expect((await me(so)).status).toBe(200)
    const fresh = await sessionOf(b.adminKey, d1.id)
    expect((await me(fresh)).status).toBe(200)

    // Signed out by another instance: this one's cached stamp is trusted for at most BRAND_STAMP_TTL_MS.
    clockAt(t0 + 1000 + BRAND_STAMP_TTL_MS + 5000)
    await putBrandSessionStamp(b.brand.id, Date.now())
    clockAt(t0 + 1000 + 2 * BRAND_STAMP_TTL_MS)
    expectError(await me(fresh), 401, 'unauthorized')
  })
})
