import { describe, expect, it } from 'vitest'
import { newBrand } from '../support/client'
import { expectBalancesMatchLedger } from '../support/ledger'
import { transactWrite } from '../../lib/db/transact'
import { tableName } from '../../lib/db/table'
import { balanceUpdate, entryIdFor, entryItem, type LedgerEntry } from '../../lib/db/ledger'
import { getBatch, listLines } from '../../lib/db/settlements'
import { closeSettlement } from '../../lib/services/close-settlement'
import { markPaid } from '../../lib/services/mark-paid'

// Enough for several transactions of lines, moves and payments (more only slows the suite on one DynamoDB Local).
const DISTRIBUTORS = 160
/** The most entries one move transaction takes when each has its own distributor: 100 items = n + n balances + the batch. */
const ONE_TRANSACTION = 49

/** One available commission of 100 for each of `n` distributors, written straight to the ledger with balances. */
async function availableEntries(brandId: string, n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `d_budget_${brandId}_${String(i).padStart(4, '0')}`)
  const entries: LedgerEntry[] = ids.map((d, i) => ({
    entryId: entryIdFor(brandId, 'budget', String(i)),
    brandId,
    distributorId: d,
    orderId: `o${i}`,
    kind: 'commission',
    level: 1,
    ruleId: 'programme',
    ruleVersion: 1,
    bps: 1000,
    base: 1000,
    amount: 100,
    currency: 'CNY',
    status: 'available',
    at: '2025-09-10T00:00:00.000Z',
    paidAt: '2025-09-10T00:00:00.000Z',
    availableAt: '2025-09-10T00:00:00.000Z',
    availableSince: '2025-09-10T00:00:00.000Z',
    createdAt: '2025-09-10T00:00:00.000Z',
    lines: [],
  }))
  for (let i = 0; i < entries.length; i += 40)
    await transactWrite(
      entries
        .slice(i, i + 40)
        .flatMap((e) => [
          { Put: { TableName: tableName(), Item: entryItem(e) } },
          balanceUpdate(e.distributorId, 'CNY', { available: e.amount }),
        ]),
    )
  return ids
}

async function countLines(brandId: string, batchId: string): Promise<number> {
  let n = 0
  let cursor: string | undefined
  do {
    const page = await listLines(brandId, batchId, cursor, 500)
    n += page.items.length
    cursor = page.nextCursor
  } while (cursor)
  return n
}

describe('the request budget', () => {
  it('is asked before every call: with no time left a run does one write, answers "closing" and the next resumes', async () => {
    const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 100 })
    const ids = await availableEntries(b.brand.id, DISTRIBUTORS)
    const now = new Date('2025-10-02T00:00:00.000Z')

    // budgetMs 0: every run finishes its first unit of work, then no further call may start.
    let batch = (await closeSettlement(b.brand.id, { period: '2025-09' }, { now, budgetMs: 0 })).batch
    let lines = await countLines(b.brand.id, batch.batchId)
    const steps: Array<{ lines: number; moved: number }> = []
    for (let runs = 0; batch.status === 'closing'; runs++) {
      expect(runs).toBeLessThan(120)
      expect(batch.status).toBe('closing') // what POST /api/settlements answers with 202
      const before = { lines, moved: batch.movedEntries }
      batch = (await closeSettlement(b.brand.id, { period: '2025-09' }, { now, budgetMs: 0 })).batch
      if (lines < DISTRIBUTORS) lines = await countLines(b.brand.id, batch.batchId)
      steps.push({ lines: lines - before.lines, moved: batch.movedEntries - before.moved })
    }
    // Lines went in one transaction of at most 50 a run, entries in one move transaction a run.
    expect(Math.max(...steps.map((s) => s.lines))).toBeLessThanOrEqual(50)
    expect(Math.max(...steps.map((s) => s.moved))).toBeLessThanOrEqual(ONE_TRANSACTION)
    expect(steps.filter((s) => s.moved > 0).length).toBeGreaterThan(DISTRIBUTORS / ONE_TRANSACTION)
    expect(batch).toMatchObject({
      status: 'closed',
      movedEntries: DISTRIBUTORS,
      movedAmount: DISTRIBUTORS * 100,
      totals: { distributors: DISTRIBUTORS, entries: DISTRIBUTORS, net: DISTRIBUTORS * 100 },
    })

    let paid = await markPaid(b.brand.id, batch.batchId, { reference: 'R1' }, 0)
    const paidSteps: number[] = [paid.paidEntries]
    for (let runs = 0; paid.status !== 'paid'; runs++) {
      expect(runs).toBeLessThan(60)
      const before = paid.paidEntries
      paid = await markPaid(b.brand.id, batch.batchId, { reference: 'R1' }, 0)
      paidSteps.push(paid.paidEntries - before)
    }
    expect(Math.max(...paidSteps)).toBeLessThanOrEqual(ONE_TRANSACTION)
    expect(await getBatch(b.brand.id, batch.batchId)).toMatchObject({
      status: 'paid',
      paidEntries: DISTRIBUTORS,
      paidAmount: DISTRIBUTORS * 100,
    })
    await expectBalancesMatchLedger(ids.filter((_, i) => i % 40 === 0))
  }, 300_000)
})
