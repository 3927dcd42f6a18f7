import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { tableSnapshot } from '../support/table'
import { allEntriesOf, expectBalancesMatchLedger } from '../support/ledger'

type Commission = {
  level: number
  distributorId: string
  amount: number
  ruleId: string
  ruleVersion: number
  bps?: number
  fixed?: number
}

async function setup(programme: Record<string, unknown> = {}) {
  const b = await newBrand({ maxLevels: 2, defaultBps: [100, 50], holdDays: 7, ...programme })
  const k = b.adminKey
  const boss = await newDistributor(k, { name: '店长', type: 'employee' })
  const guide = await newDistributor(k, { name: '导购', type: 'guide', parentId: boss.id })
  const member = await newDistributor(k, { name: '会员', type: 'member', parentId: boss.id })
  return { k, finance: b.financeKey, boss, guide, member, ids: [boss.id, guide.id, member.id] }
}
async function rule(k: string, body: Record<string, unknown>) {
  const r = await call('POST', '/api/rules', { token: k, body })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body as { id: string; version: number }
}
async function post(k: string, body: Record<string, unknown>): Promise<{ commissions: Commission[] }> {
  const r = await call('POST', '/api/orders', {
    token: k,
    body: { currency: 'CNY', paidAt: new Date().toISOString(), ...body },
  })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}
const brief = (cs: Commission[]) => cs.map((c) => [c.level, c.ruleId, c.ruleVersion, c.amount])

describe('rule versions', () => {
  it('PUT bumps the version; old entries keep the old rule version and rate, new ones the new', async () => {
    const s = await setup()
    const r = await rule(s.k, { name: '默认', scope: 'default', levels: [{ bps: 1000 }, { bps: 300 }] })
    expect(r.version).toBe(1)
    const lines = [{ sku: 'A', qty: 1, unitPrice: 10000 }]
    const o1 = await post(s.k, { orderId: 'v1', refCode: s.guide.inviteCode, lines })
    expect(brief(o1.commissions)).toEqual([
      [1, r.id, 1, 1000],
      [2, r.id, 1, 300],
    ])

    const put = await call('PUT', `/api/rules/${r.id}`, {
      token: s.k,
      body: { name: '默认 v2', scope: 'default', levels: [{ bps: 2000 }] },
    })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({ id: r.id, version: 2, name: '默认 v2' })
    expect((await call('GET', '/api/rules', { token: s.k })).body.items).toEqual([
      expect.objectContaining({ id: r.id, version: 2, levels: [{ bps: 2000 }] }),
    ])
    const o2 = await post(s.k, { orderId: 'v2', refCode: s.guide.inviteCode, lines })
    // Level 2 is no longer in the rule: the programme default pays it.
    expect(brief(o2.commissions)).toEqual([
      [1, r.id, 2, 2000],
      [2, 'programme', 0, 50],
    ])

    const del = await call('DELETE', `/api/rules/${r.id}`, { token: s.k })
    expect(del.body.version).toBe(3)
    const o3 = await post(s.k, { orderId: 'v3', refCode: s.guide.inviteCode, lines })
    expect(brief(o3.commissions)).toEqual([
      [1, 'programme', 0, 100],
      [2, 'programme', 0, 50],
    ])

    // The ledger still explains each order by the version it used, refunds included.
    await call('POST', '/api/orders/v1/refunds', { token: s.k, body: { refundId: 'after-change', amount: 5000 } })
    const listed = await call('GET', `/api/commissions?distributorId=${s.guide.id}&limit=100`, { token: s.finance })
    const byOrder = (orderId: string, kind = 'commission') =>
      listed.body.items.filter((e: { orderId: string; kind: string }) => e.orderId === orderId && e.kind === kind)
    expect(byOrder('v1')).toEqual([expect.objectContaining({ ruleId: r.id, ruleVersion: 1, bps: 1000, amount: 1000 })])
    expect(byOrder('v1', 'reversal')).toEqual([
      expect.objectContaining({ ruleId: r.id, ruleVersion: 1, bps: 1000, amount: -500 }),
    ])
    expect(byOrder('v2')).toEqual([expect.objectContaining({ ruleId: r.id, ruleVersion: 2, bps: 2000, amount: 2000 })])
    expect(byOrder('v3')).toEqual([expect.objectContaining({ ruleId: 'programme', ruleVersion: 0, bps: 100 })])
    await expectBalancesMatchLedger(s.ids)
  })

  it('concurrent PUTs of one rule never share a version', async () => {
    const s = await setup()
    const r = await rule(s.k, { name: 'r', scope: 'default', levels: [{ bps: 100 }] })
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call('PUT', `/api/rules/${r.id}`, {
          token: s.k,
          body: { name: `r${i}`, scope: 'default', levels: [{ bps: 100 + i }] },
        }),
      ),
    )
    const ok = results.filter((x) => x.status === 200)
    for (const x of results.filter((y) => y.status !== 200)) expect(x.status).toBe(409)
    const versions = ok.map((x) => x.body.version as number)
    expect(new Set(versions).size).toBe(versions.length)
    const stored = (await call('GET', '/api/rules', { token: s.k })).body.items[0]
    expect(stored.version).toBe(1 + ok.length)
    expect(ok.find((x) => x.body.version === stored.version)?.body.name).toBe(stored.name)
  })
})

