import type { FC } from 'hono/jsx'
import type { presentBatch } from '../../../../lib/services/present-batch'
import type { FinanceText } from '../../../i18n/finance'
import { money } from '../../../format'

export type PresentedBatch = ReturnType<typeof presentBatch>

/** ✓ when the batch's lines, its entries and the ledger's movement agree to the cent; ✗ otherwise; … while closing. */
export const ReconciledMark: FC<{ batch: PresentedBatch; t: FinanceText }> = ({ batch, t }) => {
  const r = batch.reconciliation
  if (!r)
    return (
      <span class="muted reconciled" data-reconciled="pending">
        {t.pending}
      </span>
    )
  return r.reconciled ? (
    <span class="ok reconciled" data-reconciled="true" title={t.reconciledTitle}>
      {t.reconciled}
    </span>
  ) : (
    <span class="bad reconciled" data-reconciled="false">
      {t.notReconciled}
    </span>
  )
}

/** Gross, reversals, net and counts of a batch, as a definition list. */
export const BatchTotals: FC<{ batch: PresentedBatch; t: FinanceText; id?: string }> = ({ batch, t, id }) => {
  const sums = batch.totals
  const c = batch.currency
  const rows: Array<[key: string, label: string, value: string | number | undefined]> = [
    ['distributors', t.distributorsPaid, sums?.distributors],
    ['gross', t.gross, sums && money(sums.gross, c)],
    ['reversals', t.reversals, sums && money(sums.reversals, c)],
    ['net', t.netPayable, sums && money(sums.net, c)],
    ['entries', t.entries, sums?.entries],
    ['carried', t.carriedForward, sums?.carriedForward],
  ]
  return (
    <dl class="summary" id={id}>
      {rows.map(([key, label, value]) => (
        <div>
          <dt>{label}</dt>
          <dd data-total={key}>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  )
}
