import { type ApiError, langHeaders, localizeError } from './shared/api-error'
import type { ImportError, ImportReport } from '../../lib/schemas/staff-import'
import { importProblemDetail, staffText } from '../i18n/staff'
import { pageLang } from './shared/page-lang'

// The staff import page: a dry run of the whole file first, then the import, chunk by chunk, following `next`.

/** A report, or the error body of a refused call. */
type Answer = ImportReport & { error?: ApiError }

const t = staffText(pageLang())
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const fileInput = $<HTMLInputElement>('import-file')
const check = $<HTMLButtonElement>('import-check')
const run = $<HTMLButtonElement>('import-run')
const status = $('import-status')
const errorsBody = $('import-errors').querySelector('tbody') as HTMLElement
let bytes: ArrayBuffer | undefined
let checked: ImportReport | undefined

async function send(query: string): Promise<ImportReport> {
  const res = await fetch(`/api/distributors/import?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-ripple-client': 'console', ...langHeaders() },
    body: bytes,
  })
  const body = (await res.json().catch(() => ({}))) as Answer
  if (!res.ok) throw new Error(localizeError(body.error)?.message ?? `HTTP ${res.status}`)
  return body
}

function showErrors(list: ImportError[], append = false): void {
  if (!append) errorsBody.textContent = ''
  for (const e of list) {
    const tr = document.createElement('tr')
    tr.className = `import-error reason-${e.reason}`
    const cells: Array<[string, string]> = [
      ['line', String(e.line)],
      ['field', t.fields[e.field] ?? e.field],
      ['reason', t.reasons[e.reason] ?? e.reason],
      ['message', importProblemDetail(t, e)],
    ]
    for (const [cls, text] of cells) {
      const td = document.createElement('td')
      td.className = cls
      td.textContent = text
      tr.append(td)
    }
    errorsBody.append(tr)
  }
  $('import-errors-card').hidden = errorsBody.children.length === 0
}

function showCounts(r: ImportReport): void {
  for (const k of ['created', 'updated', 'unchanged', 'failed'] as const) $(`count-${k}`).textContent = String(r[k])
  $('import-counts').hidden = false
}

fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0]
  bytes = file ? await file.arrayBuffer() : undefined
  checked = undefined
  check.disabled = !bytes
  run.disabled = true
  status.textContent = ''
  $('import-summary').hidden = true
  $('import-counts').hidden = true
  showErrors([])
})

check.addEventListener('click', async () => {
  check.disabled = true
  status.textContent = t.checking
  try {
    checked = await send('dryRun=true')
    const c = checked
    $('import-summary-text').textContent = t.summary(
      c.rows,
      c.valid,
      c.wouldCreate ?? 0,
      c.wouldUpdate ?? 0,
      c.errorCount,
      c.encoding,
    )
    $('import-summary').hidden = false
    showErrors(c.errors)
    run.disabled = c.valid === 0
    status.textContent = c.errorCount > 0 ? t.fixRows : t.allReady
  } catch (err) {
    status.textContent = t.checkFailed((err as Error).message)
  }
  check.disabled = false
})

run.addEventListener('click', async () => {
  if (!checked) return
  run.disabled = true
  check.disabled = true
  fileInput.disabled = true
  const progress = $<HTMLProgressElement>('import-progress')
  progress.max = Math.max(1, checked.valid)
  progress.value = 0
  progress.hidden = false
  let next: string | undefined
  try {
    for (;;) {
      status.textContent = t.importing
      const r = await send(`dryRun=false${next ? `&next=${encodeURIComponent(next)}` : ''}`)
      if (!next) showErrors(r.errors)
      showErrors(r.failures, true)
      progress.value = r.processed
      showCounts(r)
      if (r.done) break
      next = r.next
    }
    status.textContent = t.importFinished
  } catch (err) {
    status.textContent = t.importStopped((err as Error).message)
    run.disabled = false
  }
  check.disabled = false
  fileInput.disabled = false
})
