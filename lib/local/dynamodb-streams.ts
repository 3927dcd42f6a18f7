import { DescribeTableCommand } from '@aws-sdk/client-dynamodb'
import { db } from '../db/client'
import type { StreamRecord } from '../db/stream-records'

/**
 * A minimal DynamoDB Streams client over plain fetch, for DynamoDB Local only:
 * the published streams client does not match our pinned SDK version, and the
 * local engine accepts any signature, so a fixed dummy one is enough.
 */
async function streams<T>(op: string, body: Record<string, unknown>): Promise<T> {
  const endpoint = process.env.DYNAMODB_ENDPOINT
  if (!endpoint) throw new Error('The stream pump reads DynamoDB Local only: DYNAMODB_ENDPOINT is not set.')
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDBStreams_20120810.${op}`,
      authorization:
        'AWS4-HMAC-SHA256 Credential=local/20260101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: JSON.stringify(body),
  })
  const json = (await res.json()) as T & { __type?: string; Message?: string; message?: string }
  if (!res.ok) {
    const err = new Error(`${op}: ${json.Message ?? json.message ?? res.status}`)
    err.name =
      String(json.__type ?? 'StreamsError')
        .split('#')
        .pop() ?? 'StreamsError'
    throw err
  }
  return json
}

export interface Shard {
  ShardId: string
  ParentShardId?: string
}

/** The table's current stream, or undefined when it has none. */
export async function latestStreamArn(table: string): Promise<string | undefined> {
  const { Table } = await db().send(new DescribeTableCommand({ TableName: table }))
  return Table?.LatestStreamArn
}

/** Every shard of a stream, parents before their children (records must be read in order). */
export async function listShards(streamArn: string): Promise<Shard[]> {
  const shards: Shard[] = []
  let start: string | undefined
  do {
    const r = await streams<{ StreamDescription: { Shards?: Shard[]; LastEvaluatedShardId?: string } }>(
      'DescribeStream',
      { StreamArn: streamArn, ExclusiveStartShardId: start },
    )
    shards.push(...(r.StreamDescription.Shards ?? []))
    start = r.StreamDescription.LastEvaluatedShardId
  } while (start)
  const ids = new Set(shards.map((s) => s.ShardId))
  const depth = (s: Shard): number =>
    s.ParentShardId && ids.has(s.ParentShardId)
      ? 1 + depth(shards.find((p) => p.ShardId === s.ParentShardId) as Shard)
      : 0
  return shards
    .map((s) => ({ s, d: depth(s) }))
    .sort((a, b) => a.d - b.d)
    .map(({ s }) => s)
}

/** An iterator just after `after`, or at the oldest record kept when there is no position (or it was trimmed). */
export async function shardIterator(streamArn: string, shardId: string, after?: string): Promise<string> {
  const get = (body: Record<string, unknown>) =>
    streams<{ ShardIterator: string }>('GetShardIterator', { StreamArn: streamArn, ShardId: shardId, ...body })
  if (!after) return (await get({ ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator
  try {
    return (await get({ ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after })).ShardIterator
  } catch (err) {
    // Past the 24-hour retention the position is gone; start at what is left.
    if ((err as Error).name !== 'TrimmedDataAccessException') throw err
    return (await get({ ShardIteratorType: 'TRIM_HORIZON' })).ShardIterator
  }
}

/** One page of records; no next iterator means the shard is closed and fully read. */
export async function getRecords(iterator: string): Promise<{ Records?: StreamRecord[]; NextShardIterator?: string }> {
  const page = await streams<{ Records?: StreamRecord[]; NextShardIterator?: string }>('GetRecords', {
    ShardIterator: iterator,
    Limit: 1000,
  })
  for (const r of page.Records ?? []) {
    if (r.dynamodb?.NewImage) r.dynamodb.NewImage = repairEmptyMaps(r.dynamodb.NewImage) as typeof r.dynamodb.NewImage
    if (r.dynamodb?.OldImage) r.dynamodb.OldImage = repairEmptyMaps(r.dynamodb.OldImage) as typeof r.dynamodb.OldImage
  }
  return page
}

/**
 * DynamoDB Local writes an empty map attribute as `{}` in stream images where
 * DynamoDB sends `{ "M": {} }` (and unmarshall rejects `{}`): put the `M` back.
 */
function repairEmptyMaps(image: Record<string, unknown>): Record<string, unknown> {
  const fix = (v: unknown): unknown => {
    if (!v || typeof v !== 'object') return v
    const av = v as Record<string, unknown>
    if (Object.keys(av).length === 0) return { M: {} }
    if (av.M && typeof av.M === 'object') return { M: repairEmptyMaps(av.M as Record<string, unknown>) }
    if (Array.isArray(av.L)) return { L: av.L.map(fix) }
    return av
  }
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, fix(v)]))
}
