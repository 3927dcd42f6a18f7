import type { FC } from 'hono/jsx'
import type { ReportRange } from '../../../../lib/schemas/report'
import type { Lang } from '../../../i18n/lang'
import { TABLE_IDS, type ReportTable, type TableRow } from '../../../reports/report-table'

/** The download of a table: the same rows for the same range and language. */
export const csvHref = (table: ReportTable, range: ReportRange, lang: Lang): string =>
  `/console/reports/${table.name}.csv?${new URLSearchParams({ from: range.from, to: range.to, lang }).toString()}`

const Row: FC<{ row: TableRow; total?: boolean }> = ({ row, total }) => (
  <tr data-key={row.key} class={total ? 'total' : undefined}>
    {row.cells.map((c) => (
      <td class={c.num ? 'num' : undefined}>{c.href ? <a href={c.href}>{c.text}</a> : c.text}</td>
    ))}
  </tr>
)

/** A chart's figures as a table (its id from TABLE_IDS) with its CSV download link under it. The caption is for screen readers: the section's heading already shows it. */
export const DataTable: FC<{
  table: ReportTable
  range: ReportRange
  lang: Lang
  download: string
  empty?: string
}> = ({ table, range, lang, download, empty }) => (
  <div class="data-table">
    <div class="table-wrap">
      <table id={TABLE_IDS[table.name]}>
        <caption class="visually-hidden">{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col" class={c.num ? 'num' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && empty ? (
            <tr class="empty">
              <td colspan={table.columns.length} class="muted">
                {empty}
              </td>
            </tr>
          ) : (
            table.rows.map((r) => <Row row={r} />)
          )}
        </tbody>
        {table.foot.length ? (
          <tfoot>
            {table.foot.map((r) => (
              <Row row={r} total />
            ))}
          </tfoot>
        ) : null}
      </table>
    </div>
    <p class="actions">
      <a class="btn ghost csv" id={`${table.name}-csv`} href={csvHref(table, range, lang)} download>
        {download}
      </a>
    </p>
  </div>
)
