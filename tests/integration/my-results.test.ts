import { beforeAll, describe, expect, it } from 'vitest'
import { marshall } from '@aws-sdk/util-dynamodb'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { countReads } from '../support/read-counter'
import { pumpOnce } from '../../lib/local/stream-pump'
import { countStreamChanges } from '../../lib/services/count-stream-changes'
import { readTeamDays } from '../../lib/db/report-counters'
import { getPinnedPlacements, pinPlacements, readPlacements } from '../../lib/db/stream-batch-placements'
import type { StreamRecord } from '../../lib/db/stream-records'

/**
 * "My results" from the counters: a three-level chain A ← B ← C and an outsider O,
 * clicks through share links, orders by coupon code (today, three days ago, and
 * forty days ago, outside the window) and a refund, all through the public API;
 * the stream pumped; then each one's own and team figures from GET /api/me.
 */

const DAY = 86_400_000
const now = Date.now()
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)
const TODAY = dayOf(now)
const THREE_AGO = dayOf(now - 3 * DAY)

const s = { key: '', tokens: {} as Record<'A' | 'B' | 'C' | 'O', string> }
type Who = keyof typeof s.tokens
const codes = {} as Record<Who, string>

async function order(orderId: string, who: Who, paidAt: number, qty: number, unitPrice: number) {
  const r = await call('POST', '/api/orders', {
    token: s.key,
    body: {
      orderId,
      refCode: codes[who],
      currency: 'CNY',
      paidAt: new Date(paidAt).toISOString(),
      lines: [{ sku: 'SKU1', qty, unitPrice }],
    },
  })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
}

/** Clicks on a fresh share link of `who`, each by a new visitor (no cookie). */
async function clicks(who: Who, n: number) {
  const link = await call('POST', '/api/links', {
    token: s.tokens[who],
    body: { url: `https://shop.example.com/p/${who}` },
  })
  expect(link.status).toBe(201)
  for (let i = 0; i < n; i++)
    expect((await call('GET', `/s/${link.body.code}`, { headers: { 'user-agent': PHONE_UA } })).status).toBe(302)
}

const me = async (who: Who) => {
  const r = await call('GET', '/api/me', { token: s.tokens[who] })
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  return r.body
}
/** The days of a series that are not all zero. */
const nonZero = (daily: Array<{ day: string; clicks: number; orders: number; gmv: number }>) =>
  daily.filter((d) => d.clicks || d.orders || d.gmv)

beforeAll(async () => {
  const brand = await newBrand({ maxLevels: 3, defaultBps: [1000, 300, 100] })
  s.key = brand.adminKey
  const a = await newDistributor(s.key, { name: '店长 A', type: 'employee' })
  const b = await newDistributor(s.key, { name: '导购 B', type: 'guide', parentId: a.id })
  const c = await newDistributor(s.key, { name: '会员 C', type: 'member', parentId: b.id })
  const o = await newDistributor(s.key, { name: '路人 O', type: 'member' })
  expect(c.ancestors).toEqual([b.id, a.id])
  for (const [who, d] of [
    ['A', a],
    ['B', b],
    ['C', c],
    ['O', o],
  ] as const) {
    codes[who] = d.inviteCode
    s.tokens[who] = await sessionOf(s.key, d.id)
  }
  await clicks('C', 2)
  await clicks('B', 1)
  await clicks('O', 4)
  await order('o-c-today', 'C', now, 1, 12000)
  await order('o-c-3d', 'C', now - 3 * DAY, 2, 4500)
  await order('o-c-40d', 'C', now - 40 * DAY, 1, 8000)
  await order('o-b-today', 'B', now, 1, 7000)
  await order('o-a-today', 'A', now, 1, 3000)
  await order('o-o-today', 'O', now, 1, 99_999)
  // A refund lowers GMV on the day its order was paid, for C and for C's teams.
  const refund = await call('POST', '/api/orders/o-c-3d/refunds', {
    token: s.key,
    body: { refundId: 'rf-1', amount: 2500 },
  })
  expect(refund.status, JSON.stringify(refund.body)).toBe(201)
  await pumpOnce()
})

