import type { FC } from 'hono/jsx'
import type { Brand } from '../../../../lib/schemas/brand'
import type { ConsoleRole } from '../../../../lib/auth/console-session'
import type { SettlementLine } from '../../../../lib/domain/settlement'
import { money } from '../../../format'
import { TYPE_LABELS } from '../../../i18n/distributor-types'
import { ConsoleLayout } from '../ConsoleLayout'
import { BatchTotals, ReconciledMark, type PresentedBatch } from './BatchTotals'
import { REASON_LABELS, STATUS_LABELS, financeCss } from './labels'

export type BatchLine = SettlementLine & { name?: unknown; type?: unknown; externalId?: unknown }

/** The reconciliation, stated: three sums that must agree to the cent. */
const Reconciliation: FC<{ batch: PresentedBatch }> = ({ batch }) => {
  const r = batch.reconciliation
  if (!r) return <p class="muted">结账完成后对账。Reconciled once the close finishes.</p>
  return (
    <p id="reconciliation">
      <ReconciledMark batch={batch} /> 明细净额 Lines net {r.linesNet === null ? '—' : money(r.linesNet, batch.currency)} = 结算分录 Entries settled {money(r.entriesNet, batch.currency)} = 账本变动 Ledger movement {money(r.ledgerMovement, batch.currency)}
    </p>
  )
}

/** Mark paid, with an optional bank reference; the API makes a repeat a no-op. */
const MarkPaid: FC<{ batch: PresentedBatch }> = ({ batch }) => (
  <form class="inline-form" id="paid-form" data-batch={batch.batchId}>
    <div class="field">
      <label for="paid-reference">付款参考号 Payment reference (可选 optional)</label>
      <input id="paid-reference" name="reference" maxlength={128} placeholder="BANK-2026-10-001" />
    </div>
    <button type="submit" id="mark-paid">标记已付款 Mark paid</button>
    <p class="muted" id="paid-status" role="status"></p>
  </form>
)

/** /console/finance/:id: one batch, its totals and reconciliation, its lines a page at a time, exports and mark paid. */
export const BatchPage: FC<{ brand: Brand; role: ConsoleRole; batch: PresentedBatch; lines: BatchLine[]; nextCursor?: string; firstPage: boolean; script?: string }> = ({
  brand,
  role,
  batch,
  lines,
  nextCursor,
  firstPage,
  script,
}) => {
  const id = encodeURIComponent(batch.batchId)
  const finance = role === 'finance'
  return (
    <ConsoleLayout title={`结算批次 Batch ${batch.period}`} brandName={brand.name} script={script} current="finance" extraCss={financeCss}>
      <p><a href="/console/finance">← 结算批次 All batches</a></p>
      <section class="card" id="batch" data-id={batch.batchId} data-status={batch.status}>
        <h2>结算批次 Batch {batch.period} <small class="muted">{batch.batchId}</small></h2>
        <p>
          状态 Status <strong id="batch-status">{STATUS_LABELS[batch.status]}</strong>
          {batch.closedAt ? <span class="muted"> · 结账于 Closed {batch.closedAt}</span> : null}
          {batch.paidAt && batch.status === 'paid' ? <span class="muted" id="paid-at"> · 付款于 Paid {batch.paidAt}</span> : null}
          {batch.reference ? <span class="muted" id="paid-reference-shown"> · 参考号 Reference {batch.reference}</span> : null}
        </p>
        <BatchTotals batch={batch} id="batch-totals" />
        <Reconciliation batch={batch} />
        {finance && batch.status !== 'closing' ? (
          <div class="actions">
            <a class="btn ghost" id="download-export" href={`/api/settlements/${id}/export.csv`} download>下载汇总 CSV Download export.csv</a>
            <a class="btn ghost" id="download-lines" href={`/api/settlements/${id}/lines.csv`} download>下载明细 CSV Download lines.csv</a>
          </div>
        ) : null}
        {finance && (batch.status === 'closed' || batch.status === 'paying') ? <MarkPaid batch={batch} /> : null}
        {!finance ? <p class="muted">导出和付款需要财务密钥。Exports and payment need a finance key.</p> : null}
      </section>
      <section class="card" id="lines">
        <h2>明细 Lines</h2>
        <div class="table-wrap">
          <table>
            <thead>
              <tr><th>分销员 Distributor</th><th>外部编号 External id</th><th>类型 Type</th><th class="num">佣金 Gross</th><th class="num">冲回 Reversals</th><th class="num">净额 Net</th><th class="num">分录 Entries</th><th>结果 Outcome</th></tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr class="line" data-distributor={l.distributorId} data-carried={String(l.carriedForward)}>
                  <td>{String(l.name ?? '') || l.distributorId}<br /><small class="muted">{l.distributorId}</small></td>
                  <td>{String(l.externalId ?? '')}</td>
                  <td>{TYPE_LABELS[String(l.type) as keyof typeof TYPE_LABELS] ?? String(l.type ?? '')}</td>
                  <td class="num">{money(l.gross, batch.currency)}</td>
                  <td class="num">{money(l.reversals, batch.currency)}</td>
                  <td class="num net">{money(l.net, batch.currency)}</td>
                  <td class="num">{l.entries}</td>
                  <td>{l.carriedForward ? `结转 Carried: ${REASON_LABELS[l.reason ?? ''] ?? l.reason}` : '结算 Settled'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {lines.length === 0 ? <p class="muted">没有明细。No lines.</p> : null}
        <p class="actions">
          {!firstPage ? <a href={`/console/finance/${id}`} id="lines-first">第一页 First page</a> : null}
          {nextCursor ? <a href={`/console/finance/${id}?cursor=${encodeURIComponent(nextCursor)}`} id="lines-next">下一页 Next page</a> : null}
        </p>
      </section>
    </ConsoleLayout>
  )
}
