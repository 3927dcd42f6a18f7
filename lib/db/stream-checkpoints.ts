import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem } from './items'
import { tableName } from './table'

/**
 * Where the local stream pump is in one shard. `after` is the last sequence
 * number fully applied; `inFlightLast`, when set, is the end of a batch that was
 * being applied when the pump stopped, so a restart replays exactly that batch
 * (same first record, same records, hence the same idempotency markers).
 */
export interface StreamCheckpoint {
  after?: string
  inFlightLast?: string
}

/** The pump's checkpoint for a shard, read consistently; empty before its first batch. */
export async function getStreamCheckpoint(shardId: string): Promise<StreamCheckpoint> {
  const item = await getItem(keys.streamCheckpoint(shardId), true)
  return { after: item?.after as string | undefined, inFlightLast: item?.inFlightLast as string | undefined }
}

/** Replaces the pump's checkpoint for a shard. */
export async function putStreamCheckpoint(shardId: string, checkpoint: StreamCheckpoint): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.streamCheckpoint(shardId), entity: 'job', ...checkpoint },
    }),
  )
}

/**
 * True for the writes that counting itself makes (checkpoints, batch markers,
 * counter shards): they come back through the stream, and the pump must not
 * checkpoint after them, or every pass would write and so feed the next one.
 */
export function isCountingBookkeeping(pk: string): boolean {
  return (
    pk.startsWith(keys.streamCheckpoint('').pk) ||
    pk.startsWith('STREAMBATCH#') ||
    /#CTR#\d+$/.test(pk) ||
    keys.isTeamCounters(pk)
  )
}
