import { afterEach, describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { type FaultRun, injectFaults, type FaultPlan } from '../support/faults'
import { allEntriesOf, expectBalancesMatchLedger } from '../support/ledger'
import { expectError, tableSnapshot } from '../support/table'
import { getBalance } from '../../lib/db/balances'

// DynamoDB's failures on the order and refund paths (tests/support/faults.ts): each is retried
// where it should be (the SDK for throttling, 500s and timeouts; transactWrite for cancellations;
// ingestOrder / refundOrder for lost races), and nothing is half written or written twice.

let run: FaultRun | undefined
afterEach(() => {
  run?.stop()
  run = undefined
})
const faults = (plan: FaultPlan) => {
  run = injectFaults(plan)
  return run
}

async function setup() {
  const b = await newBrand({ maxLevels: 2, defaultBps: [1000, 500], holdDays: 7 })
  const boss = await newDistributor(b.adminKey, { name: '店长', type: 'employee' })
  const guide = await newDistributor(b.adminKey, { name: '导购', type: 'guide', parentId: boss.id })
  return { k: b.adminKey, boss, guide, ids: [boss.id, guide.id] }
}
type Setup = Awaited<ReturnType<typeof setup>>

/** One payment time for every delivery of an order: a resend is the same body. */
const PAID_AT = new Date().toISOString()
const orderBody = (s: Setup, orderId: string, unitPrice = 10000) => ({
  orderId,
  refCode: s.guide.inviteCode,
  customerId: `c-${orderId}`,
  currency: 'CNY',
  paidAt: PAID_AT,
  lines: [{ sku: 'A', qty: 1, unitPrice }],
})
const postOrder = (s: Setup, body: unknown) => call('POST', '/api/orders', { token: s.k, body })
const refund = (s: Setup, orderId: string, body: unknown) =>
  call('POST', `/api/orders/${orderId}/refunds`, { token: s.k, body })

/** The order's commissions are in the ledger exactly once and every balance is its entries' sum. */
async function expectOrderOnce(s: Setup, orderId: string) {
  const guide = (await allEntriesOf(s.guide.id)).filter((e) => e.orderId === orderId && e.kind === 'commission')
  const boss = (await allEntriesOf(s.boss.id)).filter((e) => e.orderId === orderId && e.kind === 'commission')
  expect([guide.length, boss.length]).toEqual([1, 1])
  await expectBalancesMatchLedger(s.ids)
}

describe('order ingestion under DynamoDB faults', () => {
  it('a transaction cancelled for a conflict, then for throttling, is retried and written once', async () => {
    const s = await setup()
    const f = faults([
      { command: 'TransactWriteItems', nth: 1, fault: 'conflict' },
      { command: 'TransactWriteItems', nth: 2, fault: 'txThrottle' },
      { command: 'TransactWriteItems', nth: 3, fault: 'txProvisioned' },
    ])
    const r = await postOrder(s, orderBody(s, 'o1'))
    f.stop()
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(f.count('TransactWriteItems')).toBe(4)
    expect(f.count('TransactWriteItems', 'txThrottle')).toBe(1)
    await expectOrderOnce(s, 'o1')
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 1000 })
  })

  it('throttling and a 500 are retried by the SDK itself', async () => {
    const s = await setup()
    const f = faults([
      { command: 'BatchGetItem', nth: 1, fault: 'internal' },
      { command: 'TransactWriteItems', nth: 1, fault: 'throttle' },
      { command: 'TransactWriteItems', nth: 2, fault: 'provisioned' },
    ])
    const r = await postOrder(s, orderBody(s, 'o2'))
    f.stop()
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    // One send each: the retries are the SDK's (attempt 2, 3 of the same send).
    expect(f.calls.filter((c) => c.command === 'TransactWriteItems').map((c) => c.attempt)).toEqual([1, 2, 3])
    expect(f.sdkRetries('BatchGetItem')).toBe(1)
    await expectOrderOnce(s, 'o2')
  })

  it('a write applied and then timed out is recognised as the same order, not a conflict', async () => {
    const s = await setup()
    const f = faults([{ command: 'TransactWriteItems', nth: 1, fault: 'timeoutAfterWrite' }])
    const r = await postOrder(s, orderBody(s, 'o3'))
    f.stop()
    expect([200, 201], JSON.stringify(r.body)).toContain(r.status)
    expect(f.sdkRetries('TransactWriteItems')).toBe(1)
    expect(r.body.commissions.map((c: { amount: number }) => c.amount)).toEqual([1000, 500])
    await expectOrderOnce(s, 'o3')
  })

  it('timeouts on every attempt answer 503 with Retry-After; the resent order is the same order', async () => {
    const s = await setup()
    const f = faults([{ command: 'TransactWriteItems', fault: 'timeoutAfterWrite' }])
    const r = await postOrder(s, orderBody(s, 'o4'))
    f.stop()
    expectError(r, 503, 'unavailable')
    expect(r.res.headers.get('retry-after')).toBe('5')
    expect(f.count('TransactWriteItems')).toBe(3)
    const again = await postOrder(s, orderBody(s, 'o4'))
    expect(again.status, JSON.stringify(again.body)).toBe(200)
    expect(again.body.commissions.map((c: { amount: number }) => c.amount)).toEqual([1000, 500])
    await expectOrderOnce(s, 'o4')
  })

  it('an order that keeps conflicting answers 503 with Retry-After and writes nothing; resent, it is written', async () => {
    const s = await setup()
    const before = await tableSnapshot()
    const f = faults([{ command: 'TransactWriteItems', fault: 'conflict' }])
    const r = await postOrder(s, orderBody(s, 'o5'))
    f.stop()
    expectError(r, 503, 'unavailable')
    expect(r.res.headers.get('retry-after')).toBe('5')
    // 8 decisions, each transaction tried 5 times.
    expect(f.count('TransactWriteItems')).toBe(40)
    expect(await tableSnapshot()).toEqual(before)
    expect((await postOrder(s, orderBody(s, 'o5'))).status).toBe(201)
    await expectOrderOnce(s, 'o5')
    // A different body under the same id is still the sender's mistake: 409.
    expectError(await postOrder(s, orderBody(s, 'o5', 20000)), 409, 'conflict')
  })

  it('unprocessed keys are asked for again; unprocessed for good answers 503 and writes nothing', async () => {
    const s = await setup()
    const f = faults([{ command: 'BatchGetItem', nth: [1, 2], fault: 'unprocessed' }])
    const r = await postOrder(s, orderBody(s, 'o6'))
    f.stop()
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body.attribution.distributorId).toBe(s.guide.id)
    expect(f.count('BatchGetItem', 'unprocessed')).toBe(2)
    await expectOrderOnce(s, 'o6')

    const before = await tableSnapshot()
    const g = faults([{ command: 'BatchGetItem', fault: 'unprocessed' }])
    const stuck = await postOrder(s, orderBody(s, 'o7'))
    g.stop()
    expectError(stuck, 503, 'unavailable')
    expect(g.count('BatchGetItem')).toBe(6)
    expect(await tableSnapshot()).toEqual(before)
  })
})

