import { describe, expect, it } from 'vitest'
import { randomBytes } from 'node:crypto'
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { expectBalanceMatchesLedger, expectBalancesMatchLedger } from '../support/ledger'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { getBalance } from '../../lib/db/balances'

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

/** A click item as the redirect writes it, at a chosen time (the redirect always stamps "now"). */
async function writeClick(brandId: string, distributorId: string, at: string): Promise<string> {
  const clickId = `k${randomBytes(8).toString('hex')}`
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.click(clickId),
        entity: 'click',
        clickId,
        code: 'x',
        brandId,
        distributorId,
        visitorId: 'v',
        uaClass: 'mobile',
        at,
      },
    }),
  )
  return clickId
}

const line = { sku: 'A', qty: 1, unitPrice: 10000 }
const order = (orderId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  currency: 'CNY',
  paidAt: iso(Date.now()),
  lines: [line],
  ...extra,
})

async function post(k: string, body: Record<string, unknown>) {
  const r = await call('POST', '/api/orders', { token: k, body })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}
const why = async (k: string, orderId: string) => (await call('GET', `/api/orders/${orderId}`, { token: k })).body.why

describe('clickId and the binding window', () => {
  it('a click inside the window wins; an expired one falls through to refCode, then binding, and says why', async () => {
    const b = await newBrand({ bindingDays: 15, defaultBps: [1000], maxLevels: 1 })
    const k = b.adminKey
    const [clicker, coupon, bound] = await Promise.all(
      ['点击', '优惠码', '绑定'].map((name) => newDistributor(k, { name, type: 'guide' })),
    )
    const now = Date.now()
    const fresh = await writeClick(b.brand.id, clicker!.id, iso(now - 10 * DAY))
    const old = await writeClick(b.brand.id, clicker!.id, iso(now - 20 * DAY))

    const o1 = await post(k, order('in-window', { clickId: fresh, refCode: coupon!.inviteCode }))
    expect(o1.attribution).toEqual({ distributorId: clicker!.id, source: 'click' })
    expect((await why(k, 'in-window')).candidates.map((c: { outcome: string }) => c.outcome)).toEqual([
      'won',
      'outranked',
    ])

    const o2 = await post(k, order('expired-to-ref', { clickId: old, refCode: coupon!.inviteCode }))
    expect(o2.attribution).toEqual({ distributorId: coupon!.id, source: 'refCode' })
    const w2 = await why(k, 'expired-to-ref')
    expect(w2.candidates[0]).toMatchObject({ source: 'click', distributorId: clicker!.id, outcome: 'expired' })
    expect(w2.candidates[0].detail).toMatch(/20 days .* 15 days/)
    expect(w2.candidates[1]).toMatchObject({ source: 'refCode', outcome: 'won' })

    await post(k, order('bind', { refCode: bound!.inviteCode, customerId: 'cust-1', paidAt: iso(now - DAY) }))
    const o3 = await post(k, order('expired-to-binding', { clickId: old, customerId: 'cust-1' }))
    expect(o3.attribution).toEqual({ distributorId: bound!.id, source: 'binding' })
    expect(
      (await why(k, 'expired-to-binding')).candidates.map(
        (c: { source: string; outcome: string }) => `${c.source}:${c.outcome}`,
      ),
    ).toEqual(['click:expired', 'binding:won'])

    const o4 = await post(k, order('expired-alone', { clickId: old }))
    expect(o4.attribution).toEqual({ distributorId: null, source: null })
    expect(o4.commissions).toEqual([])
    await expectBalancesMatchLedger([clicker!.id, coupon!.id, bound!.id])
  })

  it('a real click through /s/:code, with payment 16 days later, is outside a 15-day window', async () => {
    const b = await newBrand({ bindingDays: 15, defaultBps: [1000], maxLevels: 1 })
    const k = b.adminKey
    await call('POST', '/api/products', {
      token: k,
      body: { sku: 'A', name: '精华', price: 10000, url: 'https://shop.example.com/p/a' },
    })
    const d = await newDistributor(k, { name: '导购', type: 'guide' })
    const link = await call('POST', '/api/links', { token: await sessionOf(k, d.id), body: { productId: 'A' } })
    const click = await call('GET', `/s/${link.body.code}`, { headers: { 'user-agent': PHONE_UA } })
    const clickId = new URL(click.res.headers.get('location') ?? '').searchParams.get('rpl_click') ?? ''
    expect(clickId).not.toBe('')
    // The redirect stamps "now" and paidAt may not be more than a day ahead: move the real click 20 days back.
    const clickedAt = Date.now() - 20 * DAY
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.click(clickId),
        UpdateExpression: 'SET #at = :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':at': iso(clickedAt) },
      }),
    )
    const late = await post(k, order('late', { clickId, paidAt: iso(clickedAt + 16 * DAY) }))
    expect(late.attribution.distributorId).toBeNull()
    expect((await why(k, 'late')).candidates[0]).toMatchObject({ source: 'click', outcome: 'expired' })
    const onTime = await post(k, order('on-time', { clickId, paidAt: iso(clickedAt + 14 * DAY) }))
    expect(onTime.attribution).toEqual({ distributorId: d.id, source: 'click' })
  })

  it('an unknown click id, or another brand’s, is explained as unknown and never credits', async () => {
    const a = await newBrand({ defaultBps: [1000], maxLevels: 1 })
    const other = await newBrand({ defaultBps: [1000], maxLevels: 1 })
    const theirs = await newDistributor(other.adminKey, { name: '别家', type: 'guide' })
    const theirClick = await writeClick(other.brand.id, theirs.id, iso(Date.now() - DAY))
    for (const [orderId, clickId] of [
      ['u1', 'nosuchclick'],
      ['u2', theirClick],
    ] as const) {
      const r = await post(a.adminKey, order(orderId, { clickId }))
      expect(r.attribution.distributorId).toBeNull()
      expect((await why(a.adminKey, orderId)).candidates).toEqual([
        expect.objectContaining({ source: 'click', outcome: 'unknown' }),
      ])
    }
    // And a code of the other brand is no code here.
    const r = await post(a.adminKey, order('u3', { refCode: theirs.inviteCode }))
    expect(r.attribution.distributorId).toBeNull()
    expect((await why(a.adminKey, 'u3')).candidates[0]).toMatchObject({ source: 'refCode', outcome: 'unknown' })
    expect(await getBalance(theirs.id, 'CNY', true)).toMatchObject({ pending: 0, available: 0 })
  })
})

