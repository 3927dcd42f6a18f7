import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { allEntriesOf, expectBalancesMatchLedger } from '../support/ledger'
import { getBinding } from '../../lib/db/orders'
import { getTeamCounts } from '../../lib/db/distributors'
import { handOver } from '../../lib/services/hand-over'
import { importAll } from '../support/import'
import { expectConsistent, expectCountsMatchAncestors, listAll } from '../support/team'
import { MAX_MOVE_MEMBERS } from '../../lib/db/distributors'

const line = { sku: 'A', qty: 1, unitPrice: 10000 }
const order = (orderId: string, extra: Record<string, unknown>) => ({
  orderId,
  currency: 'CNY',
  paidAt: new Date().toISOString(),
  lines: [line],
  ...extra,
})

async function postOrder(k: string, body: Record<string, unknown>) {
  const r = await call('POST', '/api/orders', { token: k, body })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}

/** A store: a guide who will leave (two recruits, one with a recruit of her own, two bound customers) and a successor. */
async function store() {
  const { brand, adminKey } = await newBrand()
  const manager = await newDistributor(adminKey, { name: '店长', type: 'employee' })
  const leaver = await newDistributor(adminKey, { name: '离职导购', type: 'guide', parentId: manager.id })
  const r1 = await newDistributor(adminKey, { name: '会员一', type: 'member', parentId: leaver.id })
  const r1a = await newDistributor(adminKey, { name: '会员一一', type: 'member', parentId: r1.id })
  const r2 = await newDistributor(adminKey, { name: '会员二', type: 'member', parentId: leaver.id })
  const successor = await newDistributor(adminKey, { name: '接任导购', type: 'guide' })
  for (const c of ['c1', 'c2'])
    await postOrder(adminKey, order(`o-${c}`, { customerId: c, refCode: leaver.inviteCode }))
  return { brandId: brand.id, adminKey, manager, leaver, r1, r1a, r2, successor }
}

