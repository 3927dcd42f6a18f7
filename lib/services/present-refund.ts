import type { z } from '@hono/zod-openapi'
import type { StoredRefund } from '../db/orders'
import type { RefundResult } from '../schemas/order-result'

export type RefundAnswer = z.infer<typeof RefundResult>

/**
 * A refund as both refund routes answer it (POST /api/orders/{orderId}/refunds and
 * the signed POST /webhooks/{brandId}/refunds): what the RefundResult schema names
 * and nothing else, so the body hash and the copy kept for reports never leave.
 */
export function presentRefund(r: StoredRefund): RefundAnswer {
  return {
    refundId: r.refundId,
    orderId: r.orderId,
    reversals: r.reversals.map(({ entryId, distributorId, amount, kind, status }) => ({
      entryId,
      distributorId,
      amount,
      kind,
      status,
    })),
    createdAt: r.createdAt,
  }
}
