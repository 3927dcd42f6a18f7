import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db/client'
import { call, newBrand, newDistributor } from '../support/client'
import { expectBalancesMatchLedger } from '../support/ledger'

type Commission = {
  level: number
  distributorId: string
  amount: number
  ruleId: string
  ruleVersion: number
  bps?: number
}

// Double 11 in China time: [2025-11-11 00:00, 2025-11-12 00:00) +08:00, i.e. [11-10T16:00Z, 11-11T16:00Z).
const DOUBLE11 = {
  id: 'double11',
  name: '双十一',
  startsAt: '2025-11-11T00:00:00+08:00',
  endsAt: '2025-11-12T00:00:00+08:00',
}
const INSIDE = '2025-11-11T10:00:00+08:00'
// Two lines, so each line is floored on its own: A 2 × 49.99 − 0.03 = 99.95, B 100.00 (another category, no catalogue entry).
const LINES = [
  { sku: 'A', qty: 2, unitPrice: 4999, discount: 3 },
  { sku: 'B', qty: 1, unitPrice: 10000, category: 'makeup' },
]

async function setup() {
  const b = await newBrand({ maxLevels: 2, defaultBps: [100, 50], holdDays: 7 })
  const k = b.adminKey
  const boss = await newDistributor(k, { name: '店长', type: 'employee' })
  const guide = await newDistributor(k, { name: '导购', type: 'guide', parentId: boss.id })
  const made = async (path: string, body: Record<string, unknown>) => {
    const r = await call('POST', path, { token: k, body })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    return r.body as { id: string; version: number }
  }
  return { k, finance: b.financeKey, boss, guide, made }
}

const brief = (cs: Commission[]) =>
  cs
    .map((c) => [c.level, c.distributorId, c.ruleId, c.ruleVersion, c.amount])
    .sort((a, b) => Number(a[0]) - Number(b[0]))

