import { getEntries } from '../db/ledger'
import { CONFLICT, retryOnConflict } from '../db/retry-on-conflict'
import { getOrder, getRefund, type StoredOrder, type StoredRefund, writeRefund } from '../db/orders'
import { decideRefund } from '../domain/order'
import { AppError, invalidField } from '../errors'
import type { RefundBody } from '../schemas/order'
import { bodyHashOf } from './ingest-order'
import { minorOrThrow } from './money-fields'

/**
 * Refunds an order exactly once per refundId, reversing its commissions pro rata
 * (lib/domain/order.ts decideRefund). A reversed entry still pending or available
 * shrinks with a reversal entry of the same status; one already settled or paid
 * gets a negative adjustment that waits, available, for the next settlement batch.
 * Writes one transaction; a lost race reads and decides again.
 */
export async function refundOrder(
  brandId: string,
  orderId: string,
  body: RefundBody,
  now = new Date(),
): Promise<{ refund: StoredRefund; created: boolean }> {
  const bodyHash = bodyHashOf({ orderId, ...body })
  return retryOnConflict(async () => {
    const [order, existing] = await Promise.all([
      getOrder(brandId, orderId),
      getRefund(brandId, orderId, body.refundId),
    ])
    if (existing) return { refund: sameRefundOrThrow(existing, bodyHash), created: false }
    if (!order) throw new AppError({ code: 'not_found', message: `Order ${orderId} not found.` })
    const request =
      'amount' in body ? { amount: minorOrThrow(body.amount, order.currency, 'amount') } : { lines: body.lines }

    const entries = await getEntries(order.commissions.map((c) => c.key))
    const decided = decideRefund(order, entries, { refundId: body.refundId, bodyHash, request }, now)
    if (!decided.ok) throw invalidField(decided.field, decided.issue)
    const result = await writeRefund(
      brandId,
      decided.order,
      decided.refund,
      decided.reversals,
      checksOf(order, decided),
    )
    if (result === 'written') return { refund: decided.refund, created: true }
    if (result === 'entryTaken')
      throw new AppError({
        code: 'conflict',
        message: `Refund ${body.refundId} cannot be written: one of its ledger entries already exists.`,
      })
    // Another refund or delivery won, an entry moved on, a clash or throttling: read and decide again.
    return CONFLICT
  }, REFUND_RETRIES)
}

/** Still losing after its tries: 503 with Retry-After, so the sender delivers the refund again (a 409 is final). */
const REFUND_RETRIES = {
  tries: 8,
  exhausted: () => new AppError({ code: 'unavailable', message: 'The order is changing; retry the refund shortly.' }),
}

function sameRefundOrThrow(existing: StoredRefund, bodyHash: string): StoredRefund {
  if (existing.bodyHash !== bodyHash)
    throw new AppError({
      code: 'conflict',
      message: `Refund ${existing.refundId} was already received with a different body.`,
      fields: { refundId: { reason: 'refund.id_reused' } },
    })
  return existing
}

/** Each reversed commission's entry key with the status the refund was decided from: the write checks both. */
const checksOf = (order: StoredOrder, decided: { checks: Array<{ entryId: string; status: string }> }) =>
  decided.checks.map((c) => ({
    key: order.commissions.find((x) => x.entryId === c.entryId)?.key ?? { pk: '', sk: '' },
    status: c.status,
  }))
