import { Hono } from 'hono'
import { dashboardText } from '../i18n/dashboard'
import { loadReportTable } from '../reports/load-reports'
import { pickRange, todayUtc } from '../reports/report-range'
import { isReportName, tableCsv } from '../reports/report-table'
import { adminGate } from './console-admin-gate'
import { csvDownloadHeaders } from '../../lib/http/csv-download'

export const consoleReports = new Hono()

/** A file-name part: the brand name without characters a file system or a header refuses. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what a file name in a header must not carry.
const fileSafe = (s: string): string => s.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-').trim() || 'brand'

// GET /console/reports/:name.csv: one dashboard table as CSV for ?from&to, headers in the page language (admins, by console cookie).
consoleReports.get('/console/reports/:file', async (c) => {
  const name = c.req.param('file').replace(/\.csv$/, '')
  if (!c.req.param('file').endsWith('.csv') || !isReportName(name)) return c.notFound()
  const gate = await adminGate(c, 'home')
  if (!gate.ok) return gate.response
  const pick = pickRange(c.req.query('from'), c.req.query('to'), todayUtc())
  if (pick.errors.from || pick.errors.to) return c.text(dashboardText(gate.lang).csvBadRange, 422)
  const table = await loadReportTable(name, gate.brand, pick.range, gate.lang)
  const { from, to } = pick.range
  // An ASCII name for old clients, the brand's own name (Chinese and all) for the rest (RFC 6266).
  const ascii = `ripple-${gate.brand.id}-${name}-${from}_${to}.csv`
  return c.body(
    tableCsv(table),
    200,
    csvDownloadHeaders(ascii, `${fileSafe(gate.brand.name)}-${name}-${from}_${to}.csv`),
  )
})