describe('POST /api/distributors/:id/leave', () => {
  it('moves bound customers and recruits (with their teams) to the successor; later orders credit the successor, past entries stay', async () => {
    const s = await store()
    const before = await allEntriesOf(s.leaver.id)
    expect(before.length).toBeGreaterThan(0)
    expect((await getBinding(s.brandId, 'c1'))?.distributorId).toBe(s.leaver.id)

    const r = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
      token: s.adminKey,
      body: { successorId: s.successor.id },
    })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({
      leaverId: s.leaver.id,
      successorId: s.successor.id,
      status: 'done',
      customersMoved: 2,
      recruitsMoved: 2,
      recruitFailures: [],
    })

    const get = async (id: string) => (await call('GET', `/api/distributors/${id}`, { token: s.adminKey })).body
    expect((await get(s.leaver.id)).status).toBe('left')
    expect(await get(s.r1.id)).toMatchObject({ parentId: s.successor.id, ancestors: [s.successor.id], ring: 2 })
    expect(await get(s.r1a.id)).toMatchObject({ parentId: s.r1.id, ancestors: [s.r1.id, s.successor.id], ring: 3 })
    expect(await getTeamCounts(s.successor.id)).toEqual({ 1: 2, 2: 1 })
    expect(await getTeamCounts(s.leaver.id)).toEqual({})
    expect(await getTeamCounts(s.manager.id)).toEqual({ 1: 1 })
    expect(await getBinding(s.brandId, 'c1')).toMatchObject({
      distributorId: s.successor.id,
      handedOverFrom: s.leaver.id,
    })

    // The customer orders again with no code: the binding credits the successor.
    const later = await postOrder(s.adminKey, order('o-c1-later', { customerId: 'c1' }))
    expect(later.attribution).toEqual({ distributorId: s.successor.id, source: 'binding' })
    expect(await allEntriesOf(s.leaver.id)).toEqual(before)
    // r1's coupon code still remembers her old upline (the leaver, the manager): the order pays her fresh one.
    const viaOldCode = await postOrder(s.adminKey, order('o-r1-later', { customerId: 'c9', refCode: s.r1.inviteCode }))
    expect(
      viaOldCode.commissions.map((c: { level: number; distributorId: string }) => [c.level, c.distributorId]),
    ).toEqual([
      [1, s.r1.id],
      [2, s.successor.id],
    ])
    expect(viaOldCode.commissions.some((c: { distributorId: string }) => c.distributorId === s.leaver.id)).toBe(false)
    expect(await allEntriesOf(s.leaver.id)).toEqual(before)
    await expectBalancesMatchLedger([s.leaver.id, s.successor.id])

    // Shown for the distributor page, and idempotent on a re-run.
    const shown = await call('GET', `/api/distributors/${s.leaver.id}/handover`, { token: s.adminKey })
    expect(shown.body).toMatchObject({ status: 'done', customersMoved: 2, recruitsMoved: 2 })
    const again = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
      token: s.adminKey,
      body: { successorId: s.successor.id },
    })
    expect(again.body).toEqual(shown.body)
    expectError(
      await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
        token: s.adminKey,
        body: { successorId: s.manager.id },
      }),
      409,
      'conflict',
      ['successorId'],
    )
  })

  it("refuses a successor in the leaver's own team, the leaver, an inactive one, another brand's, and writes nothing", async () => {
    const s = await store()
    const other = await newBrand()
    const foreign = await newDistributor(other.adminKey, { name: '别家', type: 'guide' })
    const paused = await newDistributor(s.adminKey, { name: '暂停', type: 'guide' })
    await call('PATCH', `/api/distributors/${paused.id}`, { token: s.adminKey, body: { status: 'suspended' } })
    const leave = (successorId: string) =>
      call('POST', `/api/distributors/${s.leaver.id}/leave`, { token: s.adminKey, body: { successorId } })
    expectError(await leave(s.r1a.id), 422, 'invalid_input', ['successorId'])
    expectError(await leave(s.leaver.id), 422, 'invalid_input', ['successorId'])
    expectError(await leave(paused.id), 422, 'invalid_input', ['successorId'])
    expectError(await leave(foreign.id), 404, 'not_found', ['successorId'])
    expectError(
      await call('POST', `/api/distributors/${s.r1.id}/leave`, {
        token: s.adminKey,
        body: { successorId: s.successor.id },
      }),
      422,
      'invalid_input',
      ['id'],
    )
    expectError(await call('GET', `/api/distributors/${s.leaver.id}/handover`, { token: s.adminKey }), 404, 'not_found')
    expect((await call('GET', `/api/distributors/${s.leaver.id}`, { token: s.adminKey })).body.status).toBe('active')
  })

  it('resumes a hand-over stopped by its time budget (each run makes some progress first)', async () => {
    const s = await store()
    const stopped = await handOver(s.brandId, s.leaver.id, s.successor.id, -1)
    expect(stopped).toMatchObject({ status: 'in_progress', customersMoved: 0, recruitsMoved: 1 })
    expect((await call('GET', `/api/distributors/${s.leaver.id}`, { token: s.adminKey })).body.status).toBe('left')
    const r = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
      token: s.adminKey,
      body: { successorId: s.successor.id },
    })
    expect(r.body).toMatchObject({ status: 'done', customersMoved: 2, recruitsMoved: 2 })
  })
})

/**
 * A guide who will leave, whose recruit has a team of 208 in three levels (8, 40,
 * 160), far over one transaction; a second recruit with one of her own; a bound customer.
 */
