import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { tableName } from './table'
import { transactOrExplain } from './transact'
import { getDistributors } from './distributors-batch'
import type { Placement } from '../domain/report-events'

/** Placements per pinned item: 200 of at most ~350 bytes each keeps an item far below 400 KB. */
const PLACEMENTS_PER_PART = 200
/** Like the chunk markers, pins only need to outlive the stream's retries. */
const PIN_TTL_SECONDS = 2 * 86_400

/** Current ring, type and recruiters of many distributors (one BatchGetItem per 100); unknown ids are absent. */
export async function readPlacements(ids: readonly string[]): Promise<Map<string, Placement>> {
  const found = await getDistributors(ids)
  return new Map([...found].map(([id, d]) => [id, { ring: d.ring, type: d.type, ancestors: d.ancestors }]))
}

/** The placements a stream batch was first counted with, or undefined when it has none pinned yet. */
export async function getPinnedPlacements(firstSequenceNumber: string): Promise<Map<string, Placement> | undefined> {
  const { pk } = keys.streamBatchPlacements(firstSequenceNumber)
  const items: Record<string, unknown>[] = []
  let start: Record<string, unknown> | undefined
  do {
    const r = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': pk },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    )
    items.push(...(r.Items ?? []))
    start = r.LastEvaluatedKey
  } while (start)
  if (items.length === 0) return undefined
  return new Map(items.flatMap((item) => Object.entries((item.placements ?? {}) as Record<string, Placement>)))
}

/**
 * Pins a stream batch's placements, all parts in one transaction, unless an earlier try
 * pinned some first.
 * @returns false when the stream batch was already pinned (read those with getPinnedPlacements)
 */
export async function pinPlacements(
  firstSequenceNumber: string,
  placements: ReadonlyMap<string, Placement>,
): Promise<boolean> {
  const entries = [...placements]
  const ttl = Math.floor(Date.now() / 1000) + PIN_TTL_SECONDS
  const parts = Array.from({ length: Math.max(1, Math.ceil(entries.length / PLACEMENTS_PER_PART)) }, (_, i) =>
    entries.slice(i * PLACEMENTS_PER_PART, (i + 1) * PLACEMENTS_PER_PART),
  )
  const T = tableName()
  const r = await transactOrExplain(
    parts.map((part, i) => ({
      Put: {
        TableName: T,
        Item: {
          ...keys.streamBatchPlacements(firstSequenceNumber, i),
          entity: 'streamBatch',
          placements: Object.fromEntries(part),
          ttl,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
  )
  return r.ok
}
