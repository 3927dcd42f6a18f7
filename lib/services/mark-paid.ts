import { SETTLED_SHARDS } from '../db/ledger'
import { getBatch, listBatchEntries, moveEntries, releaseSettlementLock, setBatchStatus, takeSettlementLock, type Batch } from '../db/settlements'
import { AppError } from '../http/errors'

const MOVE_CHUNK = 40

/**
 * Marks a closed batch paid: every entry settled → paid with its balance, then
 * the batch. Idempotent: a paid batch is returned as is, and a re-run after a
 * crash or time-out moves only what is still settled.
 */
export async function markPaid(brandId: string, batchId: string, details: { paidAt?: string; reference?: string }, budgetMs = 20_000): Promise<Batch> {
  const deadline = Date.now() + budgetMs
  const batch = await getBatch(brandId, batchId)
  if (!batch) throw new AppError({ code: 'not_found', message: `Settlement ${batchId} not found.` })
  if (batch.status === 'paid') return batch
  if (batch.status === 'closing') throw new AppError({ code: 'conflict', message: 'The batch is still closing; mark it paid once it is closed.' })
  if (!(await takeSettlementLock(brandId, batchId))) throw new AppError({ code: 'conflict', message: 'Another settlement is running for this brand; retry shortly.' })
  try {
    if (batch.status === 'closed') {
      await setBatchStatus(brandId, batchId, 'closed', 'paying', { paidAt: details.paidAt ?? new Date().toISOString(), ...(details.reference ? { reference: details.reference } : {}) })
    }
    const paidAt = details.paidAt ?? new Date().toISOString()
    for (let shard = 0; shard < SETTLED_SHARDS; shard++) {
      let cursor: string | undefined
      do {
        if (Date.now() > deadline) return (await getBatch(brandId, batchId)) as Batch
        const page = await listBatchEntries(batchId, shard, cursor)
        const settled = page.items.filter((e) => e.status === 'settled')
        for (let i = 0; i < settled.length; i += MOVE_CHUNK) await moveEntries(batch, settled.slice(i, i + MOVE_CHUNK), 'paid', paidAt)
        cursor = page.nextCursor
      } while (cursor)
    }
    const stored = (await getBatch(brandId, batchId)) as Batch
    if (stored.paidEntries !== stored.movedEntries || stored.paidAmount !== stored.movedAmount) {
      throw new AppError({ code: 'internal', message: `Batch ${batchId} paid ${stored.paidAmount} of ${stored.movedAmount}; re-run to finish.` })
    }
    await setBatchStatus(brandId, batchId, 'paying', 'paid')
    return (await getBatch(brandId, batchId)) as Batch
  } finally {
    await releaseSettlementLock(brandId, batchId)
  }
}
