import { getEntries } from '../db/ledger'
import type { OrderDetail } from '../schemas/order-result'
import { getOrderOrThrow } from './get-order-or-throw'
import { presentOrderDetail } from './present-order'

/**
 * GET /api/orders/:id's answer: the order with its full "why", each commission
 * with its entry's status now (read by the keys the order stores, consistently),
 * not the status it had when the order was written.
 */
export async function orderDetails(brandId: string, orderId: string): Promise<OrderDetail> {
  const order = await getOrderOrThrow(brandId, orderId)
  const entries = await getEntries(order.commissions.map((c) => c.key))
  return presentOrderDetail(order, new Map(entries.map((e) => [e.entryId, e.status])))
}
