import { createHash } from 'node:crypto'
import { batchGet } from './batch-get'
import { keys } from './keys'
import { tableName } from './table'

/**
 * Write-sharded counters. Each increment goes to one of N partition keys, so a
 * hot counter spreads its writes over N partitions (DynamoDB takes ~1,000
 * writes/s per partition); readers sum all N. Every counter is written by the
 * stream consumer, once per counter per batch, and a stream shard has one
 * consumer at a time: even 100 stream shards committing 5 batches a second put
 * at most 125 writes/s on each of 4 shards, however many events the batches hold.
 * So N stays small, and a report reads at most N items per row and day.
 */
export const LINK_SHARDS = 4
/** Ring/type rows of a brand's days (random shard per write). */
export const RING_DAY_SHARDS = 4
/** Headcount deltas by year, month and day (random shard per write). */
export const HEADCOUNT_SHARDS = 4
/** Per-distributor day items: a distributor always lands in the same shard, so /api/me reads one item a day. */
export const DISTRIBUTOR_DAY_SHARDS = 16
export const STORE_DAY_SHARDS = 2
/** Active-distributor sets per day, by distributor. */
export const ACTIVE_SHARDS = 8
/**
 * A distributor's team items per day (random shard per write). The shard is in
 * the sort key, not the partition key: a 30-day team series stays one Query.
 */
export const TEAM_DAY_SHARDS = 4

export const randomShard = (n: number) => Math.floor(Math.random() * n)

/**
 * The fixed counter shard of a distributor or store id (the first 4 bytes of its MD5). Stored counter keys
 * depend on it: never change it, nor merge it with the ledger's `ledgerShardOf`, which hashes differently.
 */
export const counterShardOf = (id: string, n: number): number =>
  createHash('md5').update(id).digest().readUInt32BE(0) % n

/** Counter scope for one link's totals. */
export const linkScope = (code: string) => `LINK#${code}`

/** An UpdateItem (for a transaction) adding to numeric fields of one shard (random unless given). */
export function increment(
  scope: string,
  shards: number,
  dimension: string,
  fields: Record<string, number>,
  shard = randomShard(shards),
) {
  const names: Record<string, string> = {}
  const values: Record<string, number> = {}
  const parts = Object.entries(fields).map(([f, by], i) => {
    names[`#f${i}`] = f
    values[`:v${i}`] = by
    return `#f${i} :v${i}`
  })
  return {
    Update: {
      TableName: tableName(),
      Key: keys.counter(scope, shard, dimension),
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

/**
 * Sums one field of a counter over all shards for many scopes at once
 * (BatchGetItem: keyed reads only, 100 keys a call).
 * @example await sumCounters(['LINK#abc'], 4, 'total', 'clicks') → Map { 'LINK#abc' => 17 }
 */
export async function sumCounters(
  scopes: readonly string[],
  shards: number,
  dimension: string,
  field: string,
): Promise<Map<string, number>> {
  const totals = new Map<string, number>(scopes.map((s) => [s, 0]))
  const allKeys = scopes.flatMap((s) => Array.from({ length: shards }, (_, n) => keys.counter(s, n, dimension)))
  for (const item of await batchGet(allKeys)) {
    const scope = String(item.pk).replace(/#CTR#\d+$/, '')
    totals.set(scope, (totals.get(scope) ?? 0) + Number(item[field] ?? 0))
  }
  return totals
}
