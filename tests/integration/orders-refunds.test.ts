import { describe, expect, it } from 'vitest'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'
import { allEntriesOf, expectBalanceMatchesLedger, expectBalancesMatchLedger } from '../support/ledger'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { getBalance } from '../../lib/db/balances'

/** A brand with a two-level chain (boss ← guide); orders credit the guide by its coupon code. */
async function setup(programme: Record<string, unknown> = {}) {
  const b = await newBrand({ maxLevels: 2, defaultBps: [1000, 500], holdDays: 7, ...programme })
  const boss = await newDistributor(b.adminKey, { name: '店长', type: 'employee' })
  const guide = await newDistributor(b.adminKey, { name: '导购', type: 'guide', parentId: boss.id })
  return { k: b.adminKey, finance: b.financeKey, boss, guide, ids: [boss.id, guide.id] }
}

async function postOrder(s: { k: string; guide: { inviteCode: string } }, orderId: string, lines: unknown[]) {
  const r = await call('POST', '/api/orders', {
    token: s.k,
    body: { orderId, refCode: s.guide.inviteCode, currency: 'CNY', paidAt: new Date().toISOString(), lines },
  })
  expect(r.status, JSON.stringify(r.body)).toBe(201)
  return r.body
}
const refund = (k: string, orderId: string, body: unknown) =>
  call('POST', `/api/orders/${orderId}/refunds`, { token: k, body })

describe('refunds under concurrency', () => {
  it('twenty concurrent deliveries of one refundId reverse once', async () => {
    const s = await setup()
    await postOrder(s, 'o1', [{ sku: 'A', qty: 2, unitPrice: 10000 }])
    const body = { refundId: 'rf-1', lines: [{ sku: 'A', qty: 1 }] }
    const results = await Promise.all(Array.from({ length: 20 }, () => refund(s.k, 'o1', body)))
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 200)).toHaveLength(19)
    for (const r of results) expect(r.body).toEqual(results[0]!.body)
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 1000 })
    expect(await getBalance(s.boss.id, 'CNY', true)).toMatchObject({ pending: 500 })
    expect((await allEntriesOf(s.guide.id)).filter((e) => e.kind === 'reversal')).toHaveLength(1)
    await expectBalancesMatchLedger(s.ids)
  })

  it('concurrent different amount refunds that together exceed the payment: exactly the ones that fit succeed', async () => {
    const s = await setup()
    await postOrder(s, 'o2', [{ sku: 'A', qty: 1, unitPrice: 10000 }])
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) => refund(s.k, 'o2', { refundId: `part-${i}`, amount: 3000 })),
    )
    const ok = results.filter((r) => r.status === 201)
    expect(ok, JSON.stringify(results.map((r) => [r.status, r.body]))).toHaveLength(3)
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(422)
      expect(r.body.error.fields.amount).toMatch(/more than was paid/)
    }
    // 9000 of 10000 refunded: 90% of each commission reversed.
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 100 })
    expect(await getBalance(s.boss.id, 'CNY', true)).toMatchObject({ pending: 50 })
    const order = await call('GET', '/api/orders/o2', { token: s.k })
    expect(order.body.refunds.state.amount).toBe(9000)
    expect(order.body.refunds.ids.sort()).toEqual(ok.map((r) => r.body.refundId).sort())
    await expectBalancesMatchLedger(s.ids)
  })

  it('concurrent different unit refunds of one line: no more units than were bought', async () => {
    const s = await setup()
    await postOrder(s, 'o3', [
      { sku: 'A', qty: 4, unitPrice: 2500 },
      { sku: 'B', qty: 1, unitPrice: 5000 },
    ])
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => refund(s.k, 'o3', { refundId: `unit-${i}`, lines: [{ sku: 'A', qty: 1 }] })),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(4)
    for (const r of results.filter((x) => x.status !== 201)) {
      expect(r.status).toBe(422)
      expect(r.body.error.fields['lines.0.qty']).toMatch(/Only 0 of A/)
    }
    // All of A (10000 of 15000) refunded: level 1 1500 → 500, level 2 750 → 250.
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 500 })
    expect(await getBalance(s.boss.id, 'CNY', true)).toMatchObject({ pending: 250 })
    await expectBalancesMatchLedger(s.ids)
  })
})

