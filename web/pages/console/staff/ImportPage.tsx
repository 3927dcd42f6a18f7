import type { FC } from 'hono/jsx'
import type { AdminView } from '../../../routes/console-admin-gate'
import { staffText } from '../../../i18n/staff'
import { ConsolePage } from '../ConsoleLayout'

const importCss = `
.import-actions{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-top:8px}
#import-errors td.line{font-variant-numeric:tabular-nums}
#import-progress{width:100%;height:14px}
.counts{display:flex;gap:16px;flex-wrap:wrap}
.counts b{font-size:1.2rem}
code{background:#f6f6f8;padding:1px 4px;border-radius:4px}
`

/** The staff import: pick a CSV, check it (every bad row listed), then import it with progress and counts. web/client/import.ts runs it. */
export const ImportPage: FC<{ view: AdminView; script: string }> = ({ view, script }) => {
  const { lang } = view
  const t = staffText(lang)
  return (
    <ConsolePage view={view} title={t.importTitle} script={script} current="import" extraCss={importCss}>
      <section class="card">
        <h2>{t.importHeading}</h2>
        <p class="muted" id="import-format">
          {t.fileFormat}
          {t.columns.map((col, i) => (
            <>
              {i > 0 ? t.columnSeparator : ''}
              <code>{col.name}</code>
              {col.note ?? ''}
            </>
          ))}
          {t.matchedByExternalId}{' '}
          <a id="import-template" href={`/console/import/template.csv?lang=${lang}`} download={t.templateFile}>
            {t.template}
          </a>
        </p>
        <label for="import-file">{t.chooseFile}</label>
        <input type="file" id="import-file" accept=".csv,text/csv" />
        <div class="import-actions">
          <button type="button" id="import-check" disabled>
            {t.check}
          </button>
          <button type="button" id="import-run" disabled>
            {t.import}
          </button>
          <span id="import-status" role="status"></span>
        </div>
      </section>
      <section class="card" id="import-summary" hidden>
        <h3>{t.checkTitle}</h3>
        <p id="import-summary-text"></p>
        <progress id="import-progress" max="1" value="0" hidden></progress>
        <div class="counts" id="import-counts" hidden>
          <span>
            {t.created} <b id="count-created">0</b>
          </span>
          <span>
            {t.updated} <b id="count-updated">0</b>
          </span>
          <span>
            {t.unchanged} <b id="count-unchanged">0</b>
          </span>
          <span>
            {t.failedCount} <b id="count-failed">0</b>
          </span>
        </div>
      </section>
      <section class="card" id="import-errors-card" hidden>
        <h3>{t.problemsTitle}</h3>
        <div class="table-wrap">
          <table id="import-errors">
            <thead>
              <tr>
                <th>{t.line}</th>
                <th>{t.field}</th>
                <th>{t.reason}</th>
                <th>{t.details}</th>
              </tr>
            </thead>
            <tbody></tbody>
          </table>
        </div>
      </section>
    </ConsolePage>
  )
}
