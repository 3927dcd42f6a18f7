import { getOrder, getRefund, writeRefund, type StoredOrder, type StoredRefund } from '../db/orders'
import { entryIdFor, getEntries, type LedgerEntry } from '../db/ledger'
import { applyRefund, refundedBase } from '../domain/refund'
import { AppError, invalidField } from '../errors'
import type { RefundBody } from '../schemas/order'
import { bodyHashOf } from './ingest-order'
import { minorOrThrow } from './money-fields'

/**
 * Refunds an order exactly once per refundId, reversing its commissions pro rata.
 * A reversed entry still pending or available shrinks with a reversal entry of
 * the same status; one already settled or paid gets a negative adjustment that
 * waits, available, for the next settlement batch. Writes one transaction.
 */
export async function refundOrder(
  brandId: string,
  orderId: string,
  body: RefundBody,
  now = new Date(),
): Promise<{ refund: StoredRefund; created: boolean }> {
  const bodyHash = bodyHashOf({ orderId, ...body })
  for (let attempt = 0; attempt < 8; attempt++) {
    const [order, existing] = await Promise.all([
      getOrder(brandId, orderId),
      getRefund(brandId, orderId, body.refundId),
    ])
    if (existing) {
      if (existing.bodyHash !== bodyHash)
        throw new AppError({
          code: 'conflict',
          message: `Refund ${body.refundId} was already received with a different body.`,
          fields: { refundId: 'Already used.' },
        })
      return { refund: existing, created: false }
    }
    if (!order) throw new AppError({ code: 'not_found', message: `Order ${orderId} not found.` })
    const request =
      'amount' in body ? { amount: minorOrThrow(body.amount, order.currency, 'amount') } : { lines: body.lines }

    const entries = await getEntries(order.commissions.map((c) => c.key))
    const byId = new Map(entries.map((e) => [e.entryId, e]))
    const outcome = applyRefund(
      order.lines,
      order.commissions.map((c) => ({
        entryId: c.entryId,
        amount: c.amount,
        uncapped: c.uncapped,
        lines: c.lines,
        reversed: order.reversed[c.entryId] ?? 0,
      })),
      order.refunds,
      request,
    )
    if (!outcome.ok) throw invalidField(outcome.field, outcome.message)

    const reversals: LedgerEntry[] = outcome.reversals.map((r) =>
      reversalOf(byId.get(r.entryId), r.amount, body.refundId, now),
    )
    const refund: StoredRefund = {
      refundId: body.refundId,
      orderId,
      bodyHash,
      reversals: reversals.map((e) => ({
        entryId: e.entryId,
        distributorId: e.distributorId,
        amount: e.amount,
        kind: e.kind,
        status: e.status,
      })),
      createdAt: now.toISOString(),
      brandId,
      paidAt: order.paidAt,
      base: refundedBase(order.lines, outcome.state) - refundedBase(order.lines, order.refunds),
      reporting: order.reporting,
    }
    const reversed = { ...order.reversed }
    for (const r of outcome.reversals) reversed[r.entryId] = (reversed[r.entryId] ?? 0) + r.amount
    const updated: StoredOrder = { ...order, refunds: outcome.state, reversed }
    const checked = outcome.reversals.map((r) => {
      const original = byId.get(r.entryId) as LedgerEntry
      return {
        key: order.commissions.find((c) => c.entryId === r.entryId)?.key ?? { pk: '', sk: '' },
        status: original.status,
      }
    })
    const result = await writeRefund(brandId, updated, refund, reversals, checked)
    if (result === 'written') return { refund, created: true }
    await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)))
  }
  throw new AppError({ code: 'conflict', message: 'The order is changing; retry the refund.' })
}

/** The negative entry that reverses part of a commission: a reversal before settlement, an adjustment after. */
function reversalOf(original: LedgerEntry | undefined, amount: number, refundId: string, now: Date): LedgerEntry {
  if (!original) throw new Error('A commission entry of the order is missing from the ledger.')
  const settled = original.status === 'settled' || original.status === 'paid'
  return {
    ...original,
    entryId: entryIdFor(original.entryId, 'refund', refundId),
    kind: settled ? 'adjustment' : 'reversal',
    amount: -amount,
    status: settled ? 'available' : original.status,
    availableAt: settled ? now.toISOString() : original.availableAt,
    availableSince: settled || original.status === 'available' ? now.toISOString() : undefined,
    at: now.toISOString(),
    createdAt: now.toISOString(),
    refundId,
    reverses: original.entryId,
    settlementId: undefined,
    lines: [],
  }
}