describe('GET /api/me: own and team figures from the counters', () => {
  it('gives the bottom of the chain its own figures and an empty team', async () => {
    const c = await me('C')
    expect(c.stats).toMatchObject({
      from: dayOf(now - 29 * DAY),
      to: TODAY,
      clicks: 2,
      orders: 2,
      gmv: 12000 + 9000 - 2500,
      recruits: 0,
    })
    expect(c.stats.daily).toHaveLength(30)
    expect(c.stats.daily.map((d: { day: string }) => d.day)).toEqual(
      Array.from({ length: 30 }, (_, i) => dayOf(now - (29 - i) * DAY)),
    )
    expect(nonZero(c.stats.daily)).toEqual([
      { day: THREE_AGO, clicks: 0, orders: 1, gmv: 6500 },
      { day: TODAY, clicks: 2, orders: 1, gmv: 12000 },
    ])
    expect(c.teamStats).toMatchObject({ clicks: 0, orders: 0, gmv: 0, newMembers: 0 })
    expect(nonZero(c.teamStats.daily)).toEqual([])
  })

  it("gives the middle its own figures and C's as its team", async () => {
    const b = await me('B')
    expect(b.stats).toMatchObject({ clicks: 1, orders: 1, gmv: 7000, recruits: 1 })
    expect(b.teamStats).toMatchObject({
      from: dayOf(now - 29 * DAY),
      to: TODAY,
      clicks: 2,
      orders: 2,
      gmv: 18500,
      newMembers: 1,
    })
    expect(nonZero(b.teamStats.daily)).toEqual([
      { day: THREE_AGO, clicks: 0, orders: 1, gmv: 6500 },
      { day: TODAY, clicks: 2, orders: 1, gmv: 12000 },
    ])
  })

  it('gives the top the whole chain below it as its team, and nothing of the outsider', async () => {
    const a = await me('A')
    expect(a.stats).toMatchObject({ clicks: 0, orders: 1, gmv: 3000, recruits: 1 })
    expect(a.teamStats).toMatchObject({ clicks: 3, orders: 3, gmv: 18500 + 7000, newMembers: 2 })
    expect(a.teamStats.daily).toHaveLength(30)
    expect(nonZero(a.teamStats.daily)).toEqual([
      { day: THREE_AGO, clicks: 0, orders: 1, gmv: 6500 },
      { day: TODAY, clicks: 3, orders: 2, gmv: 19000 },
    ])
    expect(a.team.levels).toEqual([
      { level: 1, count: 1 },
      { level: 2, count: 1 },
    ])
    const o = await me('O')
    expect(o.stats).toMatchObject({ clicks: 4, orders: 1, gmv: 99_999 })
    expect(o.teamStats).toMatchObject({ clicks: 0, orders: 0, gmv: 0, newMembers: 0 })
  })

  it('answers the same team figures on /api/me/team, beside team size by level', async () => {
    const team = await call('GET', '/api/me/team', { token: s.tokens.A })
    expect(team.status).toBe(200)
    expect(team.body.total).toBe(2)
    expect(team.body.stats).toEqual((await me('A')).teamStats)
  })

  it('reads a bounded number of items: more orders cost no more requests, and at most one item per day and shard', async () => {
    const before = await countReads(() => me('A'))
    for (let i = 0; i < 6; i++) await order(`o-more-${i}`, 'C', now - i * DAY, 1, 1000)
    await pumpOnce()
    const after = await countReads(() => me('A'))
    expect(after.result.teamStats.orders).toBe(3 + 6)
    expect(after.requests).toBe(before.requests)
    // Own: one item a day; team: at most four shards a day; plus the distributor, session, team counts, brand and balance.
    expect(after.items).toBeLessThanOrEqual(30 + 30 * 4 + 10)
  })
})

describe('team counters under a retried stream batch', () => {
  it('counts a batch delivered twice once', async () => {
    const brandId = 'b_retry'
    const image = {
      pk: 'BRAND#b_retry#ORDER#o1',
      sk: 'META',
      entity: 'order',
      brandId,
      orderId: 'o1',
      paidAt: new Date(now).toISOString(),
      total: 4200,
      reporting: {
        distributorId: 'd_leaf',
        ring: 3,
        type: 'member',
        ancestors: ['d_mid', 'd_top'],
        firstOrderOfCustomer: false,
        referredCustomer: false,
      },
    }
    const records: StreamRecord[] = [
      {
        eventName: 'INSERT',
        dynamodb: {
          Keys: marshall({ pk: image.pk, sk: image.sk }),
          NewImage: marshall(image),
          SequenceNumber: '900000000000000000001',
        },
      },
    ]
    expect((await countStreamChanges(records)).applied).toBeGreaterThan(0)
    expect(await countStreamChanges(records)).toMatchObject({ applied: 0 })
    for (const id of ['d_mid', 'd_top'])
      expect(await readTeamDays(brandId, id, TODAY, TODAY)).toEqual([
        { day: TODAY, clicks: 0, orders: 1, gmv: 4200, newMembers: 0 },
      ])
    expect(await readTeamDays(brandId, 'd_leaf', TODAY, TODAY)).toEqual([])
  })
})

