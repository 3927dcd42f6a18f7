import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { randomBytes } from 'node:crypto'
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { BASE, call, newBrand, newDistributor, PHONE_UA, sessionOf } from '../support/client'
import { expectError, rawItem } from '../support/table'
import { rippleSignature } from '../../lib/domain/webhook-signature'
import { RATE_LIMITS } from '../../lib/config/rate-limits'
import { keys } from '../../lib/db/keys'
import { db } from '../../lib/db/client'
import { tableName } from '../../lib/db/table'
import { pumpOnce } from '../../lib/local/stream-pump'
import { handler as apiHandler } from '../../functions/api'
import { apigwEvent } from '../support/apigw-event'

// Limits are fixed windows. The clock is held still in the middle of a 10-minute
// window (Date only; timers run), so no test straddles a window boundary.
const HELD_AT = Math.floor(Date.now() / 600_000) * 600_000 + 300_000
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(HELD_AT)
})
afterAll(() => {
  vi.useRealTimers()
})

let lastIp = 0
/** A fresh documentation-range address per test, so limits of one test never touch another. */
const newIp = () => `198.51.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`
const times = <T>(n: number, run: (i: number) => Promise<T>): Promise<T[]> =>
  Array.from({ length: n }).reduce<Promise<T[]>>(
    async (acc, _, i) => [...(await acc), await run(i)],
    Promise.resolve([]),
  )

/** Asserts a 429 in the error model with a Retry-After that ends inside the window. */
function expectRateLimited(r: Awaited<ReturnType<typeof call>>, windowSeconds: number) {
  expectError(r, 429, 'rate_limited')
  const retryAfter = Number(r.res.headers.get('retry-after'))
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds)
}

function expectRateLimitedPage(r: Awaited<ReturnType<typeof call>>) {
  expect(r.status).toBe(429)
  expect(r.res.headers.get('content-type')).toMatch(/text\/html/)
  expect(Number(r.res.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(r.body).toMatch(/Too many attempts/)
}

describe('failed credentials per address', () => {
  const { limit, windowSeconds } = RATE_LIMITS.credentialFailuresPerAddress

  it(`answers 401 to ${limit} wrong bearer keys, then 429 with Retry-After, while the right key still works`, async () => {
    const { adminKey } = await newBrand()
    const ip = newIp()
    const wrong = () =>
      call('GET', '/api/programme', { token: `rpl_admin_${randomBytes(32).toString('base64url')}`, ip })
    const first = await times(limit, wrong)
    expect(first.map((r) => r.status)).toEqual(Array(limit).fill(401))
    expectRateLimited(await wrong(), windowSeconds)
    // Only failures count: the right key from the same address is not slowed.
    expect((await call('GET', '/api/programme', { token: adminKey, ip })).status).toBe(200)
    // A forged session from the same address is refused the same way.
    expectRateLimited(await call('GET', '/api/me', { token: 's1.forged.token', ip }), windowSeconds)
    // Another address is not affected.
    expect((await call('GET', '/api/programme', { token: 'rpl_admin_nope', ip: newIp() })).status).toBe(401)
  })

  it('keeps the count in the table, so another Lambda instance sees it', async () => {
    const ip = newIp()
    const windowStart = Math.floor(HELD_AT / (windowSeconds * 1000)) * windowSeconds * 1000
    // As if other instances had already counted this address up to the limit.
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.rateWindow(RATE_LIMITS.credentialFailuresPerAddress.scope, ip, windowStart), n: limit },
      }),
    )
    expectRateLimited(await call('GET', '/api/programme', { token: 'rpl_admin_wrong', ip }), windowSeconds)
    const item = await rawItem(keys.rateWindow(RATE_LIMITS.credentialFailuresPerAddress.scope, ip, windowStart))
    expect(item?.n).toBe(limit + 1)
    expect(Number(item?.ttl)).toBeGreaterThan(windowStart / 1000)
  })

  it("reads the address from API Gateway's event through the Lambda adapter, not from X-Forwarded-For", async () => {
    const ip = newIp()
    const wrong = (forwardedFor: string) => {
      const event = apigwEvent('get-health')
      event.requestContext.http.sourceIp = ip
      event.headers.authorization = 'Bearer rpl_admin_wrong'
      event.headers['x-forwarded-for'] = forwardedFor
      return apiHandler(event)
    }
    // A new X-Forwarded-For each time does not make a new caller.
    const first = await times(limit, (i) => wrong(`192.0.2.${i + 1}`))
    expect(first.map((r) => r.statusCode)).toEqual(Array(limit).fill(401))
    const over = await wrong('192.0.2.250')
    expect(over.statusCode).toBe(429)
    expect(Number(over.headers?.['retry-after'])).toBeGreaterThan(0)
    expect(JSON.parse(over.body).error.code).toBe('rate_limited')
  })

  it('limits wrong keys pasted into the console sign-in; the right key still signs in', async () => {
    const { adminKey } = await newBrand()
    const ip = newIp()
    const signIn = (apiKey: string) =>
      call('POST', '/console/sign-in', {
        raw: new URLSearchParams({ apiKey }).toString(),
        // From the console's own page: a sign-in form from elsewhere is refused first (lib/http/same-origin.ts).
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: BASE },
        ip,
      })
    const first = await times(limit, () => signIn('rpl_admin_wrong'))
    expect(first.map((r) => r.status)).toEqual(Array(limit).fill(401))
    expectRateLimitedPage(await signIn('rpl_admin_wrong'))
    expect((await signIn(adminKey)).status).toBe(303)
  })
})

