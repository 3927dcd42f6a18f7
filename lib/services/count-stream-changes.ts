import { clickedDistributors, counterDeltas, type Placement, type TableChange } from '../domain/counter-deltas'
import { applyCounterDeltas } from '../db/counter-writes'
import { getPinnedPlacements, pinPlacements, readPlacements } from '../db/stream-batch-placements'
import { firstSequenceNumber, toTableChange, type StreamRecord } from '../db/stream-records'

/**
 * One batch of the table's stream → the report counters (clicks, links, joins
 * and moves, orders, refunds, ledger entries), idempotently. The Lambda
 * subscribed to the stream (functions/counters.ts) and the local stream pump
 * both call this, so there is one implementation of counting.
 * Clicks count where their distributor stands now (read once per batch), not
 * where their link recorded them: after a hand-over, a move or a type change
 * they count in the new ring, type and teams, as orders do.
 * Keep the event source mapping's batches whole (no BisectBatchOnFunctionError):
 * a retry must start at the same first record for its markers to match.
 */
export async function countStreamChanges(
  records: readonly StreamRecord[],
): Promise<{ clicks: number; counters: number; applied: number; skipped: number }> {
  const first = firstSequenceNumber(records)
  if (!first) return { clicks: 0, counters: 0, applied: 0, skipped: 0 }
  const changes = records.map(toTableChange).filter((c): c is TableChange => c !== undefined)
  const deltas = counterDeltas(changes, await placementsFor(first, clickedDistributors(changes)))
  const clicks = deltas.reduce((n, d) => (d.counter === 'link' ? n + d.add.clicks : n), 0)
  if (deltas.length === 0) return { clicks, counters: 0, applied: 0, skipped: 0 }
  return { clicks, counters: deltas.length, ...(await applyCounterDeltas(first, deltas)) }
}

/**
 * The clicked distributors' placements for this batch, the same on every try:
 * the first try pins what it read, so a retry after a partial apply (or after a
 * hand-over in between) chunks its deltas exactly as before and its markers match.
 */
async function placementsFor(first: string, ids: readonly string[]): Promise<ReadonlyMap<string, Placement>> {
  if (ids.length === 0) return new Map()
  const pinned = await getPinnedPlacements(first)
  if (pinned) return pinned
  const fresh = await readPlacements(ids)
  if (await pinPlacements(first, fresh)) return fresh
  return (await getPinnedPlacements(first)) ?? fresh
}