describe('clicks after a hand-over count where the recruit stands now', () => {
  /** A manager (ring 1) ← a leaving guide (ring 2) ← a recruit (ring 3) with a share link made before the hand-over; a successor guide (ring 1). */
  async function store() {
    const brand = await newBrand({ maxLevels: 3, defaultBps: [1000, 300, 100] })
    const manager = await newDistributor(brand.adminKey, { name: '店长', type: 'employee' })
    const leaver = await newDistributor(brand.adminKey, { name: '离职导购', type: 'guide', parentId: manager.id })
    const recruit = await newDistributor(brand.adminKey, { name: '会员', type: 'member', parentId: leaver.id })
    const successor = await newDistributor(brand.adminKey, { name: '接任导购', type: 'guide' })
    expect(recruit).toMatchObject({ ring: 3, ancestors: [leaver.id, manager.id] })
    const tokens = {
      recruit: await sessionOf(brand.adminKey, recruit.id),
      successor: await sessionOf(brand.adminKey, successor.id),
    }
    const link = await call('POST', '/api/links', {
      token: tokens.recruit,
      body: { url: 'https://shop.example.com/p/handed-over' },
    })
    expect(link.status, JSON.stringify(link.body)).toBe(201)
    return {
      brandId: brand.brand.id,
      adminKey: brand.adminKey,
      manager,
      leaver,
      recruit,
      successor,
      tokens,
      code: link.body.code as string,
    }
  }

  it("counts them in the successor's team and the recruit's new ring, not the leaver's", async () => {
    const s = await store()
    await pumpOnce()
    const left = await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
      token: s.adminKey,
      body: { successorId: s.successor.id },
    })
    expect(left.status, JSON.stringify(left.body)).toBe(200)
    expect(left.body).toMatchObject({ recruitsMoved: 1, recruitFailures: [] })
    for (let i = 0; i < 3; i++)
      expect((await call('GET', `/s/${s.code}`, { headers: { 'user-agent': PHONE_UA } })).status).toBe(302)
    await pumpOnce()

    const team = await call('GET', '/api/me/team', { token: s.tokens.successor })
    expect(team.status, JSON.stringify(team.body)).toBe(200)
    expect(team.body.stats).toMatchObject({ clicks: 3 })
    expect(nonZero(team.body.stats.daily)).toEqual([{ day: TODAY, clicks: 3, orders: 0, gmv: 0 }])
    for (const id of [s.leaver.id, s.manager.id])
      expect((await readTeamDays(s.brandId, id, TODAY, TODAY)).reduce((n, d) => n + d.clicks, 0)).toBe(0)

    const ripple = await call('GET', `/api/reports/ripple?from=${TODAY}&to=${TODAY}`, { token: s.adminKey })
    expect(ripple.status, JSON.stringify(ripple.body)).toBe(200)
    const row = (ring: number) =>
      (ripple.body.rings as Array<{ ring: number; byType: Array<{ type: string; clicks: number; links: number }> }>)
        .find((r) => r.ring === ring)
        ?.byType.find((t) => t.type === 'member')
    expect(row(2)).toMatchObject({ clicks: 3, links: 0 })
    // The link was made in ring 3, and stays counted there.
    expect(row(3)).toMatchObject({ clicks: 0, links: 1 })
    expect(ripple.body.totals.clicks).toBe(3)
  })

  it('a retried batch counts at the placements its first try pinned, once', async () => {
    const s = await store()
    const first = '900000000000000000777'
    const image = {
      pk: 'CLICK#c_retry_1',
      sk: 'META',
      entity: 'click',
      clickId: 'c_retry_1',
      code: s.code,
      brandId: s.brandId,
      distributorId: s.recruit.id,
      ring: 3,
      type: 'member',
      ancestors: [s.leaver.id, s.manager.id],
      at: new Date(now).toISOString(),
    }
    const records: StreamRecord[] = [
      {
        eventName: 'INSERT',
        dynamodb: { Keys: marshall({ pk: image.pk, sk: image.sk }), NewImage: marshall(image), SequenceNumber: first },
      },
    ]
    // A first try that pinned the placements (recruit under the leaver) and stopped before applying anything…
    expect(await pinPlacements(first, await readPlacements([s.recruit.id]))).toBe(true)
    // …then the hand-over, then the retry: it counts where the first try would have, so its chunks match.
    expect(
      (
        await call('POST', `/api/distributors/${s.leaver.id}/leave`, {
          token: s.adminKey,
          body: { successorId: s.successor.id },
        })
      ).status,
    ).toBe(200)
    expect((await countStreamChanges(records)).applied).toBeGreaterThan(0)
    expect(await countStreamChanges(records)).toMatchObject({ applied: 0 })
    expect(await pinPlacements(first, new Map())).toBe(false)
    expect(await getPinnedPlacements(first)).toEqual(
      new Map([[s.recruit.id, { ring: 3, type: 'member', ancestors: [s.leaver.id, s.manager.id] }]]),
    )
    expect(await readTeamDays(s.brandId, s.leaver.id, TODAY, TODAY)).toEqual([expect.objectContaining({ clicks: 1 })])
    expect(await readTeamDays(s.brandId, s.successor.id, TODAY, TODAY)).toEqual([])
  })
})
