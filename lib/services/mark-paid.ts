import { randomUUID } from 'node:crypto'
import { SETTLED_SHARDS } from '../db/ledger'
import {
  getBatch,
  listBatchEntries,
  moveEntries,
  releaseSettlementLock,
  setBatchStatus,
  takeSettlementLock,
  type Batch,
} from '../db/settlements'
import { AppError } from '../errors'
import { moveChunks } from '../domain/settlement'
import { getSettlementBatchOrThrow } from './get-settlement-batch-or-throw'
import { REQUEST_BUDGET_MS, requestBudget } from './request-budget'

/**
 * Marks a closed batch paid: every entry settled → paid with its balance, then
 * the batch. Idempotent: a paid batch is returned as is, and a re-run after a
 * crash or time-out moves only what is still settled.
 */
export async function markPaid(
  brandId: string,
  batchId: string,
  details: { paidAt?: string; reference?: string },
  budgetMs = REQUEST_BUDGET_MS,
): Promise<Batch> {
  const budget = requestBudget(budgetMs)
  const batch = await getSettlementBatchOrThrow(brandId, batchId)
  if (batch.status === 'paid') return batch
  if (batch.status === 'closing')
    throw new AppError({ code: 'conflict', message: 'The batch is still closing; mark it paid once it is closed.' })
  const holder = randomUUID()
  const lock = await takeSettlementLock(brandId, batchId, holder, budgetMs + 30_000)
  if (!lock.taken) {
    // The same batch being paid right now by another request: its progress, nothing done twice.
    if (lock.batchId === batchId) return (await getBatch(brandId, batchId)) as Batch
    throw new AppError({
      code: 'conflict',
      message: `Settlement ${lock.batchId} is being worked on for this brand; retry shortly.`,
    })
  }
  try {
    // Read again under the lock: another run may have moved it on since the first read.
    const fresh = (await getBatch(brandId, batchId)) as Batch
    if (fresh.status === 'paid') return fresh
    // One payment date for every entry, the batch's own (set by the run that started paying), however many runs it takes.
    let paidAt = fresh.paidAt
    if (fresh.status === 'closed') {
      paidAt = details.paidAt ?? new Date().toISOString()
      await setBatchStatus(brandId, batchId, 'closed', 'paying', {
        paidAt,
        ...(details.reference ? { reference: details.reference } : {}),
      })
    }
    paidAt ??= new Date().toISOString()
    for (let shard = 0; shard < SETTLED_SHARDS; shard++) {
      let cursor: string | undefined
      do {
        // The budget is asked before every call, so no call starts without the time to finish.
        if (!budget.allows()) return (await getBatch(brandId, batchId)) as Batch
        const page = await listBatchEntries(brandId, batchId, shard, cursor)
        const settled = page.items.filter((e) => e.status === 'settled')
        for (const chunk of moveChunks(settled)) {
          if (!budget.allows()) return (await getBatch(brandId, batchId)) as Batch
          await moveEntries(batch, chunk, 'paid', paidAt)
          budget.did()
        }
        cursor = page.nextCursor
      } while (cursor)
    }
    const stored = (await getBatch(brandId, batchId)) as Batch
    // The SETTLED index is eventually consistent: entries it did not show yet are paid by the next request
    // (the batch stays `paying`), never a 500.
    if (stored.paidEntries > stored.movedEntries)
      throw new AppError({
        code: 'internal',
        message: `Batch ${batchId} paid ${stored.paidEntries} entries of ${stored.movedEntries} settled.`,
      })
    if (stored.paidEntries !== stored.movedEntries || stored.paidAmount !== stored.movedAmount) return stored
    await setBatchStatus(brandId, batchId, 'paying', 'paid')
    return (await getBatch(brandId, batchId)) as Batch
  } finally {
    await releaseSettlementLock(brandId, holder)
  }
}
