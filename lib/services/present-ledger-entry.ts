import type { LedgerEntry } from '../db/ledger'
import type { LedgerEntryView } from '../schemas/commission-query'

/** Set on an entry by the settlement's moves (lib/db/settlements.ts), beside its status. */
type Moved = { settledAt?: string; paidOutAt?: string }

/** A ledger entry as GET /api/commissions and /api/me/commissions answer it, field by field from its schema. */
export function presentLedgerEntry(e: LedgerEntry & Moved): LedgerEntryView {
  return {
    entryId: e.entryId,
    brandId: e.brandId,
    distributorId: e.distributorId,
    orderId: e.orderId,
    kind: e.kind,
    level: e.level,
    ruleId: e.ruleId,
    ruleVersion: e.ruleVersion,
    bps: e.bps,
    fixed: e.fixed,
    base: e.base,
    amount: e.amount,
    currency: e.currency,
    status: e.status,
    at: e.at,
    paidAt: e.paidAt,
    availableAt: e.availableAt,
    createdAt: e.createdAt,
    lines: e.lines.map((l) => ({ sku: l.sku, qty: l.qty, base: l.base, amount: l.amount })),
    refundId: e.refundId,
    reverses: e.reverses,
    settlementId: e.settlementId,
    availableSince: e.availableSince,
    settledAt: e.settledAt,
    paidOutAt: e.paidOutAt,
    ring: e.ring,
    type: e.type,
  }
}
