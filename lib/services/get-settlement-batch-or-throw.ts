import { getBatch, type Batch } from '../db/settlements'
import { AppError } from '../errors'

/** The brand's settlement batch by id (read consistently), or a 404. */
export async function getSettlementBatchOrThrow(brandId: string, batchId: string): Promise<Batch> {
  const batch = await getBatch(brandId, batchId)
  if (!batch) throw new AppError({ code: 'not_found', message: `Settlement ${batchId} not found.` })
  return batch
}
