import type { FC } from 'hono/jsx'
import type { presentBatch } from '../../../../lib/services/present-batch'
import { money } from '../../../format'

export type PresentedBatch = ReturnType<typeof presentBatch>

/** ✓ when the batch's lines, its entries and the ledger's movement agree to the cent; ✗ otherwise; … while closing. */
export const ReconciledMark: FC<{ batch: PresentedBatch }> = ({ batch }) => {
  const r = batch.reconciliation
  if (!r) return <span class="muted reconciled" data-reconciled="pending">… 待对账 Pending</span>
  return r.reconciled ? (
    <span class="ok reconciled" data-reconciled="true" title="明细、分录与账本变动一致 Lines, entries and ledger movement agree">✓ 已对账 Reconciled</span>
  ) : (
    <span class="bad reconciled" data-reconciled="false">✗ 未对平 Does not reconcile</span>
  )
}

/** Gross, reversals, net and counts of a batch, as a definition list. */
export const BatchTotals: FC<{ batch: PresentedBatch; id?: string }> = ({ batch, id }) => {
  const t = batch.totals
  const c = batch.currency
  return (
    <dl class="summary" id={id}>
      <div>
        <dt>分销员 Distributors paid</dt>
        <dd data-total="distributors">{t ? t.distributors : '—'}</dd>
      </div>
      <div>
        <dt>佣金 Gross</dt>
        <dd data-total="gross">{t ? money(t.gross, c) : '—'}</dd>
      </div>
      <div>
        <dt>冲回与调整 Reversals</dt>
        <dd data-total="reversals">{t ? money(t.reversals, c) : '—'}</dd>
      </div>
      <div>
        <dt>应付净额 Net payable</dt>
        <dd data-total="net">{t ? money(t.net, c) : '—'}</dd>
      </div>
      <div>
        <dt>分录 Entries</dt>
        <dd data-total="entries">{t ? t.entries : '—'}</dd>
      </div>
      <div>
        <dt>结转下期 Carried forward</dt>
        <dd data-total="carried">{t ? t.carriedForward : '—'}</dd>
      </div>
    </dl>
  )
}
