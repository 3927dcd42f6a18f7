import { keys } from './keys'
import { queryPage, type Page } from './items'
import type { StoredOrder } from './orders'

/**
 * A customer's orders credited to one distributor, newest first: one Query on
 * GSI1 (the order item carries the entry, lib/db/orders.ts `orderItem`).
 * @example await listCustomerOrdersWith('b1', 'c9', 'd1', { limit: 5 })
 */
export function listCustomerOrdersWith(
  brandId: string,
  customerId: string,
  distributorId: string,
  opts: { cursor?: string; limit?: number },
): Promise<Page<StoredOrder>> {
  return queryPage<StoredOrder>(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.customerOrdersWith(brandId, customerId, distributorId) },
      ScanIndexForward: false,
      Limit: opts.limit ?? 5,
    },
    opts.cursor,
  )
}
