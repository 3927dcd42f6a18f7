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
import { stepBudget } from './close-settlement'
import { REQUEST_BUDGET_MS } from './request-budget'

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
  const budget = stepBudget(budgetMs)
  const batch = await getBatch(brandId, batchId)
  if (!batch) throw new AppError({ code: 'not_found', message: `Settlement ${batchId} not found.` })
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
    const fresh = (await getBatch(brandId, batchId)) as Batch
    if (fresh.status === 'paid') return fresh
    if (fresh.status === 'closed') {
      await setBatchStatus(brandId, batchId, 'closed', 'paying', {
        paidAt: details.paidAt ?? new Date().toISOString(),
        ...(details.reference ? { reference: details.reference } : {}),
      })
    }
    // One payment date for every entry, the batch's own, however many runs it takes.
    const paidAt = (await getBatch(brandId, batchId))?.paidAt ?? new Date().toISOString()
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
