import type { Batch } from '../db/settlements'
import type { SettlementLine } from '../domain/settlement'
import type { BatchView, SettlementLineView } from '../schemas/settlement'

/**
 * A batch as the API shows it, with its reconciliation: the sum of the lines,
 * the sum of the entries moved into the batch, and the ledger's movement (the
 * balance changes made with them, counted by the same transactions) must agree
 * to the cent for `reconciled` to be true. Typed by the response schema, field
 * by field: the run's bookkeeping (brand, lock, paid counts) stays inside.
 */
export function presentBatch(b: Batch, entriesNet?: number): BatchView {
  const linesNet = b.totals?.net ?? null
  const moved = entriesNet ?? b.movedAmount
  return {
    batchId: b.batchId,
    period: b.period,
    currency: b.currency,
    status: b.status,
    startedAt: b.startedAt,
    closedAt: b.closedAt,
    paidAt: b.paidAt,
    reference: b.reference,
    totals: b.totals && {
      distributors: b.totals.distributors,
      gross: b.totals.gross,
      reversals: b.totals.reversals,
      net: b.totals.net,
      entries: b.totals.entries,
      carriedForward: b.totals.carriedForward,
    },
    progress: { planned: b.planned, movedEntries: b.movedEntries, totalEntries: b.totals?.entries ?? null },
    ...(b.status === 'closing'
      ? {}
      : {
          reconciliation: {
            linesNet,
            entriesNet: moved,
            ledgerMovement: b.movedAmount,
            reconciled: linesNet === moved && moved === b.movedAmount && b.movedEntries === (b.totals?.entries ?? -1),
          },
        }),
  }
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '')

/** A line's figures and the close's decision, field by field (a batch's stored lines and a preview's share them). */
export const settlementLineFigures = (l: SettlementLine): SettlementLine => ({
  distributorId: l.distributorId,
  gross: l.gross,
  reversals: l.reversals,
  net: l.net,
  entries: l.entries,
  carriedForward: l.carriedForward,
  ...(l.reason ? { reason: l.reason } : {}),
})

/** A stored line of a batch: the close's decision and the payee's details as they were then. */
export function presentBatchLine(l: SettlementLine & Record<string, unknown>): SettlementLineView {
  return {
    ...settlementLineFigures(l),
    name: text(l.name),
    type: text(l.type),
    externalId: text(l.externalId),
    payeeReference: text(l.payeeReference),
  }
}
