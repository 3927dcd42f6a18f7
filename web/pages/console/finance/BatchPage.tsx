import type { FC } from 'hono/jsx'
import type { SettlementLine } from '../../../../lib/domain/settlement'
import type { FinanceText } from '../../../i18n/finance'
import type { FinanceView } from '../../../routes/console-finance'
import { typeName } from '../../../i18n/console-admin'
import { money } from '../../../format'
import { Table } from '../../../components/Table'
import { ConsolePage } from '../ConsoleLayout'
import { BatchTotals, ReconciledMark, type PresentedBatch } from './BatchTotals'
import { financeCss } from './labels'

export type BatchLine = SettlementLine & { name?: unknown; type?: unknown; externalId?: unknown }

/** The reconciliation, stated: three sums that must agree to the cent. */
const Reconciliation: FC<{ batch: PresentedBatch; t: FinanceText }> = ({ batch, t }) => {
  const r = batch.reconciliation
  if (!r) return <p class="muted">{t.reconcileLater}</p>
  return (
    <p id="reconciliation">
      <ReconciledMark batch={batch} t={t} /> {t.linesNet}{' '}
      {r.linesNet === null ? '—' : money(r.linesNet, batch.currency)} = {t.entriesSettled}{' '}
      {money(r.entriesNet, batch.currency)} = {t.ledgerMovement} {money(r.ledgerMovement, batch.currency)}
    </p>
  )
}

/** Mark paid, with an optional bank reference; the API makes a repeat a no-op. */
const MarkPaid: FC<{ batch: PresentedBatch; t: FinanceText }> = ({ batch, t }) => (
  <form
    class="inline-form"
    id="paid-form"
    data-batch={batch.batchId}
    data-payees={String(batch.totals?.distributors ?? 0)}
    data-total={money(batch.totals?.net ?? 0, batch.currency)}
  >
    <div class="field">
      <label for="paid-reference">{t.paymentReference}</label>
      <input id="paid-reference" name="reference" maxlength={128} placeholder="BANK-2026-10-001" />
    </div>
    <button type="submit" id="mark-paid">
      {t.markPaid}
    </button>
    <p class="muted" id="paid-status" role="status"></p>
  </form>
)

/** A line's type in the page language (lines store the type the distributor had when the batch closed). */

/** /console/finance/:id: one batch, its totals and reconciliation, its lines a page at a time, exports and mark paid. */
export const BatchPage: FC<{
  view: FinanceView
  batch: PresentedBatch
  lines: BatchLine[]
  nextCursor?: string
  firstPage: boolean
  script?: string
}> = ({ view, batch, lines, nextCursor, firstPage, script }) => {
  const { role, lang, t } = view
  const id = encodeURIComponent(batch.batchId)
  const finance = role === 'finance'
  return (
    <ConsolePage view={view} title={t.batchTitle(batch.period)} script={script} current="finance" extraCss={financeCss}>
      <p>
        <a href="/console/finance" id="all-batches">
          {t.allBatches}
        </a>
      </p>
      <section class="card" id="batch" data-id={batch.batchId} data-status={batch.status}>
        <h2>
          {t.batchTitle(batch.period)} <small class="muted">{batch.batchId}</small>
        </h2>
        <p>
          {t.status} <strong id="batch-status">{t.statuses[batch.status]}</strong>
          {batch.closedAt ? (
            <span class="muted">
              {' '}
              · {t.closedAt} {batch.closedAt}
            </span>
          ) : null}
          {batch.paidAt && batch.status === 'paid' ? (
            <span class="muted" id="paid-at">
              {' '}
              · {t.paidAt} {batch.paidAt}
            </span>
          ) : null}
          {batch.reference ? (
            <span class="muted" id="paid-reference-shown">
              {' '}
              · {t.reference} {batch.reference}
            </span>
          ) : null}
        </p>
        <BatchTotals batch={batch} t={t} id="batch-totals" />
        <Reconciliation batch={batch} t={t} />
        {finance && batch.status !== 'closing' ? (
          <div class="actions">
            <a class="btn ghost" id="download-export" href={`/api/settlements/${id}/export.csv`} download>
              {t.downloadExport}
            </a>
            <a class="btn ghost" id="download-lines" href={`/api/settlements/${id}/lines.csv`} download>
              {t.downloadLines}
            </a>
          </div>
        ) : null}
        {finance && (batch.status === 'closed' || batch.status === 'paying') ? <MarkPaid batch={batch} t={t} /> : null}
        {!finance ? (
          <p class="muted" id="need-finance-key">
            {t.needFinanceKey}
          </p>
        ) : null}
      </section>
      <section class="card" id="lines">
        <h2>{t.lines}</h2>
        <Table
          id="lines-table"
          rows={lines}
          rowAttrs={(l) => ({
            class: 'line',
            'data-distributor': l.distributorId,
            'data-carried': String(l.carriedForward),
          })}
          columns={[
            {
              header: t.distributor,
              cell: (l) => (
                <>
                  {String(l.name ?? '') || l.distributorId}
                  <br />
                  <small class="muted">{l.distributorId}</small>
                </>
              ),
            },
            { header: t.externalId, cell: (l) => String(l.externalId ?? '') },
            { header: t.type, class: 'type', cell: (l) => typeName(lang, l.type) },
            { header: t.gross, num: true, cell: (l) => money(l.gross, batch.currency) },
            { header: t.reversals, num: true, cell: (l) => money(l.reversals, batch.currency) },
            { header: t.net, num: true, class: 'net', cell: (l) => money(l.net, batch.currency) },
            { header: t.entries, num: true, cell: (l) => l.entries },
            {
              header: t.outcome,
              class: 'outcome',
              cell: (l) => (l.carriedForward ? t.carried(l.reason ? t.reasons[l.reason] : '') : t.settled),
            },
          ]}
        />
        {lines.length === 0 ? <p class="muted">{t.noLines}</p> : null}
        <p class="actions">
          {!firstPage ? (
            <a href={`/console/finance/${id}`} id="lines-first">
              {t.firstPage}
            </a>
          ) : null}
          {nextCursor ? (
            <a href={`/console/finance/${id}?cursor=${encodeURIComponent(nextCursor)}`} id="lines-next">
              {t.nextPage}
            </a>
          ) : null}
        </p>
      </section>
    </ConsolePage>
  )
}

/** A batch id that is not this brand's (or not a batch id at all), said in the page language. */
export const BatchNotFound: FC<{ view: FinanceView }> = ({ view, view: { t } }) => (
  <ConsolePage view={view} title={t.notFound} current="finance">
    <p>
      <a href="/console/finance">{t.allBatches}</a>
    </p>
    <section class="card" id="batch-not-found">
      <h2>{t.notFound}</h2>
    </section>
  </ConsolePage>
)
