import { keys } from './keys'
import { queryPage, type Page } from './items'
import type { LedgerEntry } from './ledger'

/**
 * A distributor's commission entries (not reversals), newest first: the orders
 * credited to them or their team, one Query on their ledger key. The kind filter
 * runs inside that Query, so a page may hold fewer than `limit`.
 */
export function listCommissionEntries(
  distributorId: string,
  opts: { cursor?: string; limit?: number },
): Promise<Page<LedgerEntry>> {
  return queryPage<LedgerEntry>(
    {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: '#k = :k',
      ExpressionAttributeNames: { '#k': 'kind' },
      ExpressionAttributeValues: { ':pk': keys.ledgerOf(distributorId), ':k': 'commission' },
      ScanIndexForward: false,
      Limit: opts.limit ?? 50,
    },
    opts.cursor,
  )
}