async function bigStore() {
  const { brand, adminKey } = await newBrand()
  const manager = await newDistributor(adminKey, { name: '店长', type: 'employee' })
  const leaver = await newDistributor(adminKey, { name: '离职导购', type: 'guide', parentId: manager.id })
  const koc = await newDistributor(adminKey, { name: 'KOC', type: 'partner', parentId: leaver.id })
  const small = await newDistributor(adminKey, { name: '小团队', type: 'member', parentId: leaver.id })
  await newDistributor(adminKey, { name: '小团队一', type: 'member', parentId: small.id })
  const successor = await newDistributor(adminKey, { name: '接任导购', type: 'guide', parentId: manager.id })
  let level = [koc]
  for (const [depth, perParent] of [
    [1, 8],
    [2, 5],
    [3, 4],
  ] as const) {
    const specs = level.flatMap((p) =>
      Array.from({ length: perParent }, (_, i) => ({ name: `L${depth}-${i}`, type: 'member', parentId: p.id })),
    )
    const next = []
    for (let i = 0; i < specs.length; i += 20)
      next.push(...(await Promise.all(specs.slice(i, i + 20).map((b) => newDistributor(adminKey, b)))))
    level = next
  }
  await postOrder(adminKey, order('o-big-c1', { customerId: 'c1', refCode: leaver.inviteCode }))
  return { brandId: brand.id, adminKey, manager, leaver, koc, small, successor, deepest: level[level.length - 1]! }
}

/** A deep member's order pays their fresh upline, the successor included, never the leaver. */
async function expectDeepOrderPaysNewUpline(s: Awaited<ReturnType<typeof bigStore>>) {
  const deep = (await call('GET', `/api/distributors/${s.deepest.id}`, { token: s.adminKey })).body
  expect(deep.ancestors.slice(2)).toEqual([s.koc.id, s.successor.id, s.manager.id])
  const paid = await postOrder(s.adminKey, order('o-deep', { customerId: 'c-deep', refCode: s.deepest.inviteCode }))
  const chain = paid.commissions.map((c: { level: number; distributorId: string }) => [c.level, c.distributorId])
  expect(chain.length).toBeGreaterThan(1)
  expect(chain).toEqual(
    [s.deepest.id, ...deep.ancestors].slice(0, chain.length).map((id: string, i: number) => [i + 1, id]),
  )
  expect(chain.some(([, id]: [number, string]) => id === s.leaver.id)).toBe(false)
}

