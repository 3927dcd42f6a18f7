import { ownersOfExternalIds } from '../db/external-ids'
import { readCsv } from '../domain/csv-read'
import { decodeText } from '../domain/decode-text'
import { planImport, readStaffRows, recruitersOutsideFile, type ImportError } from '../domain/staff-import'
import { decodeImportToken, encodeImportToken, fileFingerprint, type ImportProgress } from './import-token'
import { writeSlice } from './import-staff-rows'
import { requestBudget } from './request-budget'
import type { ImportReport } from '../schemas/staff-import'

export interface ImportRequest {
  brandId: string
  bytes: Uint8Array
  dryRun: boolean
  /** The `next` token of the previous call of a chunked import. */
  next?: string
  /** Rows of the plan to write in this call at most. */
  limit?: number
  /** Stop starting new slices after this long (API Gateway cuts a request at 29 s). */
  budgetMs?: number
}

export const DEFAULT_IMPORT_LIMIT = 500
/** Rows written per slice: the unit the time budget is checked between. */
const SLICE = 100
const MAX_ERRORS = 1000

/**
 * Imports (or previews) a staff CSV. Every call reads and checks the whole file
 * (cheap: 10,000 rows parse in milliseconds), so a dry run reports every error
 * before anything is written. An import then writes the valid rows
 * recruiters-first, at most `limit` per call and within the time budget, and
 * returns a `next` token for the rest: the caller sends the same file again
 * until `done`. Rows are matched by external id, so re-running any call (or the
 * whole import) updates instead of creating twice.
 */
export async function importStaff(req: ImportRequest): Promise<ImportReport> {
  // Started before the file is read: parsing and planning spend the request's time too.
  const budget = requestBudget(req.budgetMs)
  const { text, encoding } = decodeText(req.bytes)
  const csv = readCsv(text)
  const read = csv.ok
    ? readStaffRows(csv.records)
    : {
        rows: [],
        refusedIds: new Set<string>(),
        errors: [
          {
            line: csv.line,
            field: '_' as const,
            reason: 'malformed_csv' as const,
            message: `CSV 格式错误：${csv.message}`,
            params: { detail: csv.message },
          },
        ],
      }
  const dataRows = csv.ok ? Math.max(0, csv.records.length - 1) : 0
  const brandIds = await ownersOfExternalIds(req.brandId, recruitersOutsideFile(read.rows, read.refusedIds))
  const { plan, errors: planErrors } = planImport(read.rows, new Set(brandIds.keys()), read.refusedIds)
  const errors = [...read.errors, ...planErrors].sort((a, b) => a.line - b.line)
  const refusedRows = new Set(errors.map((e) => e.line)).size

  const file = fileFingerprint(req.bytes)
  const progress: ImportProgress = req.next
    ? decodeImportToken(req.next, file)
    : { from: 0, created: 0, updated: 0, unchanged: 0, failed: refusedRows }
  const report = {
    dryRun: req.dryRun,
    encoding,
    rows: dataRows,
    valid: plan.length,
    errorCount: errors.length,
    errors: req.dryRun || !req.next ? errors.slice(0, MAX_ERRORS) : [],
    failures: [] as ImportError[],
  }
  if (req.dryRun) {
    const existing = await ownersOfExternalIds(
      req.brandId,
      plan.map((r) => r.externalId),
    )
    return {
      ...report,
      wouldCreate: plan.length - existing.size,
      wouldUpdate: existing.size,
      created: 0,
      updated: 0,
      unchanged: 0,
      failed: refusedRows,
      processed: 0,
      done: true,
    }
  }

  const end = Math.min(plan.length, progress.from + (req.limit ?? DEFAULT_IMPORT_LIMIT))
  let at = progress.from
  while (at < end && !budget.over()) {
    const slice = plan.slice(at, Math.min(end, at + SLICE))
    const out = await writeSlice(req.brandId, slice)
    progress.created += out.created
    progress.updated += out.updated
    progress.unchanged += out.unchanged
    progress.failed += out.failures.length
    report.failures.push(...out.failures)
    at += slice.length
    budget.did()
  }
  progress.from = at
  const done = at >= plan.length
  return { ...report, ...progress, processed: at, done, next: done ? undefined : encodeImportToken(file, progress) }
}