describe('rule resolution through orders', () => {
  it('a campaign rule pays only for orders paid inside its window, and ranks below category', async () => {
    const s = await setup({ maxLevels: 1 })
    const start = Date.now() - 86_400_000
    const end = Date.now() + 86_400_000
    // The campaign runs for a week around now; the rule's own window is the narrower one here (tests/integration/campaign-rules.test.ts has the campaign's).
    const campaign = await call('POST', '/api/campaigns', {
      token: s.k,
      body: {
        id: 'double11',
        name: '双十一',
        startsAt: new Date(start - 3 * 86_400_000).toISOString(),
        endsAt: new Date(end + 3 * 86_400_000).toISOString(),
      },
    })
    expect(campaign.status).toBe(201)
    const c = await rule(s.k, {
      name: '双十一',
      scope: 'campaign',
      target: 'double11',
      levels: [{ bps: 1500 }],
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
    })
    const cat = await rule(s.k, { name: '护肤', scope: 'category', target: 'skincare', levels: [{ bps: 800 }] })
    const lines = [{ sku: 'A', qty: 1, unitPrice: 10000 }]
    const at = async (orderId: string, ms: number, ls: unknown[] = lines) =>
      brief(
        (await post(s.k, { orderId, refCode: s.guide.inviteCode, paidAt: new Date(ms).toISOString(), lines: ls }))
          .commissions,
      )
    expect(await at('before', start - 1)).toEqual([[1, 'programme', 0, 100]])
    expect(await at('starts', start)).toEqual([[1, c.id, 1, 1500]])
    expect(await at('inside', Date.now())).toEqual([[1, c.id, 1, 1500]])
    expect(await at('ends', end)).toEqual([[1, 'programme', 0, 100]])
    expect(await at('category', Date.now(), [{ sku: 'B', qty: 1, unitPrice: 10000, category: 'skincare' }])).toEqual([
      [1, cat.id, 1, 800],
    ])
  })

  it('a type-specific rule beats a general one at the same scope, level by level', async () => {
    const s = await setup()
    const general = await rule(s.k, {
      name: '通用',
      scope: 'product',
      target: 'A',
      levels: [{ bps: 1000 }, { bps: 500 }],
    })
    const guides = await rule(s.k, {
      name: '导购专享',
      scope: 'product',
      target: 'A',
      types: ['guide'],
      levels: [{ bps: 2000 }],
    })
    const lines = [{ sku: 'A', qty: 1, unitPrice: 10000 }]
    expect(brief((await post(s.k, { orderId: 'by-guide', refCode: s.guide.inviteCode, lines })).commissions)).toEqual([
      [1, guides.id, 1, 2000],
      [2, general.id, 1, 500], // the boss is an employee, and the guide rule has no level 2
    ])
    expect(brief((await post(s.k, { orderId: 'by-member', refCode: s.member.inviteCode, lines })).commissions)).toEqual(
      [
        [1, general.id, 1, 1000],
        [2, general.id, 1, 500],
      ],
    )
  })

  it('capPerOrder caps each level of each order on its own, and refunds reverse the capped amount pro rata', async () => {
    const s = await setup()
    const capped = await rule(s.k, {
      name: '礼盒',
      scope: 'product',
      target: 'GIFT',
      levels: [{ fixed: '10.00' }, { fixed: 400 }],
      capPerOrder: '25.00',
    })
    const lines = [{ sku: 'GIFT', qty: 5, unitPrice: 50000 }]
    for (const orderId of ['cap-1', 'cap-2']) {
      expect(brief((await post(s.k, { orderId, refCode: s.guide.inviteCode, lines })).commissions)).toEqual([
        [1, capped.id, 1, 2500], // 5 × 1000 = 5000, capped
        [2, capped.id, 1, 2000], // 5 × 400, under the cap
      ])
    }
    const r = await call('POST', '/api/orders/cap-1/refunds', {
      token: s.k,
      body: { refundId: 'one', lines: [{ sku: 'GIFT', qty: 1 }] },
    })
    expect(r.body.reversals.map((x: { amount: number }) => x.amount).sort((a: number, b: number) => a - b)).toEqual([
      -500, -400,
    ])
    expect((await allEntriesOf(s.guide.id)).reduce((sum, e) => sum + e.amount, 0)).toBe(2500 * 2 - 500)
    await expectBalancesMatchLedger(s.ids)
  })

  it('the preview writes nothing and prices an order exactly as ingestion then does', async () => {
    const s = await setup()
    await rule(s.k, { name: '礼盒', scope: 'product', target: 'GIFT', levels: [{ fixed: 700 }], capPerOrder: 1000 })
    await rule(s.k, { name: '导购', scope: 'default', types: ['guide'], levels: [{ bps: 1200 }, { bps: 300 }] })
    const lines = [
      { sku: 'GIFT', qty: 2, unitPrice: 9900 },
      { sku: 'A', qty: 3, unitPrice: '19.99', discount: 97 },
    ]
    const before = await tableSnapshot()
    const preview = await call('POST', '/api/rules/preview', {
      token: s.k,
      body: { refCode: s.guide.inviteCode, lines },
    })
    expect(preview.status).toBe(200)
    expect(await tableSnapshot()).toEqual(before)
    expect(preview.body.attribution).toEqual({ distributorId: s.guide.id, source: 'refCode' })
    expect(preview.body.total).toBe(2 * 9900 + 3 * 1999 - 97)
    const byType = await call('POST', '/api/rules/preview', { token: s.k, body: { type: 'guide', lines } })
    const real = await post(s.k, { orderId: 'previewed', refCode: s.guide.inviteCode, lines })
    const shape = (cs: Commission[]) => cs.map((c) => [c.level, c.ruleId, c.ruleVersion, c.amount]).sort()
    expect(shape(preview.body.commissions)).toEqual(shape(real.commissions))
    expect(
      byType.body.commissions
        .filter((c: Commission) => c.level === 1)
        .map((c: Commission) => c.amount)
        .sort(),
    ).toEqual(
      real.commissions
        .filter((c) => c.level === 1)
        .map((c) => c.amount)
        .sort(),
    )
  })
})
