import { describe, expect, it, vi } from 'vitest'
import { ScanCommand } from '@aws-sdk/lib-dynamodb'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { db } from '../../lib/db/client'

describe('POST /api/distributors: placement (ring rule, docs/architecture.md §4.3)', () => {
  it('puts internal roots on ring 1 and each recruit one ring further out, whatever its type', async () => {
    const { adminKey } = await newBrand()
    const root = await newDistributor(adminKey, { name: '员工', type: 'employee' })
    expect(root).toMatchObject({ ring: 1, depth: 0, ancestors: [], parentId: null, type: 'employee', status: 'active' })
    const member = await newDistributor(adminKey, { name: '会员', type: 'member', parentId: root.id })
    expect(member).toMatchObject({ ring: 2, depth: 1, ancestors: [root.id], parentId: root.id })
    const guide = await newDistributor(adminKey, { name: '导购', type: 'guide', parentId: member.id })
    expect(guide).toMatchObject({ ring: 3, depth: 2, ancestors: [member.id, root.id], parentId: member.id })
  })

  it('puts external roots on ring 2', async () => {
    const { adminKey } = await newBrand()
    for (const type of ['member', 'partner', 'media']) {
      const d = await newDistributor(adminKey, { name: type, type })
      expect(d).toMatchObject({ ring: 2, depth: 0, ancestors: [] })
      const recruit = await newDistributor(adminKey, { name: `${type} recruit`, type: 'employee', parentId: d.id })
      expect(recruit).toMatchObject({ ring: 3, depth: 1, ancestors: [d.id] })
    }
    for (const type of ['guide', 'online_rep', 'offline_rep'])
      expect((await newDistributor(adminKey, { name: type, type })).ring).toBe(1)
  })

  it('keeps ancestors nearest first and capped at 10 down a long chain', async () => {
    const { adminKey } = await newBrand()
    const chain = [await newDistributor(adminKey, { name: 'd0', type: 'offline_rep' })]
    for (let i = 1; i <= 12; i++) {
      const d = await newDistributor(adminKey, {
        name: `d${i}`,
        type: i % 2 ? 'member' : 'guide',
        parentId: chain[i - 1]!.id,
      })
      expect(d.depth).toBe(i)
      expect(d.ring).toBe(1 + i)
      expect(d.ancestors).toEqual(
        chain
          .slice(Math.max(0, i - 10), i)
          .map((x) => x.id)
          .reverse(),
      )
      chain.push(d)
    }
    // GET returns what POST did
    const last = chain[12]!
    const got = await call('GET', `/api/distributors/${last.id}`, { token: adminKey })
    expect(got.body).toEqual(last)
  })

  it('refuses a recruiter of another brand with a 404 and writes nothing', async () => {
    const a = await newBrand()
    const b = await newBrand()
    const foreign = await newDistributor(b.adminKey, { name: 'B 的人', type: 'employee' })
    const before = await tableSnapshot()
    const r = await call('POST', '/api/distributors', {
      token: a.adminKey,
      body: { name: 'x', type: 'member', parentId: foreign.id, externalId: 'ext-1' },
    })
    expectError(r, 404, 'not_found', ['parentId'])
    expectError(
      await call('POST', '/api/distributors', {
        token: a.adminKey,
        body: { name: 'x', type: 'member', parentId: 'd_missing' },
      }),
      404,
      'not_found',
      ['parentId'],
    )
    expect(await tableSnapshot()).toEqual(before)
    expect((await call('GET', '/api/distributors', { token: a.adminKey })).body.items).toEqual([])
  })

  it('returns the same distributor (200) for the same externalId, and 409 for a different type', async () => {
    const { adminKey } = await newBrand()
    const first = await call('POST', '/api/distributors', {
      token: adminKey,
      body: { name: '张三', type: 'employee', externalId: 'HR-001' },
    })
    expect(first.status).toBe(201)
    expect(first.body.externalId).toBe('HR-001')
    const again = await call('POST', '/api/distributors', {
      token: adminKey,
      body: { name: '张三', type: 'employee', externalId: 'HR-001' },
    })
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    const before = await tableSnapshot()
    const clash = await call('POST', '/api/distributors', {
      token: adminKey,
      body: { name: '张三', type: 'member', externalId: 'HR-001' },
    })
    expectError(clash, 409, 'conflict', ['externalId'])
    expect(await tableSnapshot()).toEqual(before)
    const list = await call('GET', '/api/distributors', { token: adminKey })
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([first.body.id])
  })

  it('creates one distributor for 10 concurrent requests with the same externalId', async () => {
    const { adminKey } = await newBrand()
    const rs = await Promise.all(
      Array.from({ length: 10 }, () =>
        call('POST', '/api/distributors', {
          token: adminKey,
          body: { name: '李四', type: 'guide', externalId: 'HR-002' },
        }),
      ),
    )
    expect(rs.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201])
    expect(new Set(rs.map((r) => r.body.id)).size).toBe(1)
    expect((await call('GET', '/api/distributors', { token: adminKey })).body.items).toHaveLength(1)
  })
})

