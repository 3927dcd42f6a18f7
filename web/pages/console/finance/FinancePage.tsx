import type { FC } from 'hono/jsx'
import type { FinanceText } from '../../../i18n/finance'
import type { FinanceView } from '../../../routes/console-finance'
import { money } from '../../../format'
import { Table } from '../../../components/Table'
import { ConsolePage } from '../ConsoleLayout'
import { ReconciledMark, type PresentedBatch } from './BatchTotals'
import { financeCss } from './labels'

/** Sums of the listed batches' nets by status: what is owed and what went out. */
function owedAndPaid(batches: PresentedBatch[]) {
  const sum = (statuses: string[]) =>
    batches.filter((b) => statuses.includes(b.status)).reduce((s, b) => s + (b.totals?.net ?? 0), 0)
  return {
    owed: sum(['closed', 'paying']),
    paid: sum(['paid']),
    closing: batches.filter((b) => b.status === 'closing').length,
  }
}

/** The preview tables' rows are written by web/client/finance.ts, not here. */
const none = (): null => null

/** The close-a-period form: preview first (nothing written), then confirm; progress while a long close runs. web/client/finance.ts fills it. */
const ClosePeriod: FC<{ defaultPeriod: string; t: FinanceText }> = ({ defaultPeriod, t }) => (
  <section class="card" id="close-period">
    <h2>{t.closeTitle}</h2>
    <p class="muted">{t.closeIntro}</p>
    <form class="inline-form" id="preview-form">
      <div class="field">
        <label for="period">{t.period}</label>
        <input id="period" name="period" type="month" value={defaultPeriod} required />
      </div>
      <button type="submit" id="preview-button">
        {t.preview}
      </button>
    </form>
    <p class="error field-error" id="period-error" role="alert" hidden></p>
    <div id="preview-result" hidden>
      <h3 id="preview-title"></h3>
      <dl class="summary" id="preview-totals"></dl>
      <h3>{t.toBeSettled}</h3>
      <Table
        id="preview-included-table"
        bodyId="preview-included"
        rows={[]}
        columns={[
          { header: t.distributor, cell: none },
          { header: t.type, cell: none },
          { header: t.gross, num: true, cell: none },
          { header: t.reversals, num: true, cell: none },
          { header: t.net, num: true, cell: none },
          { header: t.entries, num: true, cell: none },
        ]}
      />
      <h3>{t.carriedForward}</h3>
      <Table
        id="preview-carried-table"
        bodyId="preview-carried"
        rows={[]}
        columns={[
          { header: t.distributor, cell: none },
          { header: t.net, num: true, cell: none },
          { header: t.reason, cell: none },
        ]}
      />
      <p class="muted" id="preview-more" hidden>
        {t.previewMore}
      </p>
      <div class="actions">
        <button type="button" id="close-confirm">
          {t.confirmClose}
        </button>
        <button type="button" class="ghost" id="close-cancel">
          {t.cancel}
        </button>
      </div>
    </div>
    <div id="close-progress" hidden>
      <progress id="close-bar" max={1} value={0}></progress>
      <p class="muted" id="close-status" role="status"></p>
    </div>
  </section>
)

/** /console/finance: the batches with status, totals and reconciliation; the close form for finance. */
export const FinancePage: FC<{
  view: FinanceView
  batches: PresentedBatch[]
  nextCursor?: string
  defaultPeriod: string
  script?: string
}> = ({ view, batches, nextCursor, defaultPeriod, script }) => {
  const { brand, role, t } = view
  const c = brand.programme.currency
  const sums = owedAndPaid(batches)
  return (
    <ConsolePage view={view} title={t.title} script={script} current="finance" extraCss={financeCss}>
      {role !== 'finance' ? (
        <p class="card muted" id="read-only">
          {t.readOnly}
        </p>
      ) : null}
      <section class="card" id="balances">
        <h2>{t.balances}</h2>
        <dl class="summary">
          <div>
            <dt>{t.owed}</dt>
            <dd id="owed">{money(sums.owed, c)}</dd>
          </div>
          <div>
            <dt>{t.paidOut}</dt>
            <dd id="paid-out">{money(sums.paid, c)}</dd>
          </div>
          <div>
            <dt>{t.batchesClosing}</dt>
            <dd>{sums.closing}</dd>
          </div>
          <div>
            <dt>{t.payoutThreshold}</dt>
            <dd>{money(brand.programme.payoutThreshold, c)}</dd>
          </div>
        </dl>
        <p class="muted">{t.balancesNote}</p>
      </section>
      {role === 'finance' ? <ClosePeriod defaultPeriod={defaultPeriod} t={t} /> : null}
      <section class="card" id="batches">
        <h2>{t.batchesTitle}</h2>
        <Table
          id="batches-table"
          rows={batches}
          empty={
            <p class="muted" id="no-batches">
              {t.noBatches}
            </p>
          }
          rowAttrs={(b) => ({ class: 'batch', 'data-id': b.batchId, 'data-status': b.status })}
          columns={[
            {
              header: t.periodCol,
              cell: (b) => (
                <a href={`/console/finance/${encodeURIComponent(b.batchId)}`} class="batch-link">
                  {b.period}
                </a>
              ),
            },
            {
              header: t.status,
              class: 'status',
              cell: (b) =>
                t.statuses[b.status] +
                (b.status === 'closing' ? ` (${b.progress.movedEntries}/${b.progress.totalEntries ?? '?'})` : ''),
            },
            { header: t.distributorsPaid, num: true, cell: (b) => b.totals?.distributors ?? '—' },
            {
              header: t.net,
              num: true,
              class: 'net',
              cell: (b) => (b.totals ? money(b.totals.net, b.currency) : '—'),
            },
            { header: t.entries, num: true, cell: (b) => b.totals?.entries ?? '—' },
            { header: t.carriedCol, num: true, cell: (b) => b.totals?.carriedForward ?? '—' },
            { header: t.reconciledCol, cell: (b) => <ReconciledMark batch={b} t={t} /> },
          ]}
        />
        {nextCursor ? (
          <p>
            <a href={`/console/finance?cursor=${encodeURIComponent(nextCursor)}`} id="batches-next">
              {t.nextPage}
            </a>
          </p>
        ) : null}
      </section>
    </ConsolePage>
  )
}