describe('POST /api/distributors/:id/leave with a team over one transaction', () => {
  it('moves a recruit with 208 in her team in chunks over several runs; placements, counts and commissions end as one move would leave them', async () => {
    const s = await bigStore()
    const runs: string[] = []
    for (let run = 0; run < 30; run++) {
      const r = await handOver(s.brandId, s.leaver.id, s.successor.id, 0)
      runs.push(r.status)
      if (r.status !== 'in_progress') break
    }
    // 209 to move in chunks of at most 80: at least three runs, and the last one done.
    expect(runs.length).toBeGreaterThanOrEqual(3)
    expect(runs.at(-1)).toBe('done')
    const shown = (await call('GET', `/api/distributors/${s.leaver.id}/handover`, { token: s.adminKey })).body
    expect(shown).toMatchObject({ status: 'done', recruitsMoved: 2, customersMoved: 1, recruitFailures: [] })
    expect(shown).not.toHaveProperty('movingRecruitId')

    const all = await expectConsistent(s.adminKey)
    expect(all.find((d) => d.id === s.koc.id)).toMatchObject({
      parentId: s.successor.id,
      ancestors: [s.successor.id, s.manager.id],
      depth: 2,
      ring: 3,
    })
    expect(await getTeamCounts(s.successor.id)).toEqual({ 1: 2, 2: 9, 3: 40, 4: 160 })
    expect(await getTeamCounts(s.leaver.id)).toEqual({})
    expect(await getTeamCounts(s.manager.id)).toEqual({ 1: 2, 2: 2, 3: 9, 4: 40, 5: 160 })
    await expectDeepOrderPaysNewUpline(s)

    // Through the route, a finished hand-over answers its record again.
    const again = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
      token: s.adminKey,
      body: { successorId: s.successor.id },
    })
    expect(again.body).toEqual(shown)
  }, 120_000)

  it('two runs at once (a client retrying) move each member once: every Put is guarded by the placement it replaces', async () => {
    const s = await bigStore()
    const runUntilDone = async () => {
      for (let run = 0; run < 60; run++)
        if ((await handOver(s.brandId, s.leaver.id, s.successor.id, 0)).status !== 'in_progress') return
    }
    await handOver(s.brandId, s.leaver.id, s.successor.id, -1) // the record exists before the two race
    await Promise.all([runUntilDone(), runUntilDone()])
    expect((await call('GET', `/api/distributors/${s.leaver.id}/handover`, { token: s.adminKey })).body).toMatchObject({
      status: 'done',
      recruitsMoved: 2,
      customersMoved: 1,
    })
    await expectConsistent(s.adminKey)
    expect(await getTeamCounts(s.successor.id)).toEqual({ 1: 2, 2: 9, 3: 40, 4: 160 })
    expect(await getTeamCounts(s.manager.id)).toEqual({ 1: 2, 2: 2, 3: 9, 4: 40, 5: 160 })
  }, 120_000)

  it('a run stopped after its first chunk leaves counts right for what it wrote, and the next run finishes exactly', async () => {
    const s = await bigStore()
    const first = await handOver(s.brandId, s.leaver.id, s.successor.id, -1)
    expect(first).toMatchObject({
      status: 'in_progress',
      recruitsMoved: 1,
      customersMoved: 0,
      movingRecruitId: s.koc.id,
    })
    // The first chunk: the recruit and the first members of her team, top-down.
    const mid = await listAll(s.adminKey)
    const placed = mid.filter((d) => d.ancestors.includes(s.successor.id))
    expect(placed.length).toBe(MAX_MOVE_MEMBERS)
    const byDepth: Record<number, number> = {}
    for (const d of placed) byDepth[d.depth] = (byDepth[d.depth] ?? 0) + 1
    expect(byDepth).toEqual({ 2: 1, 3: 8, 4: 40, 5: MAX_MOVE_MEMBERS - 49 })
    await expectCountsMatchAncestors(mid)

    // A second stopped run resumes the same team (no second count); the route then finishes it.
    expect(await handOver(s.brandId, s.leaver.id, s.successor.id, -1)).toMatchObject({
      status: 'in_progress',
      recruitsMoved: 1,
      movingRecruitId: s.koc.id,
    })
    let r = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
      token: s.adminKey,
      body: { successorId: s.successor.id },
    })
    for (let i = 0; r.body.status === 'in_progress' && i < 10; i++)
      r = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
        token: s.adminKey,
        body: { successorId: s.successor.id },
      })
    expect(r.body).toMatchObject({ status: 'done', recruitsMoved: 2, customersMoved: 1 })
    await expectConsistent(s.adminKey)
    expect(await getTeamCounts(s.successor.id)).toEqual({ 1: 2, 2: 9, 3: 40, 4: 160 })
    expect(await getTeamCounts(s.manager.id)).toEqual({ 1: 2, 2: 2, 3: 9, 4: 40, 5: 160 })
    expect(await getTeamCounts(s.leaver.id)).toEqual({})
    await expectDeepOrderPaysNewUpline(s)
  }, 120_000)
})