describe('customer binding', () => {
  it.each([
    ['first', 'keeps the unexpired binding'],
    ['last', 'rebinds to the newest attribution'],
  ] as const)('policy %s %s', async (bindingPolicy, _what) => {
    const b = await newBrand({ bindingPolicy, bindingDays: 15, defaultBps: [1000], maxLevels: 1 })
    const k = b.adminKey
    const first = await newDistributor(k, { name: '先', type: 'guide' })
    const second = await newDistributor(k, { name: '后', type: 'guide' })
    const t0 = Date.now() - 3 * DAY
    expect(
      (await post(k, order('b1', { customerId: 'c', refCode: first.inviteCode, paidAt: iso(t0) }))).attribution
        .distributorId,
    ).toBe(first.id)
    // A code beats the binding for that order, under either policy.
    expect(
      (await post(k, order('b2', { customerId: 'c', refCode: second.inviteCode, paidAt: iso(t0 + DAY) }))).attribution,
    ).toEqual({ distributorId: second.id, source: 'refCode' })
    const third = await post(k, order('b3', { customerId: 'c', paidAt: iso(t0 + 2 * DAY) }))
    expect(third.attribution).toEqual({
      distributorId: bindingPolicy === 'first' ? first.id : second.id,
      source: 'binding',
    })
    // An order that arrives late (paid before the binding was made) never moves it back.
    await post(k, order('b0', { customerId: 'c', refCode: first.inviteCode, paidAt: iso(t0 - DAY) }))
    const fourth = await post(k, order('b4', { customerId: 'c', paidAt: iso(t0 + 2 * DAY + 1000) }))
    expect(fourth.attribution.distributorId).toBe(third.attribution.distributorId)
    await expectBalancesMatchLedger([first.id, second.id])
  })

  it('bindingDays 0 binds for good and never expires a click; a 15-day binding expires', async () => {
    const forever = await newBrand({ bindingDays: 0, defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(forever.adminKey, { name: '永久', type: 'member' })
    await post(
      forever.adminKey,
      order('p1', { customerId: 'c', refCode: d.inviteCode, paidAt: '2025-01-01T00:00:00.000Z' }),
    )
    expect((await post(forever.adminKey, order('p2', { customerId: 'c' }))).attribution).toEqual({
      distributorId: d.id,
      source: 'binding',
    })
    const ancient = await writeClick(forever.brand.id, d.id, iso(Date.now() - 380 * DAY))
    expect((await post(forever.adminKey, order('p3', { clickId: ancient }))).attribution).toEqual({
      distributorId: d.id,
      source: 'click',
    })

    const brief = await newBrand({ bindingDays: 15, defaultBps: [1000], maxLevels: 1 })
    const e = await newDistributor(brief.adminKey, { name: '短期', type: 'member' })
    await post(
      brief.adminKey,
      order('q1', { customerId: 'c', refCode: e.inviteCode, paidAt: iso(Date.now() - 20 * DAY) }),
    )
    expect((await post(brief.adminKey, order('q2', { customerId: 'c' }))).attribution.distributorId).toBeNull()
    expect((await why(brief.adminKey, 'q2')).candidates).toEqual([
      expect.objectContaining({ source: 'binding', distributorId: e.id, outcome: 'expired' }),
    ])
    await expectBalanceMatchesLedger(d.id)
    await expectBalanceMatchesLedger(e.id)
  })
})

describe('self-purchase', () => {
  it('allow credits the buyer’s own code', async () => {
    const b = await newBrand({ selfPurchase: 'allow', defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(b.adminKey, { name: '自购', type: 'member', externalId: 'cust-self' })
    const r = await post(b.adminKey, order('s1', { refCode: d.inviteCode, customerId: 'cust-self' }))
    expect(r.attribution).toEqual({ distributorId: d.id, source: 'refCode' })
    expect(r.commissions.map((c: { amount: number }) => c.amount)).toEqual([1000])
  })

  it('deny skips the buyer’s own code and falls through to the customer’s binding', async () => {
    const b = await newBrand({ selfPurchase: 'deny', defaultBps: [1000], maxLevels: 1 })
    const self = await newDistributor(b.adminKey, { name: '自购', type: 'member', externalId: 'cust-self' })
    const other = await newDistributor(b.adminKey, { name: '他人', type: 'member' })
    await post(
      b.adminKey,
      order('s0', { refCode: other.inviteCode, customerId: 'cust-self', paidAt: iso(Date.now() - DAY) }),
    )
    const r = await post(b.adminKey, order('s1', { refCode: self.inviteCode, customerId: 'cust-self' }))
    expect(r.attribution).toEqual({ distributorId: other.id, source: 'binding' })
    expect((await why(b.adminKey, 's1')).candidates.map((c: { outcome: string }) => c.outcome)).toEqual([
      'self_purchase',
      'won',
    ])
    expect(await getBalance(self.id, 'CNY', true)).toMatchObject({ pending: 0 })
  })
})

describe('the paid chain', () => {
  /** root ← a ← b ← c ← d: d is the credited distributor, each one recruited by the next. */
  async function ladder(programme: Record<string, unknown>) {
    const brand = await newBrand({ defaultBps: [1000, 500, 200, 100, 50], ...programme })
    const k = brand.adminKey
    const root = await newDistributor(k, { name: 'root', type: 'employee' })
    const a = await newDistributor(k, { name: 'a', type: 'guide', parentId: root.id })
    const b = await newDistributor(k, { name: 'b', type: 'guide', parentId: a.id })
    const c = await newDistributor(k, { name: 'c', type: 'member', parentId: b.id })
    const d = await newDistributor(k, { name: 'd', type: 'member', parentId: c.id })
    return { k, root, a, b, c, d, all: [root.id, a.id, b.id, c.id, d.id] }
  }
  const levels = (r: { commissions: Array<{ level: number; distributorId: string; amount: number }> }) =>
    r.commissions.map((c) => [c.level, c.distributorId, c.amount])

  it('a suspended level-2 distributor is skipped without shifting levels; maxLevels is respected', async () => {
    const s = await ladder({ maxLevels: 3 })
    expect(
      (await call('PATCH', `/api/distributors/${s.c.id}`, { token: s.k, body: { status: 'suspended' } })).status,
    ).toBe(200)
    const r = await post(s.k, order('chain', { refCode: s.d.inviteCode }))
    expect(levels(r)).toEqual([
      [1, s.d.id, 1000],
      [3, s.b.id, 200], // still paid as level 3, at level 3's rate
    ])
    const w = await why(s.k, 'chain')
    expect(w.skipped).toEqual([{ level: 2, distributorId: s.c.id, reason: 'suspended' }])
    expect(w.chain.map((m: { level: number; distributorId: string }) => [m.level, m.distributorId])).toEqual([
      [1, s.d.id],
      [3, s.b.id],
    ])
    for (const id of [s.c.id, s.a.id, s.root.id])
      expect(await getBalance(id, 'CNY', true)).toMatchObject({ pending: 0, available: 0 })
    await expectBalancesMatchLedger(s.all)
  })

  it('a suspended credited distributor is never credited; the next source takes over', async () => {
    const s = await ladder({ maxLevels: 2 })
    await post(s.k, order('bind-b', { refCode: s.b.inviteCode, customerId: 'cust', paidAt: iso(Date.now() - DAY) }))
    await call('PATCH', `/api/distributors/${s.d.id}`, { token: s.k, body: { status: 'suspended' } })
    const alone = await post(s.k, order('susp-1', { refCode: s.d.inviteCode }))
    expect(alone.attribution.distributorId).toBeNull()
    expect(alone.commissions).toEqual([])
    expect((await why(s.k, 'susp-1')).candidates).toEqual([
      expect.objectContaining({ source: 'refCode', distributorId: s.d.id, outcome: 'suspended' }),
    ])
    const fallback = await post(s.k, order('susp-2', { refCode: s.d.inviteCode, customerId: 'cust' }))
    expect(fallback.attribution).toEqual({ distributorId: s.b.id, source: 'binding' })
    expect(levels(fallback)).toEqual([
      [1, s.b.id, 1000],
      [2, s.a.id, 500],
    ])
    expect(await getBalance(s.d.id, 'CNY', true)).toMatchObject({ pending: 0, available: 0 })
    await expectBalancesMatchLedger(s.all)
  })

  it('levels beyond the recruiter chain simply stop', async () => {
    const s = await ladder({ maxLevels: 5 })
    const top = await post(s.k, order('top', { refCode: s.root.inviteCode }))
    expect(levels(top)).toEqual([[1, s.root.id, 1000]])
    const mid = await post(s.k, order('mid', { refCode: s.b.inviteCode }))
    expect(levels(mid)).toEqual([
      [1, s.b.id, 1000],
      [2, s.a.id, 500],
      [3, s.root.id, 200],
    ])
    const full = await post(s.k, order('full', { refCode: s.d.inviteCode }))
    expect(levels(full).map((x) => x[0])).toEqual([1, 2, 3, 4, 5])
    await expectBalancesMatchLedger(s.all)
  })
})
