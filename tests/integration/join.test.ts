import { afterEach, describe, expect, it, vi } from 'vitest'
import { call, newBrand, newDistributor, PHONE_UA } from '../support/client'
import { JOIN_REPLAY_MINUTES } from '../../lib/http/routes/join'
import { expectError, tableSnapshot } from '../support/table'

async function inviter(programme: Record<string, unknown> = {}) {
  const { adminKey } = await newBrand(programme)
  const boss = await newDistributor(adminKey, { name: '店长', type: 'employee' })
  return { adminKey, boss }
}

/** The cookie the invite page sets: a repeated requestId is honoured only with it. */
async function deviceCookie(inviteCode: string): Promise<string> {
  const page = await call('GET', `/m/join/${inviteCode}`, { headers: { 'user-agent': PHONE_UA } })
  const device = /rpl_device=([^;]+)/.exec(page.res.headers.get('set-cookie') ?? '')?.[1]
  if (!device) throw new Error(`no device cookie (${page.status})`)
  return `rpl_device=${device}`
}

const listIds = async (adminKey: string) =>
  (await call('GET', '/api/distributors', { token: adminKey })).body.items.map((d: { id: string }) => d.id)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('POST /api/join', () => {
  it('creates a distributor of the default recruit type under the inviter, signed in at once', async () => {
    const { adminKey, boss } = await inviter({ defaultRecruitType: 'partner' })
    const r = await call('POST', '/api/join', { body: { inviteCode: boss.inviteCode, name: '新人' } })
    expect(r.status).toBe(201)
    expect(r.body.distributor).toMatchObject({
      name: '新人',
      type: 'partner',
      parentId: boss.id,
      ancestors: [boss.id],
      depth: 1,
      ring: boss.ring + 1,
      status: 'active',
    })
    expect(r.body.sessionToken).toMatch(/^s1\./)
    const cookie = r.res.headers.get('set-cookie') ?? ''
    expect(cookie).toContain(`rpl_session=${encodeURIComponent(r.body.sessionToken)}`)
    expect(cookie).toMatch(/HttpOnly/i)
    const me = await call('GET', '/api/me', { token: r.body.sessionToken })
    expect(me.body.distributor.id).toBe(r.body.distributor.id)
    expect(await listIds(adminKey)).toEqual([boss.id, r.body.distributor.id])
  })

  it('puts a recruit of an external distributor one ring further out', async () => {
    const { adminKey } = await newBrand()
    const member = await newDistributor(adminKey, { name: '会员', type: 'member' })
    const r = await call('POST', '/api/join', { body: { inviteCode: member.inviteCode, name: 'x' } })
    expect(r.body.distributor).toMatchObject({ ring: 3, type: 'member' })
    const deeper = await call('POST', '/api/join', { body: { inviteCode: r.body.distributor.inviteCode, name: 'y' } })
    expect(deeper.body.distributor).toMatchObject({ ring: 4, depth: 2, ancestors: [r.body.distributor.id, member.id] })
  })

  it('returns the same distributor for the same requestId', async () => {
    const { adminKey, boss } = await inviter()
    const body = { inviteCode: boss.inviteCode, name: '重试', requestId: 'req-abcdef-123' }
    const headers = { cookie: await deviceCookie(boss.inviteCode) }
    const first = await call('POST', '/api/join', { body, headers })
    const second = await call('POST', '/api/join', { body, headers })
    expect(first.status).toBe(201)
    expect(second.status).toBe(200)
    expect(second.body.distributor).toEqual(first.body.distributor)
    expect(await listIds(adminKey)).toHaveLength(2)
    const session = await call('GET', '/api/me', { token: first.body.sessionToken })
    expect(session.status).toBe(200)
  })

  it('creates one distributor for 10 concurrent joins with the same requestId, and counts it once', async () => {
    const { adminKey, boss } = await inviter()
    const body = { inviteCode: boss.inviteCode, name: '并发', requestId: 'req-concurrent-1' }
    const headers = { cookie: await deviceCookie(boss.inviteCode) }
    const rs = await Promise.all(Array.from({ length: 10 }, () => call('POST', '/api/join', { body, headers })))
    expect(rs.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(new Set(rs.map((r) => r.body.distributor.id)).size).toBe(1)
    expect(await listIds(adminKey)).toHaveLength(2)
    const bossSession = (await call('POST', `/api/distributors/${boss.id}/sign-in-links`, { token: adminKey })).body.url
    const signIn = await call('GET', new URL(bossSession).pathname, {
      headers: { 'user-agent': 'Mozilla/5.0 (iPhone) Mobile' },
    })
    const token = decodeURIComponent(/rpl_session=([^;]+)/.exec(signIn.res.headers.get('set-cookie') ?? '')?.[1] ?? '')
    expect((await call('GET', '/api/me/team', { token })).body.levels).toEqual([{ level: 1, count: 1 }])
  })

  it('hands the session back for a repeated requestId only to the browser that joined', async () => {
    const { adminKey, boss } = await inviter()
    const body = { inviteCode: boss.inviteCode, name: '本人', requestId: 'req-device-bound-1' }
    const mine = await deviceCookie(boss.inviteCode)
    const first = await call('POST', '/api/join', { body, headers: { cookie: mine } })
    expect(first.status).toBe(201)
    // Someone who learned the requestId, from another browser or with no device cookie, is not signed in as them.
    for (const headers of [{ cookie: await deviceCookie(boss.inviteCode) }, {}] as Record<string, string>[]) {
      const other = await call('POST', '/api/join', { body, headers })
      expect(other.status).toBe(201)
      expect(other.body.distributor.id).not.toBe(first.body.distributor.id)
      const me = await call('GET', '/api/me', { token: other.body.sessionToken })
      expect(me.body.distributor.id).not.toBe(first.body.distributor.id)
    }
    expect(await listIds(adminKey)).toHaveLength(4)
  })

  it(`closes the replay window ${JOIN_REPLAY_MINUTES} minutes after the join: then a 409 and no session`, async () => {
    const { adminKey, boss } = await inviter()
    const body = { inviteCode: boss.inviteCode, name: '过期重试', requestId: 'req-window-closes-1' }
    const headers = { cookie: await deviceCookie(boss.inviteCode) }
    const first = await call('POST', '/api/join', { body, headers })
    expect(first.status).toBe(201)
    const joinedAt = Date.parse(first.body.distributor.joinedAt)
    vi.spyOn(Date, 'now').mockReturnValue(joinedAt + (JOIN_REPLAY_MINUTES - 1) * 60_000)
    expect((await call('POST', '/api/join', { body, headers })).status).toBe(200)
    vi.spyOn(Date, 'now').mockReturnValue(joinedAt + (JOIN_REPLAY_MINUTES + 1) * 60_000)
    const late = await call('POST', '/api/join', { body, headers })
    expectError(late, 409, 'conflict')
    expect(late.res.headers.get('set-cookie') ?? '').not.toMatch(/rpl_session/)
    expect(await listIds(adminKey)).toHaveLength(2)
  })

  it('creates separate distributors for separate joins without a requestId', async () => {
    const { adminKey, boss } = await inviter()
    const rs = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call('POST', '/api/join', { body: { inviteCode: boss.inviteCode, name: `p${i}` } }),
      ),
    )
    expect(rs.every((r) => r.status === 201)).toBe(true)
    expect(await listIds(adminKey)).toHaveLength(6)
  })

  it('refuses an unknown or malformed invite code with 422 fields.inviteCode and writes nothing', async () => {
    const { boss } = await inviter()
    const before = await tableSnapshot()
    expectError(
      await call('POST', '/api/join', { body: { inviteCode: 'ZZZZZZZZ', name: 'x' } }),
      422,
      'invalid_input',
      ['inviteCode'],
    )
    expectError(
      await call('POST', '/api/join', { body: { inviteCode: 'bad code!', name: 'x' } }),
      422,
      'invalid_input',
      ['inviteCode'],
    )
    expectError(
      await call('POST', '/api/join', { body: { inviteCode: boss.inviteCode, name: '' } }),
      422,
      'invalid_input',
      ['name'],
    )
    expectError(
      await call('POST', '/api/join', { body: { inviteCode: boss.inviteCode, name: 'x', parentId: 'd_x' } }),
      422,
      'invalid_input',
      ['parentId'],
    )
    expectError(
      await call('POST', '/api/join', { body: { inviteCode: boss.inviteCode, name: 'x', requestId: 'short' } }),
      422,
      'invalid_input',
      ['requestId'],
    )
    expect(await tableSnapshot()).toEqual(before)
  })

  it('refuses the invite of a suspended distributor with 422 and writes nothing', async () => {
    const { adminKey, boss } = await inviter()
    await call('PATCH', `/api/distributors/${boss.id}`, { token: adminKey, body: { status: 'suspended' } })
    const before = await tableSnapshot()
    expectError(
      await call('POST', '/api/join', { body: { inviteCode: boss.inviteCode, name: 'x' } }),
      422,
      'invalid_input',
      ['inviteCode'],
    )
    expect(await tableSnapshot()).toEqual(before)
  })
})
