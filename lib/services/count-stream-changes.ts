import { counterDeltas, type TableChange } from '../domain/counter-deltas'
import { applyCounterDeltas } from '../db/counter-writes'
import { firstSequenceNumber, toTableChange, type StreamRecord } from '../db/stream-records'

/**
 * One batch of the table's stream → the report counters (clicks, links, joins
 * and moves, orders, refunds, ledger entries), idempotently. The Lambda
 * subscribed to the stream (functions/counters.ts) and the local stream pump
 * both call this, so there is one implementation of counting.
 * Keep the event source mapping's batches whole (no BisectBatchOnFunctionError):
 * a retry must start at the same first record for its markers to match.
 */
export async function countStreamChanges(records: readonly StreamRecord[]): Promise<{ clicks: number; counters: number; applied: number; skipped: number }> {
  const first = firstSequenceNumber(records)
  if (!first) return { clicks: 0, counters: 0, applied: 0, skipped: 0 }
  const changes = records.map(toTableChange).filter((c): c is TableChange => c !== undefined)
  const deltas = counterDeltas(changes)
  const clicks = deltas.reduce((n, d) => (d.counter === 'link' ? n + d.add.clicks : n), 0)
  if (deltas.length === 0) return { clicks, counters: 0, applied: 0, skipped: 0 }
  return { clicks, counters: deltas.length, ...(await applyCounterDeltas(first, deltas)) }
}
