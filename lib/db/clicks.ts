import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { keys } from './keys'
import { getItem, strip, readOne, type KeyedRead } from './items'
import { tableName } from './table'
import { writeOrExplain } from './transact'
import { hmac, signingSecret } from '../auth/secrets'
import type { LinkRecord } from './links'

/** Clicks are kept 400 days (a year of attribution look-back, plus margin), then TTL removes them. */
export const CLICK_TTL_DAYS = 400
/** The same visitor on the same link within this window counts once. */
export const DEDUPE_MINUTES = 30
const WINDOW_MS = DEDUPE_MINUTES * 60_000

/**
 * A counted click as stored. Ring, type and ancestors are the link's, as it was made: the
 * counters read the distributor's current ones per batch and fall back to these only when it is gone.
 */
export interface Click {
  clickId: string
  code: string
  brandId: string
  distributorId: string
  ring: number
  type: string
  ancestors?: string[]
  visitorId: string
  uaClass: string
  at: string
}

/** Who clicked what: the request's part of a click. */
export interface Visit {
  code: string
  visitorId: string
  uaClass: string
}

/** The visitor's counted click in the previous bucket, when it is still inside the window. */
export interface RecentClick {
  clickId: string
  at: string
}

export type RecordClickResult = { counted: boolean; clickId: string }

/** The 30-minute bucket a moment falls in. */
export const clickBucket = (epochMs: number): number => Math.floor(epochMs / WINDOW_MS)

/**
 * The click id of a visitor on a link in one bucket: derived, not random, so the
 * id itself is the dedupe key (a second click in the bucket finds it taken), and
 * keyed by the signing secret so nobody can forge or predict another visitor's id.
 * @example clickIdFor('AbC123xy', 'V000000000000001', 984_000) → 'c_Jq…' (22 base64url chars)
 */
export const clickIdFor = (code: string, visitorId: string, bucket: number): string =>
  `c_${hmac(signingSecret(), `${code}|${visitorId}|${bucket}`).slice(0, 22)}`

/**
 * The visitor's click on this link in the bucket before `now`'s, if it is less
 * than 30 minutes old: buckets are fixed, the rule is a sliding window, and this
 * read is what closes the gap at a bucket boundary. Only the code and visitor are
 * needed, so the redirect runs it in parallel with the link read.
 */
export async function findRecentClick(code: string, visitorId: string, now: number): Promise<RecentClick | undefined> {
  const item = await getItem(keys.click(clickIdFor(code, visitorId, clickBucket(now) - 1)), true)
  if (!item || now - Date.parse(String(item.at)) >= WINDOW_MS) return undefined
  return { clickId: String(item.clickId), at: String(item.at) }
}

/**
 * Records a click with one conditional PutItem and nothing else: counters are
 * summed later from the table's stream (functions/counters.ts), so hot counter
 * keys never sit on the click path. A `recent` click (from findRecentClick) is
 * reused and nothing is written; a taken id means the visitor already has a
 * counted click in this bucket, and that same id is returned, so an order still
 * attributes to it.
 */
export async function recordClick(
  visit: Visit,
  link: LinkRecord,
  opts: { now?: number; recent?: RecentClick } = {},
): Promise<RecordClickResult> {
  const now = opts.now ?? Date.now()
  if (opts.recent && now - Date.parse(opts.recent.at) < WINDOW_MS)
    return { counted: false, clickId: opts.recent.clickId }
  const clickId = clickIdFor(visit.code, visit.visitorId, clickBucket(now))
  const click: Click = {
    clickId,
    code: visit.code,
    brandId: link.brandId,
    distributorId: link.distributorId,
    ring: link.ring,
    type: link.type,
    ancestors: link.ancestors,
    visitorId: visit.visitorId,
    uaClass: visit.uaClass,
    at: new Date(now).toISOString(),
  }
  const put = await writeOrExplain(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.click(clickId),
        entity: 'click',
        ...click,
        ttl: Math.floor(now / 1000) + CLICK_TTL_DAYS * 86_400,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
  return { counted: put.ok, clickId }
}

/** A click by id (for attribution), or undefined once TTL has removed it. */
export const getClick = (clickId: string): Promise<Click | undefined> => readOne(clickRead(clickId))
export const clickRead = (clickId: string): KeyedRead<Click> => ({ key: keys.click(clickId), parse: strip<Click> })
