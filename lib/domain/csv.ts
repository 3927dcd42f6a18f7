/**
 * CSV as Excel and finance tools expect it: RFC 4180 quoting, CRLF line ends,
 * and UTF-8 with a byte-order mark so Excel shows Chinese names.
 */
export const BOM = '\uFEFF'

/** A cell: text is protected against formula injection; numbers and exact amounts are written as they are. */
export type Cell = string | number | { amount: string }

const FORMULA_START = /^[=+\-@\t\r\n]/

/**
 * OWASP's advice for CSV injection: a text cell starting with = + - @ tab or a
 * line break gets a leading apostrophe, so a spreadsheet shows it as text
 * instead of running it. Amounts (`{ amount }`) stay numbers, minus sign and all.
 * @example cell('=HYPERLINK("x")') === '"\'=HYPERLINK(""x"")"'
 */
export function cell(value: Cell): string {
  if (typeof value === 'number') return String(value)
  if (typeof value === 'object') return value.amount
  const text = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV record with its CRLF. */
export const row = (cells: readonly Cell[]): string => `${cells.map(cell).join(',')}\r\n`
