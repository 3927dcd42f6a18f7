import { brandsOf, clickedDistributors, counterDeltas, type TableChange } from '../domain/counter-deltas'
import { applyCounterDeltas } from '../db/counter-writes'
import {
  getPinnedBatch,
  type PinnedBatch,
  pinPlacements,
  readPlacements,
  readTimeZones,
} from '../db/stream-batch-placements'
import { firstSequenceNumber, toTableChange, type StreamRecord } from '../db/stream-records'

/**
 * One batch of the table's stream → the report counters (clicks, links, joins
 * and moves, orders, refunds, ledger entries), idempotently. The Lambda
 * subscribed to the stream (functions/counters.ts) and the local stream pump
 * both call this, so there is one implementation of counting.
 * Clicks count where their distributor stands now (read once per batch), not
 * where their link recorded them: after a hand-over, a move or a type change
 * they count in the new ring, type and teams, as orders do. Days are each brand's
 * local days: its zone is read once per batch, never on the request path.
 * Keep the event source mapping's batches whole (no BisectBatchOnFunctionError):
 * a retry must start at the same first record for its markers to match.
 */
export async function countStreamChanges(
  records: readonly StreamRecord[],
): Promise<{ clicks: number; counters: number; applied: number; skipped: number }> {
  const first = firstSequenceNumber(records)
  if (!first) return { clicks: 0, counters: 0, applied: 0, skipped: 0 }
  const changes = records.map(toTableChange).filter((c): c is TableChange => c !== undefined)
  const { placements, zones } = await pinnedFor(first, changes)
  const deltas = counterDeltas(changes, placements, zones)
  const clicks = deltas.reduce((n, d) => (d.counter === 'link' ? n + d.add.clicks : n), 0)
  if (deltas.length === 0) return { clicks, counters: 0, applied: 0, skipped: 0 }
  return { clicks, counters: deltas.length, ...(await applyCounterDeltas(first, deltas)) }
}

/**
 * The clicked distributors' placements and the brands' time zones for this batch,
 * the same on every try: the first try pins what it read, so a retry after a
 * partial apply (or after a hand-over or a zone change in between) chunks its
 * deltas exactly as before and its markers match.
 */
async function pinnedFor(first: string, changes: readonly TableChange[]): Promise<PinnedBatch> {
  const ids = clickedDistributors(changes)
  const brands = brandsOf(changes)
  if (ids.length === 0 && brands.length === 0) return { placements: new Map(), zones: new Map() }
  const pinned = await getPinnedBatch(first)
  if (pinned) return pinned
  const [placements, zones] = await Promise.all([readPlacements(ids), readTimeZones(brands)])
  if (await pinPlacements(first, placements, zones)) return { placements, zones }
  return (await getPinnedBatch(first)) ?? { placements, zones }
}
