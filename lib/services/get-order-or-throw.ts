import { getOrder, type StoredOrder } from '../db/orders'
import { AppError } from '../errors'

/** An order already read (e.g. together with its refund), or a 404. */
export function orderOrThrow(order: StoredOrder | undefined, orderId: string): StoredOrder {
  if (!order) throw new AppError({ code: 'not_found', message: `Order ${orderId} not found.` })
  return order
}

/** The brand's order by id, or a 404 (another brand's order answers the same: orders are keyed by brand). */
export const getOrderOrThrow = async (brandId: string, orderId: string): Promise<StoredOrder> =>
  orderOrThrow(await getOrder(brandId, orderId), orderId)
