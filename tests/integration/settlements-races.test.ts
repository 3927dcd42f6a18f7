import { describe, expect, it } from 'vitest'
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { call, newBrand, newDistributor } from '../support/client'
import { allEntriesOf, expectBalancesMatchLedger } from '../support/ledger'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { transactWrite } from '../../lib/db/transact'
import { balanceUpdate, entryIdFor, entryItem, statusIndex, type LedgerEntry } from '../../lib/db/ledger'
import { createOrGetBatch, getBatch, moveEntries, takeSettlementLock, type Batch } from '../../lib/db/settlements'
import { OrderBody } from '../../lib/schemas/order'
import { ingestOrder } from '../../lib/services/ingest-order'
import { releaseHolds } from '../../lib/services/release-holds'
import { closeSettlement } from '../../lib/services/close-settlement'

type Brand = Awaited<ReturnType<typeof newBrand>>

/** An order for `refCode` of `amount` minor units (10% commission), ingested as if its request began at `now`. */
async function orderAt(b: Brand, orderId: string, refCode: string, paidAt: string, now: Date, unitPrice = 10_000) {
  const body = OrderBody.parse({ orderId, refCode, currency: 'CNY', paidAt, lines: [{ sku: 'A', qty: 1, unitPrice }] })
  const { created } = await ingestOrder(b.brand.id, body, now)
  expect(created).toBe(true)
}

/** Re-sends the close with no time budget until it has planned (one unit of work a run). */
async function closeUntilPlanned(brandId: string, period: string, now: Date): Promise<Batch> {
  let batch = (await closeSettlement(brandId, { period }, { now, budgetMs: 0 })).batch
  for (let runs = 0; !batch.planned; runs++) {
    expect(runs).toBeLessThan(40)
    batch = (await closeSettlement(brandId, { period }, { now, budgetMs: 0 })).batch
  }
  expect(batch.status).toBe('closing')
  return batch
}

/** Re-sends the close (a tiny budget) until it is closed; each re-send must succeed. */
async function closeUntilDone(brandId: string, period: string, now: Date): Promise<Batch> {
  let batch = (await closeSettlement(brandId, { period }, { now, budgetMs: 0 })).batch
  for (let runs = 0; batch.status === 'closing'; runs++) {
    expect(runs).toBeLessThan(80)
    batch = (await closeSettlement(brandId, { period }, { now, budgetMs: 0 })).batch
  }
  return batch
}

/**
 * Every cent where it belongs: each batch's totals equal the sum of the entries
 * settled into it, no entry is in two batches, and balances equal their entries.
 */
async function expectReconciled(distributorIds: string[], batches: Batch[]) {
  const entries = (await Promise.all(distributorIds.map(allEntriesOf))).flat()
  for (const batch of batches) {
    const moved = entries.filter((e) => e.settlementId === batch.batchId)
    expect({ batch: batch.batchId, net: batch.totals?.net, entries: batch.totals?.entries }).toEqual({
      batch: batch.batchId,
      net: moved.reduce((s, e) => s + e.amount, 0),
      entries: moved.length,
    })
    expect({ movedAmount: batch.movedAmount, movedEntries: batch.movedEntries }).toEqual({
      movedAmount: batch.totals?.net,
      movedEntries: batch.totals?.entries,
    })
  }
  const ids = entries.map((e) => e.entryId)
  expect(new Set(ids).size).toBe(ids.length)
  await expectBalancesMatchLedger(distributorIds)
  return entries
}

