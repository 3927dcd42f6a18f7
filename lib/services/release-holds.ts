import { advanceHoldWatermark, getHoldWatermark, listDueHolds, releaseHold } from '../db/holds'
import { HOLD_SHARDS } from '../db/ledger'

const DAY_MS = 86_400_000
/**
 * How far back the very first run looks. A pending entry is always due after it
 * was written, and the schedule starts with the deployment, so the first run only
 * needs to cover entries written since; 31 days leaves room for a paused schedule.
 */
const FIRST_RUN_LOOKBACK_DAYS = 31

/**
 * The hold-release job: every pending entry whose availableAt has passed
 * becomes available, with its balance. It walks the hold index day by day from
 * a watermark (days fully released are never read again) to today. Safe to run
 * twice at once: each move is conditional on the entry still being pending.
 */
export async function releaseHolds(now = new Date()): Promise<{ released: number; days: number }> {
  const today = now.toISOString().slice(0, 10)
  const start =
    (await getHoldWatermark()) ?? new Date(now.getTime() - FIRST_RUN_LOOKBACK_DAYS * DAY_MS).toISOString().slice(0, 10)
  let released = 0
  let days = 0
  for (let day = start; day <= today; day = new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10)) {
    days++
    for (let shard = 0; shard < HOLD_SHARDS; shard++) {
      let cursor: string | undefined
      do {
        const page = await listDueHolds(day, shard, now.toISOString(), cursor)
        const moved = await Promise.all(page.items.map((e) => releaseHold(e, now)))
        released += moved.filter(Boolean).length
        cursor = page.nextCursor
      } while (cursor)
    }
    // A past day is finished once read through: nothing can become due on it later.
    if (day < today) await advanceHoldWatermark(new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10))
  }
  return { released, days }
}
