import { keys } from './keys'
import { tableName } from './table'
import { conditionFailures } from './items'
import { transactWrite } from './transact'
import { BRAND_DAY_SHARDS, LINK_SHARDS, brandDayScope, increment, linkScope } from './counters'
import type { CounterDelta } from '../domain/click-counters'

/** Counter updates per transaction: under DynamoDB's 100 items, with room for the batch marker. */
export const DELTAS_PER_CHUNK = 90
/** Markers only need to outlive the stream's retries (records live 24 hours). */
const MARKER_TTL_SECONDS = 2 * 86_400

const updateFor = (d: CounterDelta) =>
  d.counter === 'link'
    ? increment(linkScope(d.code), LINK_SHARDS, d.dimension, { clicks: d.clicks })
    : increment(brandDayScope(d.brandId, d.day), BRAND_DAY_SHARDS, d.dimension, { clicks: d.clicks })

/**
 * Adds a stream batch's deltas to the counters, at most once per batch: each
 * chunk of ≤ 90 updates goes in one TransactWriteItems with a conditional Put of
 * `STREAMBATCH#<first sequence number>#<chunk>`, so when Lambda (or the local
 * pump) retries the batch, chunks already applied fail their marker and are
 * skipped while the rest go through. Counters still go to a random shard: one
 * write per counter per batch is far from hot, and readers sum the shards as before.
 * @returns how many chunks were applied now (skipped ones were applied before)
 * @example await applyCounterDeltas('000000000000000000042', clickCounterDeltas(changes))
 */
export async function applyCounterDeltas(firstSequenceNumber: string, deltas: readonly CounterDelta[]): Promise<{ applied: number; skipped: number }> {
  const T = tableName()
  const ttl = Math.floor(Date.now() / 1000) + MARKER_TTL_SECONDS
  let applied = 0
  let skipped = 0
  for (let chunk = 0; chunk * DELTAS_PER_CHUNK < deltas.length; chunk++) {
    const part = deltas.slice(chunk * DELTAS_PER_CHUNK, (chunk + 1) * DELTAS_PER_CHUNK)
    const marker = { Put: { TableName: T, Item: { ...keys.streamBatch(firstSequenceNumber, chunk), entity: 'streamBatch', deltas: part.length, ttl }, ConditionExpression: 'attribute_not_exists(pk)' } }
    try {
      await transactWrite([marker, ...part.map(updateFor)])
      applied++
    } catch (err) {
      // Only the marker has a condition: a failed one means this chunk was applied by an earlier try.
      if (!conditionFailures(err)?.has(0)) throw err
      skipped++
    }
  }
  return { applied, skipped }
}
