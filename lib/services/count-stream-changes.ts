import { clickCounterDeltas, type TableChange } from '../domain/click-counters'
import { applyCounterDeltas } from '../db/click-counters'
import { firstSequenceNumber, toTableChange, type StreamRecord } from '../db/stream-records'

/**
 * One batch of the table's stream → the click counters, idempotently. The
 * Lambda subscribed to the stream (functions/counters.ts) and the local stream
 * pump both call this, so there is one implementation of counting.
 * Keep the event source mapping's batches whole (no BisectBatchOnFunctionError):
 * a retry must start at the same first record for its markers to match.
 */
export async function countStreamClicks(records: readonly StreamRecord[]): Promise<{ clicks: number; applied: number; skipped: number }> {
  const first = firstSequenceNumber(records)
  if (!first) return { clicks: 0, applied: 0, skipped: 0 }
  const changes = records.map(toTableChange).filter((c): c is TableChange => c !== undefined)
  const deltas = clickCounterDeltas(changes)
  const clicks = deltas.reduce((n, d) => (d.counter === 'link' ? n + d.clicks : n), 0)
  if (deltas.length === 0) return { clicks, applied: 0, skipped: 0 }
  return { clicks, ...(await applyCounterDeltas(first, deltas)) }
}