describe('GET /api/distributors', () => {
  it('pages over every distributor of the brand exactly once, with keyed queries only', async () => {
    const { adminKey } = await newBrand()
    const other = await newBrand()
    await newDistributor(other.adminKey, { name: 'other', type: 'member' })
    const ids: string[] = []
    for (let i = 0; i < 120; i += 10) {
      const batch = await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          newDistributor(adminKey, { name: `d${i + j}`, type: j % 2 ? 'member' : 'employee' }),
        ),
      )
      ids.push(...batch.map((d) => d.id))
    }
    const send = vi.spyOn(db(), 'send')
    try {
      const seen: string[] = []
      let cursor: string | undefined
      let pages = 0
      do {
        const r = await call(
          'GET',
          `/api/distributors?limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          { token: adminKey },
        )
        expect(r.status).toBe(200)
        expect(r.body.items.length).toBeLessThanOrEqual(50)
        seen.push(...r.body.items.map((d: { id: string }) => d.id))
        cursor = r.body.nextCursor
        pages++
      } while (cursor && pages < 10)
      expect(pages).toBeGreaterThanOrEqual(3)
      expect(seen).toHaveLength(120)
      expect(new Set(seen)).toEqual(new Set(ids))
      expect(send.mock.calls.some(([cmd]) => cmd instanceof ScanCommand)).toBe(false)
    } finally {
      send.mockRestore()
    }
  })
})

describe('PATCH /api/distributors/:id', () => {
  it('suspends a distributor: their session then gets 403 on /api/me, and stays signed out once reactivated', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: 'x', type: 'guide' })
    const session = await sessionOf(adminKey, d.id)
    expect((await call('GET', '/api/me', { token: session })).status).toBe(200)
    const r = await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { status: 'suspended' } })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ id: d.id, status: 'suspended', ring: 1, depth: 0 })
    expectError(await call('GET', '/api/me', { token: session }), 403, 'forbidden')
    expectError(
      await call('POST', '/api/links', { token: session, body: { url: 'https://shop.example.com/' } }),
      403,
      'forbidden',
    )
    await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { status: 'active', name: '新名' } })
    // The session minted before the suspension ended with it (issue 11); a new sign-in works.
    expectError(await call('GET', '/api/me', { token: session }), 401, 'unauthorized')
    const me = await call('GET', '/api/me', { token: await sessionOf(adminKey, d.id) })
    expect(me.status).toBe(200)
    expect(me.body.distributor).toMatchObject({ status: 'active', name: '新名' })
  })

  it('refuses a recruiter from its own team (self, child, grandchild) with 422 fields.parentId and changes nothing', async () => {
    const { adminKey } = await newBrand()
    const top = await newDistributor(adminKey, { name: 'top', type: 'employee' })
    const child = await newDistributor(adminKey, { name: 'child', type: 'member', parentId: top.id })
    const grandchild = await newDistributor(adminKey, { name: 'grandchild', type: 'member', parentId: child.id })
    const before = await tableSnapshot()
    for (const parentId of [top.id, child.id, grandchild.id]) {
      expectError(
        await call('PATCH', `/api/distributors/${top.id}`, { token: adminKey, body: { parentId } }),
        422,
        'invalid_input',
        ['parentId'],
      )
    }
    expectError(
      await call('PATCH', `/api/distributors/${child.id}`, {
        token: adminKey,
        body: { parentId: grandchild.id, name: 'renamed' },
      }),
      422,
      'invalid_input',
      ['parentId'],
    )
    expect(await tableSnapshot()).toEqual(before)
  })

  it('refuses a cycle through a chain deeper than the 10 stored ancestors', async () => {
    const { adminKey } = await newBrand()
    const chain = [await newDistributor(adminKey, { name: 'd0', type: 'employee' })]
    for (let i = 1; i <= 13; i++)
      chain.push(await newDistributor(adminKey, { name: `d${i}`, type: 'member', parentId: chain[i - 1]!.id }))
    const before = await tableSnapshot()
    expectError(
      await call('PATCH', `/api/distributors/${chain[0]!.id}`, { token: adminKey, body: { parentId: chain[13]!.id } }),
      422,
      'invalid_input',
      ['parentId'],
    )
    expect(await tableSnapshot()).toEqual(before)
  })

  it('moves a whole subtree: every member’s ancestors, depth and ring, and both recruiters’ team counts', async () => {
    const { adminKey } = await newBrand()
    const r = await newDistributor(adminKey, { name: 'R', type: 'employee' }) // ring 1
    const a = await newDistributor(adminKey, { name: 'A', type: 'guide', parentId: r.id }) // ring 2
    const b = await newDistributor(adminKey, { name: 'B', type: 'member', parentId: a.id }) // moved root
    const c1 = await newDistributor(adminKey, { name: 'C1', type: 'member', parentId: b.id })
    const c2 = await newDistributor(adminKey, { name: 'C2', type: 'member', parentId: b.id })
    const d = await newDistributor(adminKey, { name: 'D', type: 'member', parentId: c1.id })
    const x = await newDistributor(adminKey, { name: 'X', type: 'partner' }) // ring 2 root
    const y = await newDistributor(adminKey, { name: 'Y', type: 'member', parentId: x.id }) // new recruiter, ring 3
    const stay = await newDistributor(adminKey, { name: 'stay', type: 'member', parentId: a.id })

    const sessions = Object.fromEntries(
      await Promise.all([r, a, x, y, b].map(async (n) => [n.id, await sessionOf(adminKey, n.id)] as const)),
    )
    const levels = async (id: string) => (await call('GET', '/api/me/team', { token: sessions[id] })).body.levels
    expect(await levels(r.id)).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 2 },
      { level: 3, count: 2 },
      { level: 4, count: 1 },
    ])
    expect(await levels(a.id)).toEqual([
      { level: 1, count: 2 },
      { level: 2, count: 2 },
      { level: 3, count: 1 },
    ])
    expect(await levels(x.id)).toEqual([{ level: 1, count: 1 }])

    const moved = await call('PATCH', `/api/distributors/${b.id}`, { token: adminKey, body: { parentId: y.id } })
    expect(moved.status).toBe(200)
    expect(moved.body).toMatchObject({ id: b.id, parentId: y.id, ancestors: [y.id, x.id], depth: 2, ring: 4 })

    const get = async (id: string) => (await call('GET', `/api/distributors/${id}`, { token: adminKey })).body
    expect(await get(b.id)).toMatchObject({ parentId: y.id, ancestors: [y.id, x.id], depth: 2, ring: 4 })
    expect(await get(c1.id)).toMatchObject({ parentId: b.id, ancestors: [b.id, y.id, x.id], depth: 3, ring: 5 })
    expect(await get(c2.id)).toMatchObject({ parentId: b.id, ancestors: [b.id, y.id, x.id], depth: 3, ring: 5 })
    expect(await get(d.id)).toMatchObject({ parentId: c1.id, ancestors: [c1.id, b.id, y.id, x.id], depth: 4, ring: 6 })
    expect(await get(stay.id)).toMatchObject({ parentId: a.id, ancestors: [a.id, r.id], depth: 2, ring: 3 })

    expect(await levels(r.id)).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 1 },
    ])
    expect(await levels(a.id)).toEqual([{ level: 1, count: 1 }])
    expect(await levels(y.id)).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 2 },
      { level: 3, count: 1 },
    ])
    expect(await levels(x.id)).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 1 },
      { level: 3, count: 2 },
      { level: 4, count: 1 },
    ])
    expect(await levels(b.id)).toEqual([
      { level: 1, count: 2 },
      { level: 2, count: 1 },
    ])
    // The recruits lists follow the move.
    expect(
      (await call('GET', '/api/me/team', { token: sessions[a.id] })).body.recruits.map((m: { id: string }) => m.id),
    ).toEqual([stay.id])
    expect(
      (await call('GET', '/api/me/team', { token: sessions[y.id] })).body.recruits.map((m: { id: string }) => m.id),
    ).toEqual([b.id])

    // Back to the top as a root: an external root is ring 2.
    const rooted = await call('PATCH', `/api/distributors/${b.id}`, { token: adminKey, body: { parentId: null } })
    expect(rooted.body).toMatchObject({ parentId: null, ancestors: [], depth: 0, ring: 2 })
    expect(await get(d.id)).toMatchObject({ ancestors: [c1.id, b.id], depth: 2, ring: 4 })
    expect(await levels(x.id)).toEqual([{ level: 1, count: 1 }])
    expect(await levels(y.id)).toEqual([])
  })

  it('moves a root’s whole team one ring out when its type changes from employee to member, and back', async () => {
    const { adminKey } = await newBrand()
    const root = await newDistributor(adminKey, { name: 'root', type: 'employee' })
    const k1 = await newDistributor(adminKey, { name: 'k1', type: 'guide', parentId: root.id })
    const k2 = await newDistributor(adminKey, { name: 'k2', type: 'member', parentId: k1.id })
    const session = await sessionOf(adminKey, root.id)
    const teamBefore = (await call('GET', '/api/me/team', { token: session })).body.levels

    const r = await call('PATCH', `/api/distributors/${root.id}`, { token: adminKey, body: { type: 'member' } })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ type: 'member', ring: 2, depth: 0, parentId: null })
    const get = async (id: string) => (await call('GET', `/api/distributors/${id}`, { token: adminKey })).body
    expect(await get(k1.id)).toMatchObject({ ring: 3, depth: 1, ancestors: [root.id], type: 'guide' })
    expect(await get(k2.id)).toMatchObject({ ring: 4, depth: 2, ancestors: [k1.id, root.id] })
    expect((await call('GET', '/api/me/team', { token: session })).body.levels).toEqual(teamBefore)

    await call('PATCH', `/api/distributors/${root.id}`, { token: adminKey, body: { type: 'offline_rep' } })
    expect(await get(root.id)).toMatchObject({ type: 'offline_rep', ring: 1 })
    expect(await get(k2.id)).toMatchObject({ ring: 3 })

    // A recruit changing circle keeps its ring: rings count edges from the brand.
    const k1Changed = await call('PATCH', `/api/distributors/${k1.id}`, { token: adminKey, body: { type: 'partner' } })
    expect(k1Changed.body).toMatchObject({ type: 'partner', ring: 2, depth: 1 })
    expect(await get(k2.id)).toMatchObject({ ring: 3 })
  })

  it('refuses an empty or unknown change with 422', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: 'x', type: 'guide' })
    expectError(await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: {} }), 422, 'invalid_input')
    expectError(
      await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { ring: 5 } }),
      422,
      'invalid_input',
      ['ring'],
    )
    expectError(
      await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { status: 'banned' } }),
      422,
      'invalid_input',
      ['status'],
    )
    expectError(
      await call('PATCH', `/api/distributors/${d.id}`, { token: adminKey, body: { type: 'boss' } }),
      422,
      'invalid_input',
      ['type'],
    )
  })
})

describe('store and payee reference', () => {
  it('are set on create, changed and removed by PATCH, and pending/left are statuses that do not earn', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, {
      name: '店员',
      type: 'guide',
      store: '上海南京路店',
      payeeReference: 'ICBC 6222',
    })
    expect(d).toMatchObject({ store: '上海南京路店', payeeReference: 'ICBC 6222' })
    const changed = await call('PATCH', `/api/distributors/${d.id}`, {
      token: adminKey,
      body: { store: '北京三里屯店', payeeReference: null, status: 'pending' },
    })
    expect(changed.status).toBe(200)
    expect(changed.body.store).toBe('北京三里屯店')
    expect(changed.body.payeeReference).toBeUndefined()
    expect(changed.body.status).toBe('pending')
  })
})
