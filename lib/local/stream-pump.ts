import { tableName } from '../db/table'
import {
  getStreamCheckpoint,
  isCountingBookkeeping,
  putStreamCheckpoint,
  type StreamCheckpoint,
} from '../db/stream-checkpoints'
import type { StreamRecord } from '../db/stream-records'
import { countStreamChanges } from '../services/count-stream-changes'
import { mayCount } from '../domain/counter-deltas'
import { getRecords, latestStreamArn, listShards, shardIterator } from './dynamodb-streams'

/**
 * The local stand-in for Lambda's stream event source mapping: reads the table's
 * stream in DynamoDB Local and hands each page of records, as one batch, to the
 * same code the counters Lambda runs (the records it would be given, after its filter). Positions are checkpointed in the table,
 * so a restart neither skips nor repeats a batch.
 */

/** Position per table and shard, kept in memory between passes (loaded from the checkpoint once). */
type Position = StreamCheckpoint & { closed?: boolean }
const positions = new Map<string, Position>()
let chain: Promise<unknown> = Promise.resolve()

const seqOf = (r: StreamRecord): bigint => BigInt(r.dynamodb?.SequenceNumber ?? '0')
const pkOf = (r: StreamRecord): string => String(r.dynamodb?.Keys?.pk?.S ?? '')
/** The same test the Lambda's event filter makes: only these records can change a counter. */
const mayBeCounted = (r: StreamRecord): boolean => mayCount(r.eventName, r.dynamodb?.NewImage?.entity?.S)

/**
 * Reads everything in the stream now and counts it; resolves when done. Passes
 * run one at a time: a call made while one runs waits for it and then reads what
 * arrived since, so `await pumpOnce()` after a write always sees that write.
 * @example await pumpOnce() // in a test, after redirects and before reading counts
 */
export function pumpOnce(): Promise<{ records: number; clicks: number }> {
  const run = chain.then(drain, drain)
  chain = run.catch(() => undefined)
  return run
}

async function drain(): Promise<{ records: number; clicks: number }> {
  const table = tableName()
  const arn = await latestStreamArn(table)
  const total = { records: 0, clicks: 0 }
  if (!arn) return total
  for (const shard of await listShards(arn)) {
    const id = `${table}|${shard.ShardId}`
    const pos: Position = positions.get(id) ?? (await getStreamCheckpoint(shard.ShardId))
    positions.set(id, pos)
    if (pos.closed) continue
    let iterator: string | undefined = await shardIterator(arn, shard.ShardId, pos.after)
    while (iterator) {
      const page: { Records?: StreamRecord[]; NextShardIterator?: string } = await getRecords(iterator)
      let records = page.Records ?? []
      iterator = page.NextShardIterator
      // After a crash mid-batch, replay exactly that batch, then read on from its end.
      const replayTo = pos.inFlightLast
      if (replayTo !== undefined && records.some((r) => seqOf(r) > BigInt(replayTo))) {
        records = records.filter((r) => seqOf(r) <= BigInt(replayTo))
        iterator = undefined
      }
      if (records.length > 0) {
        total.records += records.length
        total.clicks += await applyBatch(shard.ShardId, pos, records)
        if (replayTo !== undefined) iterator = await shardIterator(arn, shard.ShardId, pos.after)
      } else if (page.NextShardIterator) break // an open shard with nothing new: done for now
      if (!page.NextShardIterator && replayTo === undefined) pos.closed = true
    }
  }
  return total
}

/** Counts one batch and moves the shard's position past it; returns the clicks counted. */
async function applyBatch(shardId: string, pos: StreamCheckpoint, records: StreamRecord[]): Promise<number> {
  const last = records[records.length - 1]?.dynamodb?.SequenceNumber
  const ownOnly = records.every((r) => isCountingBookkeeping(pkOf(r)))
  let clicks = 0
  if (records.some(mayBeCounted)) {
    // Written first so a crash during the counter transactions replays this very batch.
    // Kept in memory too: a failed pass is retried by the next one in this process.
    pos.inFlightLast = last
    await putStreamCheckpoint(shardId, { after: pos.after, inFlightLast: last })
    clicks = (await countStreamChanges(records)).clicks
  }
  pos.after = last
  pos.inFlightLast = undefined
  // The pump's own writes (counters, markers, this checkpoint) come back through the
  // stream: moving past them in memory only keeps the pump from feeding itself.
  if (!ownOnly) await putStreamCheckpoint(shardId, { after: last })
  return clicks
}

/**
 * Runs pumpOnce every `everyMs` (each pass starts after the last one ends), as
 * `npm start` does; returns a stop function that waits for the pass in flight.
 */
export function startStreamPump(
  everyMs = 500,
  onError: (err: unknown) => void = (err) => console.error('stream pump failed', err),
): () => Promise<void> {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const tick = async () => {
    await pumpOnce().catch(onError)
    if (!stopped) timer = setTimeout(tick, everyMs)
  }
  timer = setTimeout(tick, everyMs)
  return async () => {
    stopped = true
    clearTimeout(timer)
    await chain
  }
}
