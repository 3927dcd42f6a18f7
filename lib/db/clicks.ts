import { transactWrite } from './transact'
import { keys } from './keys'
import { conditionFailures, getItem, strip } from './items'
import { tableName } from './table'
import { BRAND_DAY_SHARDS, LINK_SHARDS, brandDayScope, increment, linkScope } from './counters'
import type { LinkRecord } from './links'

/** Clicks are kept 400 days (a year of attribution look-back, plus margin), then TTL removes them. */
export const CLICK_TTL_DAYS = 400
/** The same visitor on the same link within this window counts once. */
export const DEDUPE_MINUTES = 30

export interface Click {
  clickId: string
  code: string
  brandId: string
  distributorId: string
  visitorId: string
  uaClass: string
  at: string
}

export type RecordClickResult = { counted: true; clickId: string } | { counted: false; clickId: string }

/**
 * Records a counted click in one TransactWriteItems: the visitor's dedupe mark
 * (conditional: no counted click of theirs on this link in 30 minutes), the
 * click itself, and the link's and brand-day's sharded counters. One round trip
 * on the redirect path; counters never drift from the clicks they count. A
 * repeat inside the window writes nothing and returns the first click's id, so
 * the order still attributes to it.
 */
export async function recordClick(click: Click, link: LinkRecord): Promise<RecordClickResult> {
  const T = tableName()
  const atMs = Date.parse(click.at)
  const day = click.at.slice(0, 10)
  try {
    await transactWrite([
          {
            Put: {
              TableName: T,
              Item: { ...keys.visit(click.code, click.visitorId), clickId: click.clickId, countedAt: atMs, ttl: Math.floor(atMs / 1000) + DEDUPE_MINUTES * 60 + 3600 },
              ConditionExpression: 'attribute_not_exists(pk) OR countedAt < :cutoff',
              ExpressionAttributeValues: { ':cutoff': atMs - DEDUPE_MINUTES * 60_000 },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: T,
              Item: { ...keys.click(click.clickId), entity: 'click', ...click, ttl: Math.floor(atMs / 1000) + CLICK_TTL_DAYS * 86_400 },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          increment(linkScope(link.code), LINK_SHARDS, 'total', { clicks: 1 }),
          increment(brandDayScope(link.brandId, day), BRAND_DAY_SHARDS, `ring#${link.ring}#type#${link.type}`, { clicks: 1 }),
        ])
    return { counted: true, clickId: click.clickId }
  } catch (err) {
    const previous = conditionFailures(err)?.get(0)
    if (previous?.clickId) return { counted: false, clickId: String(previous.clickId) }
    throw err
  }
}

/** A click by id (for attribution), or undefined once TTL has removed it. */
export async function getClick(clickId: string): Promise<Click | undefined> {
  const item = await getItem(keys.click(clickId))
  return item ? strip<Click>(item) : undefined
}
