import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { expectBalancesMatchLedger } from '../support/ledger'
import { closeSettlement } from '../../lib/services/close-settlement'
import { markPaid } from '../../lib/services/mark-paid'
import { getBatch, releaseSettlementLock, takeSettlementLock } from '../../lib/db/settlements'

/** A brand with entries spread over every shard: 12 distributors × 3 orders, one below the threshold. */
async function busyBrand() {
  const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 500 })
  const ids: string[] = []
  for (let i = 0; i < 12; i++) {
    const d = await newDistributor(b.adminKey, { name: `分销员 ${i}`, type: 'guide' })
    ids.push(d.id)
    for (let j = 0; j < 3; j++) {
      const unitPrice = i === 0 ? '10.00' : `${100 + i}.${String(j).padStart(2, '0')}`
      const r = await call('POST', '/api/orders', {
        token: b.adminKey,
        body: {
          orderId: `o${i}-${j}`,
          refCode: d.inviteCode,
          currency: 'CNY',
          paidAt: '2025-09-15T00:00:00.000Z',
          lines: [{ sku: 'A', qty: 1, unitPrice }],
        },
      })
      if (r.status !== 201) throw new Error(`order ${r.status}`)
    }
  }
  return { b, ids }
}

describe('an interrupted close', () => {
  it('finishes on re-runs with a tiny time budget, with the totals the preview promised', async () => {
    const { b, ids } = await busyBrand()
    const preview = await call('POST', '/api/settlements/preview', { token: b.financeKey, body: { period: '2025-09' } })
    expect(preview.status).toBe(200)
    expect(preview.body.totals).toMatchObject({ distributors: 11, entries: 33, carriedForward: 1 })
    expect(preview.body.carriedForward).toEqual([
      expect.objectContaining({ distributorId: ids[0], net: 300, reason: 'below_threshold' }),
    ])
    expect(await getBatch(b.brand.id, 'st_2025-09')).toBeUndefined() // the preview wrote nothing

    const seen: string[] = []
    let batch = (await closeSettlement(b.brand.id, { period: '2025-09' }, { budgetMs: 0 })).batch
    for (let runs = 1; batch.status === 'closing'; runs++) {
      expect(runs).toBeLessThan(60)
      seen.push(`${batch.planned}:${batch.movedEntries}`)
      batch = (await closeSettlement(b.brand.id, { period: '2025-09' }, { budgetMs: 0 })).batch
    }
    // It stopped while planning and while moving, and always progressed.
    expect(seen.some((s) => s.startsWith('false'))).toBe(true)
    expect(seen.some((s) => s.startsWith('true:') && s !== 'true:0' && s !== 'true:33')).toBe(true)
    expect(batch.totals).toEqual(preview.body.totals)
    expect({ movedEntries: batch.movedEntries, movedAmount: batch.movedAmount }).toEqual({
      movedEntries: 33,
      movedAmount: preview.body.totals.net,
    })
    await expectBalancesMatchLedger(ids)
  })

  it('waits for a live run, and takes over a crashed one once its lease lapses', async () => {
    const { b, ids } = await busyBrand()
    const first = await closeSettlement(b.brand.id, { period: '2025-09' }, { budgetMs: 0 })
    expect(first.batch.status).toBe('closing')
    // Another run holds the lease (alive): the API answers 202 with the batch as it stands, and moves nothing.
    expect((await takeSettlementLock(b.brand.id, 'st_2025-09', 'live-run', 60_000)).taken).toBe(true)
    const busy = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2025-09' } })
    expect(busy.status).toBe(202)
    expect(busy.body).toMatchObject({ batchId: 'st_2025-09', status: 'closing' })
    // Another period meanwhile: a 409, not a second close racing the first.
    expect((await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2025-08' } })).status).toBe(
      409,
    )
    await releaseSettlementLock(b.brand.id, 'live-run')
    // A run that crashed: its lease has already lapsed, so the next request resumes and finishes.
    expect((await takeSettlementLock(b.brand.id, 'st_2025-09', 'crashed-run', -1)).taken).toBe(true)
    const done = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2025-09' } })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({
      status: 'closed',
      totals: { entries: 33, carriedForward: 1 },
      reconciliation: { reconciled: true },
    })
    await expectBalancesMatchLedger(ids)

    // Mark paid interrupted the same way: a page a run, then paid once.
    let paid = await markPaid(b.brand.id, 'st_2025-09', { reference: 'R1' }, 0)
    for (let runs = 0; paid.status !== 'paid'; runs++) {
      expect(runs).toBeLessThan(40)
      paid = await markPaid(b.brand.id, 'st_2025-09', { reference: 'R1' }, 0)
    }
    expect(paid).toMatchObject({ paidEntries: 33, paidAmount: done.body.totals.net })
    await expectBalancesMatchLedger(ids)
  })

  it('refuses to start another period while one is still closing, so no entry is planned by two batches', async () => {
    const { b, ids } = await busyBrand()
    const first = await closeSettlement(b.brand.id, { period: '2025-09' }, { budgetMs: 0 })
    expect(first.batch.status).toBe('closing')
    // September is part-way; October would take the same entries (available by its end too).
    const october = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2025-10' } })
    expect(october.status).toBe(409)
    expect(october.body.error.message).toContain('st_2025-09')
    expect(await getBatch(b.brand.id, 'st_2025-10')).toBeUndefined()
    const preview = await call('POST', '/api/settlements/preview', { token: b.financeKey, body: { period: '2025-10' } })
    expect(preview.status).toBe(200)
    let sept = first.batch
    while (sept.status === 'closing')
      sept = (await closeSettlement(b.brand.id, { period: '2025-09' }, { budgetMs: 0 })).batch
    expect(sept).toMatchObject({ status: 'closed', movedEntries: 33 })
    const done = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2025-10' } })
    expect(done.status).toBe(201)
    // October found nothing left but the carried-forward distributor, who is still below the threshold.
    expect(done.body.totals).toMatchObject({ distributors: 0, entries: 0, carriedForward: 1 })
    await expectBalancesMatchLedger(ids)
  })
})
