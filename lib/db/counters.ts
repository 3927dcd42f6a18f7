import { batchGet } from './batch-get'
import { keys } from './keys'
import { tableName } from './table'

/**
 * Write-sharded counters. Each increment goes to one of N partition keys chosen
 * at random, so a viral link spreads its writes over N partitions (DynamoDB
 * takes ~1,000 writes/s per partition); readers sum all N.
 */
export const LINK_SHARDS = 4
export const BRAND_DAY_SHARDS = 10

const randomShard = (n: number) => Math.floor(Math.random() * n)

/** Counter scope for one link's totals. */
export const linkScope = (code: string) => `LINK#${code}`
/** Counter scope for a brand's day, dimensioned by ring and type. */
export const brandDayScope = (brandId: string, day: string) => `BRAND#${brandId}#AGG#${day}`

/** An UpdateItem (for a transaction) adding `by` to `field` of a random shard. */
export function increment(scope: string, shards: number, dimension: string, fields: Record<string, number>) {
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
      Key: keys.counter(scope, randomShard(shards), dimension),
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
export async function sumCounters(scopes: readonly string[], shards: number, dimension: string, field: string): Promise<Map<string, number>> {
  const totals = new Map<string, number>(scopes.map((s) => [s, 0]))
  const allKeys = scopes.flatMap((s) => Array.from({ length: shards }, (_, n) => keys.counter(s, n, dimension)))
  for (const item of await batchGet(allKeys)) {
    const scope = String(item.pk).replace(/#CTR#\d+$/, '')
    totals.set(scope, (totals.get(scope) ?? 0) + Number(item[field] ?? 0))
  }
  return totals
}
