import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { decodeCursor, encodeCursor, invalidCursor, strip, type Page } from './items'
import { tableName } from './table'
import { listDistributors } from './distributors'
import type { Distributor, DistributorFilter } from '../schemas/distributor'

/** Items read per round trip, and round trips per request: at most 1,000 index items read for one page. */
const READ_PAGE = 200
const MAX_ROUNDS = 5

/** The filter as a DynamoDB FilterExpression over the distributor's own attributes. */
function filterExpression(
  f: DistributorFilter,
): { expression: string; names: Record<string, string>; values: Record<string, unknown> } | null {
  const parts: string[] = []
  const names: Record<string, string> = {}
  const values: Record<string, unknown> = {}
  for (const k of ['type', 'status', 'ring', 'store'] as const) {
    if (f[k] === undefined) continue
    names[`#${k}`] = k
    values[`:${k}`] = f[k]
    parts.push(`#${k} = :${k}`)
  }
  if (f.q) {
    names['#name'] = 'name'
    values[':q'] = f.q
    parts.push('(contains(#name, :q) OR contains(externalId, :q))')
  }
  return parts.length ? { expression: parts.join(' AND '), names, values } : null
}

/**
 * The brand's distributors matching a filter, oldest first, a page at a time.
 *
 * No table scan: this is a Query on the brand's own distributor index (GSI1
 * `BRAND#b#DISTS`) with a FilterExpression, read in rounds of 200 until the page
 * is full or 1,000 items were read; the cursor marks where reading stopped (the
 * last returned item when a round had more matches than the page needed). The
 * cost grows with the brand's size, not the table's, which a console search of a
 * brand's few thousand distributors can afford; a brand with far more would want
 * a search index fed from the table's stream.
 */
export async function searchDistributors(
  brandId: string,
  filter: DistributorFilter,
  opts: { cursor?: string; limit: number },
): Promise<Page<Distributor>> {
  const f = filterExpression(filter)
  if (!f) return listDistributors(brandId, opts)
  // The cursor is bound to the brand and the filter: another's is refused before any read.
  const scope = { list: 'distributor-search', brandId, filter: f }
  let start = startFrom(decodeCursor(scope, opts.cursor))
  const items: Distributor[] = []
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const r = await queryRound(brandId, f, start)
    const found = r.Items ?? []
    for (const [i, item] of found.entries()) {
      items.push(strip<Distributor>(item))
      if (items.length < opts.limit) continue
      const more = i < found.length - 1 || r.LastEvaluatedKey !== undefined
      // Resume right after this item: its index key is exactly what DynamoDB would have returned.
      return {
        items,
        nextCursor: more
          ? encodeCursor(scope, { pk: item.pk, sk: item.sk, gsi1pk: item.gsi1pk, gsi1sk: item.gsi1sk })
          : undefined,
      }
    }
    start = r.LastEvaluatedKey
    if (!start) return { items }
  }
  return { items, nextCursor: encodeCursor(scope, start) }
}

function startFrom(state: unknown): Record<string, unknown> | undefined {
  if (state === undefined) return undefined
  if (state && typeof state === 'object' && !Array.isArray(state)) return state as Record<string, unknown>
  throw invalidCursor()
}

function queryRound(
  brandId: string,
  f: NonNullable<ReturnType<typeof filterExpression>>,
  start: Record<string, unknown> | undefined,
) {
  return db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      FilterExpression: f.expression,
      ExpressionAttributeNames: f.names,
      ExpressionAttributeValues: { ...f.values, ':pk': keys.distributorsOf(brandId) },
      Limit: READ_PAGE,
      ExclusiveStartKey: start,
    }),
  )
}
