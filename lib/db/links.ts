import { transactOrExplain } from './transact'
import { keys, timeSortKey } from './keys'
import { getItem, queryPage, strip, type Page, readOne, type KeyedRead } from './items'
import { tableName } from './table'

/** A share link as stored: what the redirect needs in one GetItem. */
export interface LinkRecord {
  code: string
  brandId: string
  distributorId: string
  /** Where the distributor stood when the link was made: the link counts there; its clicks count where the distributor stands when counted. */
  ring: number
  type: string
  /** The sharer's recruiters when the link was made (nearest first), so a click counts in their teams too. Absent on older links. */
  ancestors?: string[]
  target: string
  productId?: string
  createdAt: string
}

export type CreateLinkResult =
  | { created: true }
  | { created: false; reason: 'code_taken' }
  | { created: false; reason: 'target_linked'; existingCode: string }

/**
 * Claims a link code and the distributor's (target → code) slot in one
 * transaction, so a code is never overwritten and one distributor gets one
 * link per product or URL even when two taps race.
 */
export async function createLink(link: LinkRecord, targetKey: string): Promise<CreateLinkResult> {
  const T = tableName()
  const r = await transactOrExplain([
    {
      Put: {
        TableName: T,
        Item: {
          ...keys.link(link.code),
          entity: 'link',
          ...link,
          gsi1pk: keys.linksOf(link.distributorId),
          gsi1sk: timeSortKey(link.createdAt, link.code),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: T,
        Item: { ...keys.linkTarget(link.distributorId, targetKey), entity: 'linkTarget', code: link.code },
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
  ])
  if (r.ok) return { created: true }
  if (r.failed.has(1)) return { created: false, reason: 'target_linked', existingCode: String(r.failed.get(1)?.code) }
  return { created: false, reason: 'code_taken' }
}

/** The link behind a code: the redirect's one read. */
export const getLink = (code: string): Promise<LinkRecord | undefined> => readOne(linkRead(code))
export const linkRead = (code: string): KeyedRead<LinkRecord> => ({ key: keys.link(code), parse: strip<LinkRecord> })

/** The code a distributor already has for a target, if any. */
export async function getLinkCodeForTarget(distributorId: string, targetKey: string): Promise<string | undefined> {
  const item = await getItem(keys.linkTarget(distributorId, targetKey))
  return item ? String(item.code) : undefined
}

/** A distributor's links, newest first (GSI1). */
export function listLinksOf(
  distributorId: string,
  opts: { cursor?: string; limit?: number },
): Promise<Page<LinkRecord>> {
  return queryPage<LinkRecord>(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.linksOf(distributorId) },
      ScanIndexForward: false,
      Limit: opts.limit ?? 50,
    },
    opts.cursor,
  )
}
