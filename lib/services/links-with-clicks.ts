import type { MyLink } from '../schemas/me'
import { LINK_SHARDS, linkScope, sumCounters } from '../db/counters'
import { listLinksOf } from '../db/links'

/** A share link as its owner sees it: where it points and how often it was clicked (all-time, over its shards). */
export type LinkWithClicks = MyLink

/**
 * A page of a distributor's share links, newest first, each with its click count: one Query for the
 * links, one BatchGetItem over their counter shards. What GET /api/me/links, /m and the console's
 * distributor page show.
 * @example const { items } = await linksWithClicks('https://r.example', 'd_1', { limit: 20 }) // items[0].clicks
 */
export async function linksWithClicks(
  baseUrl: string,
  distributorId: string,
  page: { cursor?: string; limit?: number },
): Promise<{ items: LinkWithClicks[]; nextCursor?: string }> {
  const links = await listLinksOf(distributorId, page)
  const clicks = await sumCounters(
    links.items.map((l) => linkScope(l.code)),
    LINK_SHARDS,
    'total',
    'clicks',
  )
  const items = links.items.map((l) => ({
    code: l.code,
    shortUrl: `${baseUrl}/s/${l.code}`,
    target: l.target,
    productId: l.productId,
    clicks: clicks.get(linkScope(l.code)) ?? 0,
    createdAt: l.createdAt,
  }))
  return { items, nextCursor: links.nextCursor }
}
