import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { tableName } from './table'
import { transactOrExplain } from './transact'
import { getDistributors } from './distributors-batch'
import type { Placement } from '../domain/report-events'
import { batchRead } from './batch-get'
import { brandRead } from './brands'

/** Placements per pinned item: 200 of at most ~350 bytes each keeps an item far below 400 KB. */
const PLACEMENTS_PER_PART = 200
/** Like the chunk markers, pins only need to outlive the stream's retries. */
const PIN_TTL_SECONDS = 2 * 86_400

/** Current ring, type and recruiters of many distributors (one BatchGetItem per 100); unknown ids are absent. */
export async function readPlacements(ids: readonly string[]): Promise<Map<string, Placement>> {
  const found = await getDistributors(ids)
  return new Map([...found].map(([id, d]) => [id, { ring: d.ring, type: d.type, ancestors: d.ancestors }]))
}

/** Each brand's time zone (one BatchGetItem per 100 brands); a brand that is gone is absent. */
export async function readTimeZones(brandIds: readonly string[]): Promise<Map<string, string>> {
  const { brands } = await batchRead({ brands: brandIds.map(brandRead) })
  return new Map(brands.map((b) => [b.id, b.programme.timeZone] as const))
}

/** What a stream batch was first counted with: its clicked distributors' placements and its brands' zones. */
export interface PinnedBatch {
  placements: Map<string, Placement>
  zones: Map<string, string>
}

/** The placements a stream batch was first counted with, or undefined when it has none pinned yet. */
export async function getPinnedPlacements(firstSequenceNumber: string): Promise<Map<string, Placement> | undefined> {
  return (await getPinnedBatch(firstSequenceNumber))?.placements
}

/** The placements and zones a stream batch was first counted with, or undefined when it has none pinned yet. */
export async function getPinnedBatch(firstSequenceNumber: string): Promise<PinnedBatch | undefined> {
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
  return {
    placements: new Map(items.flatMap((item) => Object.entries((item.placements ?? {}) as Record<string, Placement>))),
    zones: new Map(items.flatMap((item) => Object.entries((item.zones ?? {}) as Record<string, string>))),
  }
}

/**
 * Pins a stream batch's placements (and its brands' zones, on the first part), all
 * parts in one transaction, unless an earlier try pinned some first.
 * @returns false when the stream batch was already pinned (read those with getPinnedPlacements)
 */
export async function pinPlacements(
  firstSequenceNumber: string,
  placements: ReadonlyMap<string, Placement>,
  zones: ReadonlyMap<string, string> = new Map(),
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
          ...(i === 0 ? { zones: Object.fromEntries(zones) } : {}),
          ttl,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })),
  )
  return r.ok
}