describe('PATCH /api/distributors/:id and status left', () => {
  it('refuses status left (422 on status, naming the hand-over route) and writes nothing: customers and recruits stay put', async () => {
    const s = await store()
    const before = await tableSnapshot()
    const patch = (id: string, body: Record<string, unknown>) =>
      call('PATCH', `/api/distributors/${id}`, { token: s.adminKey, body })

    const staff = await patch(s.leaver.id, { status: 'left' })
    expectError(staff, 422, 'invalid_input', ['status'])
    expect(Object.keys(staff.body.error.fields)).toEqual(['status'])
    expect(staff.body.error.fields.status).toContain(`POST /api/distributors/${s.leaver.id}/leave`)
    expect(staff.body.error.fields.status).toContain('successorId')
    // Nothing else in the same PATCH is applied either.
    expectError(await patch(s.leaver.id, { status: 'left', name: '改名', store: '上海一店' }), 422, 'invalid_input', [
      'status',
    ])
    // A member is not staff: told to suspend, the route still named.
    const member = await patch(s.r1.id, { status: 'left' })
    expectError(member, 422, 'invalid_input', ['status'])
    expect(member.body.error.fields.status).toContain(`POST /api/distributors/${s.r1.id}/leave`)
    expect(member.body.error.fields.status).toContain('suspend')

    expect(await tableSnapshot()).toEqual(before)
    const get = async (id: string) => (await call('GET', `/api/distributors/${id}`, { token: s.adminKey })).body
    expect(await get(s.leaver.id)).toMatchObject({ status: 'active', name: '离职导购' })
    expect(await get(s.r1.id)).toMatchObject({ status: 'active', parentId: s.leaver.id })
    expect((await getBinding(s.brandId, 'c1'))?.distributorId).toBe(s.leaver.id)

    // Other status changes work as before.
    expect((await patch(s.leaver.id, { status: 'suspended' })).body.status).toBe('suspended')
    expect((await patch(s.leaver.id, { status: 'active' })).body.status).toBe('active')
  })

  it('once they left through the hand-over, PATCH cannot change their status back (409), but other fields still change', async () => {
    const s = await store()
    const left = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
      token: s.adminKey,
      body: { successorId: s.successor.id },
    })
    expect(left.body.status).toBe('done')
    const patch = (body: Record<string, unknown>) =>
      call('PATCH', `/api/distributors/${s.leaver.id}`, { token: s.adminKey, body })

    const before = await tableSnapshot()
    for (const status of ['active', 'suspended', 'pending']) {
      const r = await patch({ status })
      expectError(r, 409, 'conflict', ['status'])
      expect(r.body.error.message).toContain(`POST /api/distributors/${s.leaver.id}/leave`)
    }
    expect(await tableSnapshot()).toEqual(before)

    // Echoing `left` back is no change, and finance can still fix where their earnings are paid.
    expect((await patch({ status: 'left', payeeReference: 'ICBC 6222 0000 1111' })).body).toMatchObject({
      status: 'left',
      payeeReference: 'ICBC 6222 0000 1111',
    })
    expect((await call('GET', `/api/distributors/${s.leaver.id}`, { token: s.adminKey })).body.status).toBe('left')
  })
})

describe('creating a distributor as left', () => {
  it('POST /api/distributors refuses status left (422 on status, naming the hand-over) and writes nothing', async () => {
    const { adminKey } = await newBrand()
    const manager = await newDistributor(adminKey, { name: '店长', type: 'employee' })
    const before = await tableSnapshot()
    for (const body of [
      { name: '前导购', type: 'guide', status: 'left' },
      { name: '前导购', type: 'guide', status: 'left', parentId: manager.id, externalId: 'E900' },
    ]) {
      const r = await call('POST', '/api/distributors', { token: adminKey, body })
      expectError(r, 422, 'invalid_input', ['status'])
      expect(Object.keys(r.body.error.fields)).toEqual(['status'])
      expect(r.body.error.fields.status).toContain('POST /api/distributors/{id}/leave')
    }
    expect(await tableSnapshot()).toEqual(before)
    // The other statuses still start a distributor.
    for (const status of ['pending', 'active', 'suspended'])
      expect(await newDistributor(adminKey, { name: status, type: 'guide', status })).toMatchObject({ status })
  })

  it('a staff file cannot make one either: a status column is not read, and every new row starts active', async () => {
    const { adminKey } = await newBrand()
    const text = ['姓名,类型,工号,状态,status', '张店长,员工,E001,离职,left', '李导购,导购,E002,left,left'].join('\n')
    const { last } = await importAll(adminKey, text)
    expect(last).toMatchObject({ created: 2 })
    const list = await call('GET', '/api/distributors?limit=100', { token: adminKey })
    expect(list.body.items.map((d: { externalId: string; status: string }) => [d.externalId, d.status]).sort()).toEqual(
      [
        ['E001', 'active'],
        ['E002', 'active'],
      ],
    )
  })
})
