import type { EntryStatus } from '../db/ledger'
import type { StoredOrder } from '../db/orders'
import type { OrderDetail, OrderResult } from '../schemas/order-result'

export type { OrderResult }

/**
 * The order as the API answers it: the order, who was credited and how, and the commissions, each with
 * its entry's `current` status when given (else as written). Typed by the response schema and built
 * field by field, so nothing stored (hashes, keys, the reporting snapshot) reaches a client unless the
 * schema names it.
 */
export function presentOrder(o: StoredOrder, current?: ReadonlyMap<string, EntryStatus>): OrderResult {
  return {
    order: {
      orderId: o.orderId,
      customerId: o.customerId,
      currency: o.currency,
      paidAt: o.paidAt,
      total: o.total,
      lines: o.lines.map((l) => ({
        sku: l.sku,
        qty: l.qty,
        unitPrice: l.unitPrice,
        discount: l.discount,
        category: l.category,
        base: l.base,
      })),
      createdAt: o.createdAt,
    },
    attribution: { distributorId: o.attribution.distributorId, source: o.attribution.source },
    commissions: o.commissions.map((c) => ({
      id: c.entryId,
      distributorId: c.distributorId,
      level: c.level,
      amount: c.amount,
      currency: o.currency,
      status: current?.get(c.entryId) ?? c.status,
      ruleId: c.ruleId,
      ruleVersion: c.ruleVersion,
      ...(c.bps !== undefined ? { bps: c.bps } : {}),
      ...(c.fixed !== undefined ? { fixed: c.fixed } : {}),
    })),
  }
}

/** GET /api/orders/{orderId}: the order with its full "why" (sources considered, chain paid, levels skipped) and refunds. */
export function presentOrderDetail(o: StoredOrder, current?: ReadonlyMap<string, EntryStatus>): OrderDetail {
  const { candidates, chain, skipped } = o.attribution
  return {
    ...presentOrder(o, current),
    why: {
      candidates: candidates.map((c) => ({
        source: c.source,
        distributorId: c.distributorId,
        outcome: c.outcome,
        detail: c.detail,
      })),
      chain: chain.map((m) => ({ level: m.level, distributorId: m.distributorId, type: m.type })),
      skipped: skipped.map((s) => ({ level: s.level, distributorId: s.distributorId, reason: s.reason })),
    },
    refunds: { ids: o.refundIds, state: { qty: o.refunds.qty, amount: o.refunds.amount } },
  }
}