describe('refunds under DynamoDB faults', () => {
  it('cancellations and throttling are retried; the refund reverses once', async () => {
    const s = await setup()
    expect((await postOrder(s, orderBody(s, 'r1'))).status).toBe(201)
    const f = faults([
      { command: 'TransactWriteItems', nth: 1, fault: 'txThrottle' },
      { command: 'TransactWriteItems', nth: 2, fault: 'conflict' },
      { command: 'TransactWriteItems', nth: 3, fault: 'throttle' },
      { command: 'BatchGetItem', nth: 1, fault: 'unprocessed' },
    ])
    const r = await refund(s, 'r1', { refundId: 'rf1', amount: 5000 })
    f.stop()
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(f.count('TransactWriteItems')).toBe(4)
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 500 })
    expect((await allEntriesOf(s.guide.id)).filter((e) => e.kind === 'reversal')).toHaveLength(1)
    await expectBalancesMatchLedger(s.ids)
  })

  it('a refund applied then timed out is the same refund on retry, and a resend after 503 too', async () => {
    const s = await setup()
    expect((await postOrder(s, orderBody(s, 'r2'))).status).toBe(201)
    const f = faults([{ command: 'TransactWriteItems', nth: 1, fault: 'timeoutAfterWrite' }])
    const r = await refund(s, 'r2', { refundId: 'rf2', amount: 3000 })
    f.stop()
    expect([200, 201], JSON.stringify(r.body)).toContain(r.status)
    const g = faults([{ command: 'TransactWriteItems', fault: 'timeoutAfterWrite' }])
    const r3 = await refund(s, 'r2', { refundId: 'rf3', amount: 2000 })
    g.stop()
    expectError(r3, 503, 'unavailable')
    expect((await refund(s, 'r2', { refundId: 'rf3', amount: 2000 })).status).toBe(200)
    // 5000 of 10000 refunded once each: half of each commission reversed.
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 500 })
    expect(await getBalance(s.boss.id, 'CNY', true)).toMatchObject({ pending: 250 })
    expect((await allEntriesOf(s.guide.id)).filter((e) => e.kind === 'reversal')).toHaveLength(2)
    await expectBalancesMatchLedger(s.ids)
  })

  it('a refund that keeps conflicting answers 503 with Retry-After and writes nothing', async () => {
    const s = await setup()
    expect((await postOrder(s, orderBody(s, 'r4'))).status).toBe(201)
    const before = await tableSnapshot()
    const f = faults([{ command: 'TransactWriteItems', fault: 'txProvisioned' }])
    const r = await refund(s, 'r4', { refundId: 'rf4', amount: 1000 })
    f.stop()
    expectError(r, 503, 'unavailable')
    expect(r.res.headers.get('retry-after')).toBe('5')
    expect(await tableSnapshot()).toEqual(before)
    expect((await refund(s, 'r4', { refundId: 'rf4', amount: 1000 })).status).toBe(201)
    await expectBalancesMatchLedger(s.ids)
  })
})
