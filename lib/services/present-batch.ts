import type { Batch } from '../db/settlements'

/**
 * A batch as the API shows it, with its reconciliation: the sum of the lines,
 * the sum of the entries moved into the batch, and the ledger's movement (the
 * balance changes made with them, counted by the same transactions) must agree
 * to the cent for `reconciled` to be true.
 */
export function presentBatch(b: Batch, entriesNet?: number) {
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
    totals: b.totals,
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
