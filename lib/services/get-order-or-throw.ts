import { getOrder, type StoredOrder } from '../db/orders'
import { AppError } from '../errors'

/** The brand's order by id, or a 404 (another brand's order answers the same: orders are keyed by brand). */
export async function getOrderOrThrow(brandId: string, orderId: string): Promise<StoredOrder> {
  const order = await getOrder(brandId, orderId)
  if (!order) throw new AppError({ code: 'not_found', message: `Order ${orderId} not found.` })
  return order
}