describe('a close no concurrent write can wedge', () => {
  it('leaves an order whose request began before the close but committed after its plan for the next batch', async () => {
    const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 100 })
    const ds = [
      await newDistributor(b.adminKey, { name: '甲', type: 'guide' }),
      await newDistributor(b.adminKey, { name: '乙', type: 'guide' }),
    ]
    const startedAt = new Date()
    const before = new Date(startedAt.getTime() - 1000)
    for (const [i, d] of ds.entries())
      await orderAt(b, `early-${i}`, d.inviteCode, '2025-09-10T00:00:00.000Z', before, 10_000 * (i + 1))

    await closeUntilPlanned(b.brand.id, '2025-09', startedAt)
    // A retry of an order that began (and stamped availableSince) before the close started commits now.
    await orderAt(b, 'late', ds[0]!.inviteCode, '2025-09-20T00:00:00.000Z', before, 5_000)
    const september = await closeUntilDone(b.brand.id, '2025-09', startedAt)
    expect(september).toMatchObject({ status: 'closed', totals: { entries: 2, net: 3000 } })

    const october = (await closeSettlement(b.brand.id, { period: '2025-10' })).batch
    expect(october).toMatchObject({ status: 'closed', totals: { entries: 1, net: 500 } })
    const entries = await expectReconciled(
      ds.map((d) => d.id),
      [september, october],
    )
    expect(entries.find((e) => e.orderId === 'late')).toMatchObject({ settlementId: 'st_2025-10', status: 'settled' })
  })

  it('leaves entries that hold release makes available during a close for the next batch', async () => {
    const b = await newBrand({ holdDays: 7, maxLevels: 1, defaultBps: [1000], payoutThreshold: 100 })
    const [a, held] = [
      await newDistributor(b.adminKey, { name: '甲', type: 'guide' }),
      await newDistributor(b.adminKey, { name: '乙', type: 'guide' }),
    ]
    // One commission available before the close; one pending until 27 September.
    await orderAt(b, 'ready', a!.inviteCode, '2025-09-01T00:00:00.000Z', new Date('2025-09-20T00:00:00.000Z'))
    await orderAt(b, 'held', held!.inviteCode, '2025-09-20T00:00:00.000Z', new Date('2025-09-20T00:00:00.000Z'))

    const startedAt = new Date('2025-10-02T00:00:00.000Z')
    await closeUntilPlanned(b.brand.id, '2025-09', startedAt)
    // The job started before the close (its stamp says so) and releases the held commission now.
    expect((await releaseHolds(new Date('2025-10-01T00:00:00.000Z'))).released).toBe(1)
    const september = await closeUntilDone(b.brand.id, '2025-09', startedAt)
    expect(september).toMatchObject({ status: 'closed', totals: { distributors: 1, entries: 1, net: 1000 } })

    const october = await closeUntilDone(b.brand.id, '2025-10', new Date('2025-11-02T00:00:00.000Z'))
    expect(october).toMatchObject({ status: 'closed', totals: { distributors: 1, entries: 1, net: 1000 } })
    const entries = await expectReconciled([a!.id, held!.id], [september, october])
    expect(entries.find((e) => e.orderId === 'held')).toMatchObject({ settlementId: 'st_2025-10' })
  })

  it('leaves an entry the status index did not show the plan for the next batch', async () => {
    const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 100 })
    const d = await newDistributor(b.adminKey, { name: '甲', type: 'guide' })
    const startedAt = new Date()
    await orderAt(b, 'seen', d.inviteCode, '2025-09-10T00:00:00.000Z', new Date(startedAt.getTime() - 5000))
    // An entry committed (with its balance) before the close, which the eventually consistent index does not
    // show yet: written without its status-index key, which it gets once the plan has read the index.
    const [template] = await allEntriesOf(d.id)
    const lagging: LedgerEntry = {
      ...template!,
      entryId: entryIdFor(b.brand.id, 'lagging'),
      orderId: 'lagging',
      amount: 700,
      availableSince: new Date(startedAt.getTime() - 2000).toISOString(),
    }
    const { gsi2pk: _pk, gsi2sk: _sk, ...unindexed } = entryItem(lagging)
    await transactWrite([
      { Put: { TableName: tableName(), Item: unindexed } },
      balanceUpdate(d.id, 'CNY', { available: 700 }),
    ])

    await closeUntilPlanned(b.brand.id, '2025-09', startedAt)
    const index = statusIndex(lagging)
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.ledgerEntry(d.id, lagging.at, lagging.entryId),
        UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
        ExpressionAttributeValues: { ':pk': index.gsi2pk, ':sk': index.gsi2sk },
      }),
    )
    const september = await closeUntilDone(b.brand.id, '2025-09', startedAt)
    expect(september).toMatchObject({ status: 'closed', totals: { entries: 1, net: 1000 } })
    const october = (await closeSettlement(b.brand.id, { period: '2025-10' })).batch
    expect(october).toMatchObject({ status: 'closed', totals: { entries: 1, net: 700 } })
    const entries = await expectReconciled([d.id], [september, october])
    expect(entries.find((e) => e.orderId === 'lagging')).toMatchObject({ settlementId: 'st_2025-10' })
  })

  it('finishes a close wedged by the old rule when the same close is sent again', async () => {
    const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 100 })
    const [a, c] = [
      await newDistributor(b.adminKey, { name: '甲', type: 'guide' }),
      await newDistributor(b.adminKey, { name: '丙', type: 'guide' }),
    ]
    const startedAt = new Date()
    const before = new Date(startedAt.getTime() - 1000)
    await orderAt(b, 'a1', a!.inviteCode, '2025-09-10T00:00:00.000Z', before, 20_000)
    await orderAt(b, 'c1', c!.inviteCode, '2025-09-11T00:00:00.000Z', before, 500) // 50: carried forward
    // The stored state an older close left behind: a plan of 2000 for a and 50 carried for c, tallies without
    // entry lists, then a late order of a new distributor moved too; moved ≠ lines, the lock still `closing`.
    const batch: Batch = {
      batchId: 'st_2025-09',
      brandId: b.brand.id,
      period: '2025-09',
      end: '2025-10-01T00:00:00.000Z',
      currency: 'CNY',
      status: 'closing',
      startedAt: startedAt.toISOString(),
      planned: true,
      movedEntries: 0,
      movedAmount: 0,
      paidEntries: 0,
      paidAmount: 0,
      totals: { distributors: 1, gross: 2000, reversals: 0, net: 2000, entries: 1, carriedForward: 1 },
    }
    await createOrGetBatch(batch)
    const k = keys.settlement(b.brand.id, batch.batchId)
    const planned = { [a!.id]: [2000, 0, 1], [c!.id]: [50, 0, 1] }
    for (let shard = 0; shard < 8; shard++)
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: { pk: k.pk, sk: `TALLY#${shard}#0`, shard, part: 0, tally: JSON.stringify(shard ? {} : planned) },
        }),
      )
    for (const [d, net, carried] of [
      [a!.id, 2000, false],
      [c!.id, 50, true],
    ] as const)
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...keys.settlementLine(b.brand.id, batch.batchId, d),
            entity: 'settlementLine',
            distributorId: d,
            gross: net,
            reversals: 0,
            net,
            entries: 1,
            carriedForward: carried,
            ...(carried ? { reason: 'below_threshold' } : {}),
            name: '',
            type: '',
          },
        }),
      )
    const late = await newDistributor(b.adminKey, { name: '丁', type: 'guide' })
    await orderAt(b, 'late', late.inviteCode, '2025-09-20T00:00:00.000Z', before, 3_000)
    const moved = [...(await allEntriesOf(a!.id)), ...(await allEntriesOf(late.id))]
    expect(await moveEntries(batch, moved, 'settled', new Date().toISOString())).toBe(true)
    expect((await takeSettlementLock(b.brand.id, batch.batchId, 'old-run', -1, { closing: true })).taken).toBe(true)

    const resent = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2025-09' } })
    expect(resent.status).toBe(200)
    expect(resent.body).toMatchObject({
      status: 'closed',
      totals: { distributors: 2, gross: 2300, net: 2300, entries: 2, carriedForward: 1 },
      reconciliation: { reconciled: true, linesNet: 2300, ledgerMovement: 2300 },
    })
    const lines = await call('GET', `/api/settlements/${batch.batchId}`, { token: b.financeKey })
    expect(lines.status).toBe(200)
    const exported = await call('GET', `/api/settlements/${batch.batchId}/export.csv`, { token: b.financeKey })
    expect(exported.status).toBe(200)
    // The brand is free again: the next period closes, and takes the carried-forward commission.
    const october = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2025-10' } })
    expect(october.status).toBe(201)
    await expectReconciled([a!.id, c!.id, late.id], [(await getBatch(b.brand.id, batch.batchId))!])
  })
})
