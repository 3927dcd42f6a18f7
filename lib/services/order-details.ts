import { getEntries } from '../db/ledger'
import { getOrder } from '../db/orders'
import { AppError } from '../errors'
import { presentOrder } from './present-order'

/**
 * GET /api/orders/:id's answer: the order with its full "why", each commission
 * with its entry's status now (read by the keys the order stores, consistently),
 * not the status it had when the order was written.
 */
export async function orderDetails(brandId: string, orderId: string) {
  const order = await getOrder(brandId, orderId)
  if (!order) throw new AppError({ code: 'not_found', message: 'Order not found.' })
  const entries = await getEntries(order.commissions.map((c) => c.key))
  return {
    ...presentOrder(order, new Map(entries.map((e) => [e.entryId, e.status]))),
    why: {
      candidates: order.attribution.candidates,
      chain: order.attribution.chain,
      skipped: order.attribution.skipped,
    },
    refunds: { ids: order.refundIds, state: order.refunds },
  }
}