describe('refund shapes and lifecycle', () => {
  it('whole lines, then the rest as an amount, reverse every commission in full (one rule per line)', async () => {
    const s = await setup({ maxLevels: 1, defaultBps: [1000] })
    // A pays a fixed amount under its own product rule; B pays the programme default: two entries, one per line.
    await call('POST', '/api/rules', {
      token: s.k,
      body: { name: 'A 固定', scope: 'product', target: 'A', levels: [{ fixed: 300 }] },
    })
    const o = await postOrder(s, 'mix', [
      { sku: 'A', qty: 1, unitPrice: 1000 },
      { sku: 'B', qty: 1, unitPrice: 3000 },
    ])
    expect(o.commissions.map((c: { amount: number }) => c.amount).sort()).toEqual([300, 300])
    expect((await refund(s.k, 'mix', { refundId: 'lineA', lines: [{ sku: 'A', qty: 1 }] })).status).toBe(201)
    expect((await refund(s.k, 'mix', { refundId: 'rest', amount: 3000 })).status).toBe(201)
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 0, available: 0 })
    expect((await refund(s.k, 'mix', { refundId: 'more', amount: 1 })).status).toBe(422)
    await expectBalanceMatchesLedger(s.guide.id)
  })

  it('an available commission shrinks with an available reversal', async () => {
    const s = await setup({ holdDays: 0 })
    await postOrder(s, 'av', [{ sku: 'A', qty: 1, unitPrice: 10000 }])
    const r = await refund(s.k, 'av', { refundId: 'half', amount: '50.00' })
    expect(r.status).toBe(201)
    expect(
      r.body.reversals
        .map((x: { kind: string; status: string; amount: number }) => [x.kind, x.status, x.amount])
        .sort(),
    ).toEqual([
      ['reversal', 'available', -250],
      ['reversal', 'available', -500],
    ])
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ pending: 0, available: 500 })
    await expectBalancesMatchLedger(s.ids)
  })

  it('a settled commission is never edited: the refund adds an available negative adjustment', async () => {
    const s = await setup({ holdDays: 0, maxLevels: 1, defaultBps: [1000] })
    const o = await postOrder(s, 'st', [{ sku: 'A', qty: 1, unitPrice: 10000 }])
    // Stand-in for a settlement batch: the entry and its balance move from available to settled together.
    const entry = (await allEntriesOf(s.guide.id))[0]!
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: keys.ledgerEntry(entry.distributorId, entry.at, entry.entryId),
              UpdateExpression: 'SET #s = :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':s': 'settled' },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: keys.balance(s.guide.id, 'CNY'),
              UpdateExpression: 'ADD available :m, settled :p',
              ExpressionAttributeValues: { ':m': -1000, ':p': 1000 },
            },
          },
        ],
      }),
    )
    expect(o.commissions[0].id).toBe(entry.entryId)
    const r = await refund(s.k, 'st', { refundId: 'after', amount: 2500 })
    expect(r.status).toBe(201)
    expect(r.body.reversals).toEqual([
      expect.objectContaining({ kind: 'adjustment', status: 'available', amount: -250 }),
    ])
    expect(await getBalance(s.guide.id, 'CNY', true)).toMatchObject({ settled: 1000, available: -250 })
    const entries = await allEntriesOf(s.guide.id)
    expect(entries.find((e) => e.entryId === entry.entryId)).toMatchObject({ amount: 1000, status: 'settled' })
    expect(entries.find((e) => e.kind === 'adjustment')).toMatchObject({
      reverses: entry.entryId,
      refundId: 'after',
      orderId: 'st',
    })
    await expectBalanceMatchesLedger(s.guide.id)
  })

  it('reversals show in GET /api/commissions by order and in the order’s refund state', async () => {
    const s = await setup()
    await postOrder(s, 'shown', [{ sku: 'A', qty: 2, unitPrice: 5000 }])
    await refund(s.k, 'shown', { refundId: 'one', lines: [{ sku: 'A', qty: 1 }] })
    const list = await call('GET', '/api/commissions?orderId=shown', { token: s.finance })
    expect(list.status).toBe(200)
    expect(
      list.body.items
        .map((e: { kind: string; amount: number; distributorId: string }) => [e.kind, e.amount, e.distributorId])
        .sort(),
    ).toEqual(
      [
        ['commission', 1000, s.guide.id],
        ['commission', 500, s.boss.id],
        ['reversal', -500, s.guide.id],
        ['reversal', -250, s.boss.id],
      ].sort(),
    )
    const order = await call('GET', '/api/orders/shown', { token: s.finance })
    expect(order.body.refunds).toEqual({ ids: ['one'], state: { qty: { A: 1 }, amount: 0 } })
    // The guide sees the same entries and a balance equal to their sum.
    const me = await call('GET', '/api/me/commissions', { token: await sessionOf(s.k, s.guide.id) })
    expect(me.status).toBe(200)
    expect(me.body.items.map((e: { amount: number }) => e.amount).sort()).toEqual([-500, 1000])
    expect(me.body.balance).toEqual(await expectBalanceMatchesLedger(s.guide.id))
    expect(me.body.balance).toMatchObject({ currency: 'CNY', pending: 500 })
    await expectBalancesMatchLedger(s.ids)
  })
})
