import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { tableName } from './table'
import type { RateLimit } from '../config/rate-limits'

/** A window's item outlives its window by this much, then TTL removes it (within a day or two, unbilled). */
const TTL_MARGIN_SECONDS = 60

export interface WindowCount {
  /** This attempt's place in the window: 1 for the first. */
  count: number
  /** When the window ends, in epoch ms: the next window starts from zero. */
  endsAt: number
}

/**
 * Counts one attempt of `subject` in `limit`'s current fixed window and returns
 * the count so far, in one UpdateItem (ADD, returning the new value): atomic, so
 * every Lambda instance counting the same subject sees one sequence.
 * @example await countInWindow(RATE_LIMITS.joinsPerAddress, '203.0.113.9') → { count: 3, endsAt: 1767226200000 }
 */
export async function countInWindow(limit: RateLimit, subject: string, now = Date.now()): Promise<WindowCount> {
  const windowMs = limit.windowSeconds * 1000
  const start = Math.floor(now / windowMs) * windowMs
  const endsAt = start + windowMs
  const r = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.rateWindow(limit.scope, subject, start),
      UpdateExpression: 'ADD #n :one SET #ttl = :ttl',
      ExpressionAttributeNames: { '#n': 'n', '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':one': 1, ':ttl': Math.floor(endsAt / 1000) + TTL_MARGIN_SECONDS },
      ReturnValues: 'UPDATED_NEW',
    }),
  )
  return { count: Number(r.Attributes?.n ?? 1), endsAt }
}
