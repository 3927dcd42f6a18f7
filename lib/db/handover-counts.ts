import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { tableName } from './table'

/** Round trips per count: at most 5 pages of index keys (about 5 MB read) before the count says "at least". */
const MAX_PAGES = 5

/** How many items an index partition holds, by Select COUNT (keys only are read), bounded. */
async function countPartition(pk: string): Promise<{ count: number; complete: boolean }> {
  let count = 0
  let start: Record<string, unknown> | undefined
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'GSI2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    )
    count += r.Count ?? 0
    start = r.LastEvaluatedKey
    if (!start) return { count, complete: true }
  }
  return { count, complete: false }
}

/**
 * What a leaver's hand-over would move, for its confirmation: their bound customers
 * (GSI2 `BOUND#id`) and direct recruits (GSI2 `PARENT#id`), each counted by a
 * bounded COUNT Query; `complete: false` means "at least this many".
 * @example const { customers, recruits } = await countHandoverLoad('d_abc')
 */
export async function countHandoverLoad(leaverId: string) {
  const [customers, recruits] = await Promise.all([
    countPartition(keys.boundTo(leaverId)),
    countPartition(keys.recruitsOf(leaverId)),
  ])
  return { customers, recruits }
}
