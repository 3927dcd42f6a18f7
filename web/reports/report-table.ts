import { BOM, row, type Cell } from '../../lib/domain/csv'
import { currencyExponent, formatMajor } from '../../lib/domain/money'
import { bpsToPercent } from '../shared/amounts'

/**
 * A report table as both the page and its CSV download show it: one builder per
 * report makes these rows, the page renders `text`, the CSV writes `csv`. The
 * two differ only where a figure is missing ("—" on the page, empty in the CSV).
 */

export const REPORT_NAMES = ['ripple', 'channels', 'types', 'trend', 'overview', 'top'] as const
export type ReportName = (typeof REPORT_NAMES)[number]
export const isReportName = (name: string): name is ReportName => (REPORT_NAMES as readonly string[]).includes(name)

/** The id of each report's table on the page. */
export const TABLE_IDS: Record<ReportName, string> = {
  ripple: 'ripple-table',
  channels: 'channel-table',
  types: 'types-table',
  trend: 'trend-table',
  overview: 'overview-table',
  top: 'top-table',
}

export interface TableCell {
  text: string
  csv: Cell
  /** Right-aligned figures. */
  num: boolean
  /** A link on the page (the CSV has the text only). */
  href?: string
}
export interface TableRow {
  /** Identifies the row on the page (`data-key`): a ring, a type, a day. */
  key: string
  cells: TableCell[]
}
export interface ReportTable {
  name: ReportName
  caption: string
  columns: Array<{ header: string; num: boolean }>
  rows: TableRow[]
  /** Totals, below the rows. */
  foot: TableRow[]
}

/** Cell makers: a figure is written the same on the page and in the CSV. */
export const cells = (none: string, currency: string) => {
  const exp = currencyExponent(currency)
  const missing: TableCell = { text: none, csv: '', num: true }
  return {
    text: (s: string, href?: string): TableCell => ({ text: s, csv: s, num: false, ...(href ? { href } : {}) }),
    int: (n: number): TableCell => ({ text: String(n), csv: n, num: true }),
    /** Minor units as an exact decimal in major units. @example money(29900) → "299.00" */
    money: (minor: number | null): TableCell =>
      minor === null ? missing : { text: formatMajor(minor, exp), csv: { amount: formatMajor(minor, exp) }, num: true },
    /** Basis points as a percent with 2 decimals. @example percent(1250) → "12.50%" */
    percent: (bps: number | null): TableCell =>
      bps === null ? missing : { text: `${bpsToPercent(bps)}%`, csv: `${bpsToPercent(bps)}%`, num: true },
    /** A decimal ratio string as the reports give it ("0.2500"). */
    ratio: (r: string | null): TableCell => (r === null ? missing : { text: r, csv: { amount: r }, num: true }),
  }
}

/**
 * The table as CSV: UTF-8 BOM, header row, rows, totals; CRLF line ends, RFC 4180
 * quoting and formula neutralising by lib/domain/csv.
 */
export function tableCsv(table: ReportTable): string {
  return (
    BOM +
    row(table.columns.map((c) => c.header)) +
    [...table.rows, ...table.foot].map((r) => row(r.cells.map((c) => c.csv))).join('')
  )
}
