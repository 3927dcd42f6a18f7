import type { EntryStatus } from '../db/ledger'
import type { StoredOrder } from '../db/orders'

export type OrderResult = ReturnType<typeof presentOrder>

/**
 * The order as the API answers it (the OrderResult schema, lib/schemas/order-result.ts): the order, who was
 * credited and why, and the commissions, each with its entry's `current` status when given (else as written).
 */
export function presentOrder(o: StoredOrder, current?: ReadonlyMap<string, EntryStatus>) {
  return {
    order: {
      orderId: o.orderId,
      customerId: o.customerId,
      currency: o.currency,
      paidAt: o.paidAt,
      total: o.total,
      lines: o.lines,
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