describe('campaign rules through orders (DynamoDB Local)', () => {
  it('pay only for orders paid inside a running campaign, stop when it is deactivated, and the preview agrees', async () => {
    const s = await setup()
    await s.made('/api/campaigns', DOUBLE11)
    const rule = await s.made('/api/rules', {
      name: '双十一加码',
      scope: 'campaign',
      target: 'double11',
      levels: [{ bps: 1500 }, { bps: 400 }],
    })
    // A rule naming a campaign never created is refused (tests/integration/rules.test.ts), so it cannot pay, however generous.
    expect(
      (
        await call('POST', '/api/rules', {
          token: s.k,
          body: {
            name: '不存在的活动',
            scope: 'campaign',
            target: 'no-such-campaign',
            levels: [{ bps: 5000 }, { bps: 5000 }],
          },
        })
      ).status,
    ).toBe(422)

    const order = async (orderId: string, paidAt: string) => {
      const r = await call('POST', '/api/orders', {
        token: s.k,
        body: { orderId, refCode: s.guide.inviteCode, currency: 'CNY', paidAt, lines: LINES },
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      return brief(r.body.commissions)
    }
    const preview = async (paidAt: string) => {
      const r = await call('POST', '/api/rules/preview', {
        token: s.k,
        body: { refCode: s.guide.inviteCode, paidAt, lines: LINES },
      })
      expect(r.status, JSON.stringify(r.body)).toBe(200)
      return brief(r.body.commissions)
    }
    // Programme default: 1% and 0.5% of 9,995 and 10,000, each line floored: 99 + 100, 49 + 50.
    const programme = [
      [1, s.guide.id, 'programme', 0, 199],
      [2, s.boss.id, 'programme', 0, 99],
    ]
    // The campaign rule: 15% → 1,499 (1,499.25) + 1,500; 4% → 399 (399.8) + 400.
    const campaign = [
      [1, s.guide.id, rule.id, 1, 2999],
      [2, s.boss.id, rule.id, 1, 799],
    ]

    expect(await preview(INSIDE)).toEqual(campaign)
    expect(await order('before', '2025-11-10T23:59:59.999+08:00')).toEqual(programme)
    expect(await order('starts', DOUBLE11.startsAt)).toEqual(campaign)
    expect(await order('inside', INSIDE)).toEqual(campaign)
    expect(await order('ends', DOUBLE11.endsAt)).toEqual(programme)

    // The brand ends the campaign early: a late order paid inside the window no longer earns its rate, nor does the preview.
    const off = await call('PUT', '/api/campaigns/double11', { token: s.k, body: { ...DOUBLE11, active: false } })
    expect(off.status, JSON.stringify(off.body)).toBe(200)
    expect(await preview(INSIDE)).toEqual(programme)
    expect(await order('late-webhook', INSIDE)).toEqual(programme)

    // Entries already written keep the rule, version and rate they used.
    const listed = await call('GET', `/api/commissions?distributorId=${s.guide.id}&limit=100`, { token: s.finance })
    const entry = (orderId: string) =>
      listed.body.items
        .filter((e: { orderId: string }) => e.orderId === orderId)
        .map((e: Commission) => [e.ruleId, e.ruleVersion, e.bps, e.amount])
    expect(entry('inside')).toEqual([[rule.id, 1, 1500, 2999]])
    expect(entry('late-webhook')).toEqual([['programme', 0, 100, 199]])

    // Switched on again, it pays again: the campaign is read at each order, not cached in the rule.
    await call('PUT', '/api/campaigns/double11', { token: s.k, body: { ...DOUBLE11, active: true } })
    expect(await order('back-on', INSIDE)).toEqual(campaign)
    await expectBalancesMatchLedger([s.guide.id, s.boss.id])
  })

  it("the rule's own window narrows the campaign's; a product rule still outranks it", async () => {
    const s = await setup()
    await s.made('/api/campaigns', DOUBLE11)
    const evening = await s.made('/api/rules', {
      name: '晚场',
      scope: 'campaign',
      target: 'double11',
      levels: [{ bps: 2000 }],
      startsAt: '2025-11-11T20:00:00+08:00',
      endsAt: '2025-12-01T00:00:00+08:00',
    })
    const product = await s.made('/api/rules', {
      name: 'B 商品',
      scope: 'product',
      target: 'B',
      levels: [{ bps: 300 }],
    })
    const at = async (orderId: string, paidAt: string) => {
      const r = await call('POST', '/api/orders', {
        token: s.k,
        body: { orderId, refCode: s.guide.inviteCode, currency: 'CNY', paidAt, lines: LINES },
      })
      expect(r.status, JSON.stringify(r.body)).toBe(201)
      return (r.body.commissions as Commission[])
        .filter((c) => c.level === 1)
        .map((c) => [c.ruleId, c.amount])
        .sort()
    }
    // Morning: campaign running, rule not yet → A at the programme's 1% (99), B by its product rule (300).
    expect(await at('morning', INSIDE)).toEqual(
      [
        [product.id, 300],
        ['programme', 99],
      ].sort(),
    )
    // Evening: both running → A at 20% (1,999), B still by its product rule.
    expect(await at('evening', '2025-11-11T21:00:00+08:00')).toEqual(
      [
        [evening.id, 1999],
        [product.id, 300],
      ].sort(),
    )
    // The day after: the rule is live but the campaign is over.
    expect(await at('day-after', '2025-11-12T09:00:00+08:00')).toEqual(
      [
        [product.id, 300],
        ['programme', 99],
      ].sort(),
    )
  })

  it('ingestion reads the targeted campaigns by key with the candidates, in three round trips and never a Scan', async () => {
    const s = await setup()
    await s.made('/api/campaigns', DOUBLE11)
    await s.made('/api/rules', { name: '双十一', scope: 'campaign', target: 'double11', levels: [{ bps: 1500 }] })
    const client = db()
    const send = client.send.bind(client)
    const seen: Array<{ name: string; input: Record<string, unknown> }> = []
    client.send = (async (
      command: { constructor: { name: string }; input: Record<string, unknown> },
      ...rest: unknown[]
    ) => {
      seen.push({ name: command.constructor.name, input: command.input })
      return (send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest)
    }) as typeof client.send
    try {
      const r = await call('POST', '/api/orders', {
        token: s.k,
        body: { orderId: 'counted', refCode: s.guide.inviteCode, currency: 'CNY', paidAt: INSIDE, lines: LINES },
      })
      expect(r.status).toBe(201)
    } finally {
      client.send = send
    }
    expect(seen.map((c) => c.name)).not.toContain('ScanCommand')
    // The API key; the order's facts beside the rules Query; the candidate, the upline its code remembered and the campaign; the write.
    expect(seen.map((c) => c.name)).toEqual([
      'GetCommand',
      'BatchGetCommand',
      'QueryCommand',
      'BatchGetCommand',
      'TransactWriteCommand',
    ])
    const second = JSON.stringify(seen[3]?.input)
    expect(second).toContain('CAMPAIGN#double11')
    expect(second).toContain(`DIST#${s.guide.id}`)
    expect(seen.some((c) => c.name === 'QueryCommand' && JSON.stringify(c.input).includes('CAMPAIGN#'))).toBe(false)
  })
})
