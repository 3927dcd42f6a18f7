import { afterEach, describe, expect, it, vi } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError } from '../support/table'
import { lastCodeFor, randomIp, randomPhone, smsTo } from '../support/sms'

const clockAt = (ms: number) => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(ms)
}
afterEach(() => {
  vi.useRealTimers()
})

/** A brand with one active guide holding a random number. */
async function guideWithPhone() {
  const b = await newBrand()
  const phone = randomPhone()
  const d = await newDistributor(b.adminKey, { name: '导购小李', type: 'guide', phone })
  return { ...b, brandId: b.brand.id, phone, d }
}

const send = (brandId: string, phone: string, ip = randomIp()) =>
  call('POST', '/api/sign-in/phone', { body: { brandId, phone }, ip })
const verify = (brandId: string, phone: string, code: string, ip = randomIp()) =>
  call('POST', '/api/sign-in/phone/verify', { body: { brandId, phone, code }, ip })
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')

describe('phone numbers on the distributor record', () => {
  it('are stored in E.164: a mainland number without +86 is normalised, a bad one is a 422 on phone', async () => {
    const { adminKey } = await newBrand()
    const local = `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`
    const d = await newDistributor(adminKey, {
      name: '甲',
      type: 'guide',
      phone: `${local.slice(0, 3)} ${local.slice(3, 7)}-${local.slice(7)}`,
    })
    const read = await call('GET', `/api/distributors/${d.id}`, { token: adminKey })
    expect(read.body.phone).toBe(`+86${local}`)
    for (const phone of ['12345', '+86 12345678901', 'abc']) {
      const r = await call('POST', '/api/distributors', { token: adminKey, body: { name: '乙', type: 'guide', phone } })
      expectError(r, 422, 'invalid_input')
      expect(r.body.error.fields.phone).toMatch(/phone number/i)
    }
  })

  it('are unique per brand; a change frees the old number and null removes it', async () => {
    const { adminKey, phone, d, brandId } = await guideWithPhone()
    const taken = await call('POST', '/api/distributors', {
      token: adminKey,
      body: { name: '乙', type: 'guide', phone },
    })
    expectError(taken, 409, 'conflict')
    expect(taken.body.error.fields.phone).toContain(d.id)
    // Another brand may hold the same number.
    const other = await newBrand()
    await newDistributor(other.adminKey, { name: '丙', type: 'guide', phone })

    const next = randomPhone()
    const moved = await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { phone: next } })
    expect(moved.status).toBe(200)
    expect(moved.body.phone).toBe(next)
    const reuse = await newDistributor(adminKey, { name: '丁', type: 'guide', phone })
    expect(reuse.id).not.toBe(d.id)
    // The old number now signs in the new holder, the new one the first guide.
    expect((await send(brandId, phone)).status).toBe(202)
    const r = await verify(brandId, phone, await lastCodeFor(phone))
    expect(r.body.distributor.id).toBe(reuse.id)

    const cleared = await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { phone: null } })
    expect(cleared.status).toBe(200)
    expect(cleared.body.phone).toBeUndefined()
    const before = (await smsTo(next)).length
    expect((await send(brandId, next)).status).toBe(202)
    expect((await smsTo(next)).length).toBe(before)
  })
})