describe('sign-in links per address', () => {
  const { limit } = RATE_LIMITS.signInMissesPerAddress

  it('answers 404 to guessed tokens, then 429; a real link from the same address still signs in', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
    const ip = newIp()
    const guess = () =>
      call('GET', `/m/sign-in/${randomBytes(24).toString('base64url')}`, { headers: { 'user-agent': PHONE_UA }, ip })
    expect((await times(limit, guess)).map((r) => r.status)).toEqual(Array(limit).fill(404))
    expectRateLimitedPage(await guess())
    const mint = await call('POST', `/api/distributors/${d.id}/sign-in-links`, { token: adminKey })
    const real = await call('GET', new URL(mint.body.url).pathname, { headers: { 'user-agent': PHONE_UA }, ip })
    expect(real.status).toBe(302)
    expect(real.res.headers.get('location')).toBe('/m')
  })
})

describe('invite look-ups per address', () => {
  const { limit } = RATE_LIMITS.inviteLookupsPerAddress

  it(`answers ${limit} look-ups, then 429 even for a real code, never naming the inviter`, async () => {
    const { adminKey } = await newBrand()
    const boss = await newDistributor(adminKey, { name: '店长张三', type: 'employee' })
    const ip = newIp()
    const look = (code: string) => call('GET', `/m/join/${code}`, { ip })
    const guesses = await times(limit - 1, () => look(randomBytes(9).toString('hex').toUpperCase().slice(0, 12)))
    expect(guesses.map((r) => r.status)).toEqual(Array(limit - 1).fill(404))
    const hit = await look(boss.inviteCode)
    expect(hit.status).toBe(200)
    expect(hit.body).toContain('店长张三')
    const over = await look(boss.inviteCode)
    expectRateLimitedPage(over)
    expect(over.body).not.toContain('店长张三')
    expect((await call('GET', `/m/join/${boss.inviteCode}`, { ip: newIp() })).status).toBe(200)
  })

  it('mints new invite codes of 12 capitals and digits', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: 'n', type: 'member' })
    expect(d.inviteCode).toMatch(/^[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}$/)
  })
})

describe('joins', () => {
  it('limits joins per address, valid codes or not', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.joinsPerAddress
    const { adminKey } = await newBrand()
    const boss = await newDistributor(adminKey, { name: '店长', type: 'employee' })
    const ip = newIp()
    const join = (inviteCode: string, i: number) =>
      call('POST', '/api/join', { body: { inviteCode, name: `p${i}` }, ip })
    const bad = await times(10, (i) => join('ZZZZZZZZZZZZ', i))
    expect(bad.map((r) => r.status)).toEqual(Array(10).fill(422))
    const good = await times(limit - 10, (i) => join(boss.inviteCode, i))
    expect(good.map((r) => r.status)).toEqual(Array(limit - 10).fill(201))
    expectRateLimited(await join(boss.inviteCode, 99), windowSeconds)
    expect(
      (await call('POST', '/api/join', { body: { inviteCode: boss.inviteCode, name: 'x' }, ip: newIp() })).status,
    ).toBe(201)
  })

  it('limits joins per invite code across addresses', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.joinsPerInvite
    const { adminKey } = await newBrand()
    const boss = await newDistributor(adminKey, { name: '店长', type: 'employee' })
    const other = await newDistributor(adminKey, { name: '另一位', type: 'employee' })
    const join = (inviteCode: string, i: number) =>
      call('POST', '/api/join', { body: { inviteCode, name: `p${i}` }, ip: newIp() })
    const statuses: number[] = []
    for (let i = 0; i < limit; i += 10)
      statuses.push(
        ...(await Promise.all(Array.from({ length: 10 }, (_, j) => join(boss.inviteCode, i + j)))).map((r) => r.status),
      )
    expect(statuses).toEqual(Array(limit).fill(201))
    expectRateLimited(await join(boss.inviteCode, limit), windowSeconds)
    expect((await join(other.inviteCode, 0)).status).toBe(201)
  })
})

