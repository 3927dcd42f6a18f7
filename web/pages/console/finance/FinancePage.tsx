import type { FC } from 'hono/jsx'
import type { Brand } from '../../../../lib/schemas/brand'
import type { ConsoleRole } from '../../../../lib/auth/console-session'
import { money } from '../../../format'
import { ConsoleLayout } from '../ConsoleLayout'
import { ReconciledMark, type PresentedBatch } from './BatchTotals'
import { STATUS_LABELS, financeCss } from './labels'

/** Sums of the listed batches' nets by status: what is owed and what went out. */
function owedAndPaid(batches: PresentedBatch[]) {
  const sum = (statuses: string[]) => batches.filter((b) => statuses.includes(b.status)).reduce((s, b) => s + (b.totals?.net ?? 0), 0)
  return { owed: sum(['closed', 'paying']), paid: sum(['paid']), closing: batches.filter((b) => b.status === 'closing').length }
}

/** The close-a-period form: preview first (nothing written), then confirm; progress while a long close runs. */
const ClosePeriod: FC<{ defaultPeriod: string }> = ({ defaultPeriod }) => (
  <section class="card" id="close-period">
    <h2>结账 Close a period</h2>
    <p class="muted">先预览：列出将结算和结转的分销员，确认前不写入任何数据。Preview first: who will be settled and who carried forward; nothing is written until you confirm.</p>
    <form class="inline-form" id="preview-form">
      <div class="field">
        <label for="period">结算月份 Period (YYYY-MM)</label>
        <input id="period" name="period" type="month" value={defaultPeriod} required />
      </div>
      <button type="submit" id="preview-button">预览 Preview</button>
    </form>
    <p class="error field-error" id="period-error" role="alert" hidden></p>
    <div id="preview-result" hidden>
      <h3 id="preview-title"></h3>
      <dl class="summary" id="preview-totals"></dl>
      <h3>将结算 To be settled</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr><th>分销员 Distributor</th><th>类型 Type</th><th class="num">佣金 Gross</th><th class="num">冲回 Reversals</th><th class="num">净额 Net</th><th class="num">分录 Entries</th></tr>
          </thead>
          <tbody id="preview-included"></tbody>
        </table>
      </div>
      <h3>结转下期 Carried forward</h3>
      <div class="table-wrap">
        <table>
          <thead>
            <tr><th>分销员 Distributor</th><th class="num">净额 Net</th><th>原因 Reason</th></tr>
          </thead>
          <tbody id="preview-carried"></tbody>
        </table>
      </div>
      <p class="muted" id="preview-more" hidden>仅列出部分分销员；合计包含全部。Only some distributors are listed; the totals count them all.</p>
      <div class="actions">
        <button type="button" id="close-confirm">确认结账 Confirm and close</button>
        <button type="button" class="ghost" id="close-cancel">取消 Cancel</button>
      </div>
    </div>
    <div id="close-progress" hidden>
      <progress id="close-bar" max={1} value={0}></progress>
      <p class="muted" id="close-status" role="status"></p>
    </div>
  </section>
)

/** /console/finance: the batches with status, totals and reconciliation; the close form for finance. */
export const FinancePage: FC<{ brand: Brand; role: ConsoleRole; batches: PresentedBatch[]; nextCursor?: string; defaultPeriod: string; script?: string }> = ({
  brand,
  role,
  batches,
  nextCursor,
  defaultPeriod,
  script,
}) => {
  const c = brand.programme.currency
  const sums = owedAndPaid(batches)
  return (
    <ConsoleLayout title="结算 Settlements" brandName={brand.name} script={script} current="finance" extraCss={financeCss}>
      {role !== 'finance' ? (
        <p class="card muted" id="read-only">
          只读：结账和付款需要财务密钥。Read only: closing and paying need a finance key.
        </p>
      ) : null}
      <section class="card" id="balances">
        <h2>余额概览 Balances</h2>
        <dl class="summary">
          <div>
            <dt>已结账待付款 Settled, awaiting payment</dt>
            <dd id="owed">{money(sums.owed, c)}</dd>
          </div>
          <div>
            <dt>已付款 Paid out</dt>
            <dd id="paid-out">{money(sums.paid, c)}</dd>
          </div>
          <div>
            <dt>结账中批次 Batches closing</dt>
            <dd>{sums.closing}</dd>
          </div>
          <div>
            <dt>起付额 Payout threshold</dt>
            <dd>{money(brand.programme.payoutThreshold, c)}</dd>
          </div>
        </dl>
        <p class="muted">按本页列出的批次合计；可结算余额见结账预览。Summed over the batches listed here; the available balance is what the close preview shows.</p>
      </section>
      {role === 'finance' ? <ClosePeriod defaultPeriod={defaultPeriod} /> : null}
      <section class="card" id="batches">
        <h2>结算批次 Settlement batches</h2>
        {batches.length === 0 ? (
          <p class="muted" id="no-batches">还没有结算批次。No batches yet.</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr><th>期间 Period</th><th>状态 Status</th><th class="num">分销员 Paid</th><th class="num">净额 Net</th><th class="num">分录 Entries</th><th class="num">结转 Carried</th><th>对账 Reconciled</th></tr>
              </thead>
              <tbody>
                {batches.map((b) => (
                  <tr class="batch" data-id={b.batchId} data-status={b.status}>
                    <td><a href={`/console/finance/${encodeURIComponent(b.batchId)}`} class="batch-link">{b.period}</a></td>
                    <td class="status">{STATUS_LABELS[b.status]}{b.status === 'closing' ? ` (${b.progress.movedEntries}/${b.progress.totalEntries ?? '?'})` : ''}</td>
                    <td class="num">{b.totals?.distributors ?? '—'}</td>
                    <td class="num net">{b.totals ? money(b.totals.net, b.currency) : '—'}</td>
                    <td class="num">{b.totals?.entries ?? '—'}</td>
                    <td class="num">{b.totals?.carriedForward ?? '—'}</td>
                    <td><ReconciledMark batch={b} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextCursor ? (
          <p><a href={`/console/finance?cursor=${encodeURIComponent(nextCursor)}`} id="batches-next">下一页 Next page</a></p>
        ) : null}
      </section>
    </ConsoleLayout>
  )
}