describe('POST /api/sign-in/phone and /verify', () => {
  it('answers 202 for an unknown number and sends nothing', async () => {
    const { brandId } = await guideWithPhone()
    const unknown = randomPhone()
    const r = await send(brandId, unknown)
    expect(r.status).toBe(202)
    expect(await smsTo(unknown)).toEqual([])
  })

  it('texts a six-digit code; the code signs in once, with a working session cookie', async () => {
    const { brandId, phone, d } = await guideWithPhone()
    // Typed without +86: the same number.
    expect((await send(brandId, phone.slice(3))).status).toBe(202)
    const [sms] = await smsTo(phone)
    expect(sms?.text).toMatch(/验证码 \d{6}/)
    const code = await lastCodeFor(phone)
    const r = await verify(brandId, phone, code)
    expect(r.status).toBe(200)
    expect(r.body.distributor.id).toBe(d.id)
    const cookie = /rpl_session=([^;]+)/.exec(r.res.headers.get('set-cookie') ?? '')?.[1]
    expect(cookie).toBeDefined()
    const me = await call('GET', '/api/me', { headers: { cookie: `rpl_session=${cookie}` } })
    expect(me.status).toBe(200)
    expect(me.body.distributor.id).toBe(d.id)
    const page = await call('GET', '/m', { headers: { cookie: `rpl_session=${cookie}` } })
    expect(page.status).toBe(200)
    // Used once.
    expectError(await verify(brandId, phone, code), 401, 'unauthorized')
  })

  it('a code lasts ten minutes', async () => {
    const t0 = Date.parse('2026-07-01T08:00:00.000Z')
    clockAt(t0)
    const { brandId, phone } = await guideWithPhone()
    await send(brandId, phone)
    const code = await lastCodeFor(phone)
    vi.setSystemTime(t0 + 10 * 60_000 + 1)
    expectError(await verify(brandId, phone, code), 401, 'unauthorized')
    vi.setSystemTime(t0 + 11 * 60_000)
    await send(brandId, phone)
    const fresh = await lastCodeFor(phone)
    vi.setSystemTime(t0 + 20 * 60_000)
    expect((await verify(brandId, phone, fresh)).status).toBe(200)
  })

  it('five wrong tries burn the code: the right one fails after them', async () => {
    const { brandId, phone } = await guideWithPhone()
    await send(brandId, phone)
    const code = await lastCodeFor(phone)
    const fields: string[] = []
    for (let i = 0; i < 5; i++) {
      const r = await verify(brandId, phone, wrong(code))
      expectError(r, 401, 'unauthorized')
      fields.push(r.body.error.fields.code)
    }
    expect(fields[0]).toBe('Wrong code; 4 tries left.')
    expect(fields[4]).toMatch(/last try/)
    expectError(await verify(brandId, phone, code), 401, 'unauthorized')
  })

  it('the fifth try may still be the right one', async () => {
    const { brandId, phone } = await guideWithPhone()
    await send(brandId, phone)
    const code = await lastCodeFor(phone)
    for (let i = 0; i < 4; i++) expectError(await verify(brandId, phone, wrong(code)), 401, 'unauthorized')
    expect((await verify(brandId, phone, code)).status).toBe(200)
  })

  it('sends at most one code a minute and five an hour per number', async () => {
    const t0 = Date.parse('2026-07-01T09:00:00.000Z')
    clockAt(t0)
    const { brandId, phone } = await guideWithPhone()
    expect((await send(brandId, phone)).status).toBe(202)
    const again = await send(brandId, phone)
    expectError(again, 429, 'rate_limited')
    expect(Number(again.res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await smsTo(phone)).toHaveLength(1)
    for (let minute = 1; minute < 5; minute++) {
      vi.setSystemTime(t0 + minute * 60_000)
      expect((await send(brandId, phone)).status).toBe(202)
    }
    vi.setSystemTime(t0 + 5 * 60_000)
    expectError(await send(brandId, phone), 429, 'rate_limited')
    expect(await smsTo(phone)).toHaveLength(5)
    vi.setSystemTime(t0 + 60 * 60_000)
    expect((await send(brandId, phone)).status).toBe(202)
    expect(await smsTo(phone)).toHaveLength(6)
  })

  it('sends at most one code a minute and five an hour per address, known numbers or not', async () => {
    const t0 = Date.parse('2026-07-01T10:00:00.000Z')
    clockAt(t0)
    const { brandId, phone } = await guideWithPhone()
    const ip = randomIp()
    expect((await send(brandId, randomPhone(), ip)).status).toBe(202)
    expectError(await send(brandId, phone, ip), 429, 'rate_limited')
    expect(await smsTo(phone)).toEqual([])
    for (let minute = 1; minute < 5; minute++) {
      vi.setSystemTime(t0 + minute * 60_000)
      expect((await send(brandId, randomPhone(), ip)).status).toBe(202)
    }
    vi.setSystemTime(t0 + 5 * 60_000)
    expectError(await send(brandId, phone, ip), 429, 'rate_limited')
    // Another address is not held back (a minute on: the refused request above counted against the number).
    vi.setSystemTime(t0 + 6 * 60_000)
    expect((await send(brandId, phone)).status).toBe(202)
    expect(await smsTo(phone)).toHaveLength(1)
  })

  it('wrong codes from one address run into the credential limit (429)', async () => {
    const { brandId, phone } = await guideWithPhone()
    const ip = randomIp()
    const statuses: number[] = []
    for (let i = 0; i < 21; i++) statuses.push((await verify(brandId, randomPhone(), '000000', ip)).status)
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true)
    expect(statuses[20]).toBe(429)
    expect(phone).toMatch(/^\+86/)
  })

  it('a suspended distributor gets a code but cannot sign in: 403 naming the status', async () => {
    const { adminKey, brandId, phone, d } = await guideWithPhone()
    await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { status: 'suspended' } })
    expect((await send(brandId, phone)).status).toBe(202)
    const r = await verify(brandId, phone, await lastCodeFor(phone))
    expectError(r, 403, 'forbidden')
    expect(r.body.error.fields.status).toBe('suspended')
    expect(r.res.headers.get('set-cookie') ?? '').not.toContain('rpl_session')
  })

  it('refuses a bad body with field errors', async () => {
    const r = await call('POST', '/api/sign-in/phone/verify', { body: { brandId: 'x', phone: '1', code: '12' } })
    expectError(r, 422, 'invalid_input')
    expect(Object.keys(r.body.error.fields).sort()).toEqual(['brandId', 'code', 'phone'])
  })
})

describe('the sign-in page and invites while signed in', () => {
  it('GET /m/sign-in shows the form for a known brand, a 404 page otherwise', async () => {
    const { brandId } = await guideWithPhone()
    const page = await call('GET', `/m/sign-in?brand=${brandId}&lang=en`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('autocomplete="one-time-code"')
    expect(page.body).toContain('inputmode="numeric"')
    expect(page.body).toContain('Send code')
    expect((await call('GET', '/m/sign-in')).status).toBe(404)
  })

  it('POST /api/join from a distributor already in the brand names their team and makes no account', async () => {
    const { adminKey, brandId, phone, d } = await guideWithPhone()
    const other = await newDistributor(adminKey, { name: '店长', type: 'employee' })
    await send(brandId, phone)
    const signedIn = await verify(brandId, phone, await lastCodeFor(phone))
    const r = await call('POST', '/api/join', {
      token: signedIn.body.sessionToken,
      body: { inviteCode: other.inviteCode, name: '第二个账号' },
    })
    expectError(r, 409, 'conflict')
    expect(r.body.error.message).toContain('already a distributor')
    const list = await call('GET', '/api/distributors', { token: adminKey })
    expect(list.body.items.map((x: { id: string }) => x.id).sort()).toEqual([d.id, other.id].sort())
  })
})