describe('webhook signatures', () => {
  const ts = () => String(Math.floor(Date.now() / 1000))
  const order = (id: string) =>
    JSON.stringify({
      orderId: id,
      currency: 'CNY',
      paidAt: new Date(HELD_AT - 60_000).toISOString(),
      lines: [{ sku: 'A', qty: 1, unitPrice: '10.00' }],
    })
  const deliver = (brandId: string, secret: string, body: string, ip: string) =>
    call('POST', `/webhooks/${brandId}/orders`, {
      raw: body,
      headers: {
        'content-type': 'application/json',
        'x-ripple-timestamp': ts(),
        'x-ripple-signature': rippleSignature(secret, ts(), body),
      },
      ip,
    })

  it('limits bad signatures per address; a correct one still lands', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.webhookFailuresPerAddress
    const b = await newBrand()
    const ip = newIp()
    const bad = await times(limit, (i) => deliver(b.brand.id, 'whsec_wrong', order(`bad${i}`), ip))
    expect(bad.map((r) => r.status)).toEqual(Array(limit).fill(401))
    expectRateLimited(await deliver(b.brand.id, 'whsec_wrong', order('bad'), ip), windowSeconds)
    expect((await deliver(b.brand.id, b.webhookSecret, order('good1'), ip)).status).toBe(201)
  })

  it('limits bad signatures per brand across addresses; other brands and correct signatures are untouched', async () => {
    const { limit, windowSeconds } = RATE_LIMITS.webhookFailuresPerBrand
    const b = await newBrand()
    const other = await newBrand()
    const bad = await times(limit, (i) => deliver(b.brand.id, 'whsec_wrong', order(`x${i}`), newIp()))
    expect(bad.map((r) => r.status)).toEqual(Array(limit).fill(401))
    expectRateLimited(await deliver(b.brand.id, 'whsec_wrong', order('x'), newIp()), windowSeconds)
    expect((await deliver(b.brand.id, b.webhookSecret, order('good2'), newIp())).status).toBe(201)
    expect((await deliver(other.brand.id, 'whsec_wrong', order('y'), newIp())).status).toBe(401)
  })
})

describe('repeat clicks from one address', () => {
  const { limit } = RATE_LIMITS.countedClicksPerAddressAndCode

  it(`redirects 30 cookie-less clicks from one address in a minute but counts ${limit}`, async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
    const session = await sessionOf(adminKey, d.id)
    const link = await call('POST', '/api/links', { token: session, body: { url: 'https://shop.example.com/p/r1' } })
    const code = String(link.body.code)
    const ip = newIp()
    const click = (from: string) => call('GET', `/s/${code}`, { headers: { 'user-agent': PHONE_UA }, ip: from })
    const rs = await times(30, () => click(ip))
    expect(rs.map((r) => r.status)).toEqual(Array(30).fill(302))
    expect(rs.every((r) => r.res.headers.get('location')?.startsWith('https://shop.example.com/p/r1'))).toBe(true)
    expect(rs.filter((r) => new URL(String(r.res.headers.get('location'))).searchParams.has('rpl_click'))).toHaveLength(
      limit,
    )
    // Another address on the same link is counted as usual.
    expect((await click(newIp())).status).toBe(302)
    await pumpOnce()
    const mine = await call('GET', '/api/me/links', { token: session })
    expect(mine.body.items.find((l: { code: string }) => l.code === code)?.clicks).toBe(limit + 1)
  })
})
