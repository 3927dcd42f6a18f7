import { IMPORT_FIELD_LABELS, IMPORT_REASON_LABELS } from '../i18n/staff'

// The staff import page: a dry run of the whole file first, then the import, chunk by chunk, following `next`.

interface ImportError {
  line: number
  field: string
  reason: string
  message: string
}
interface Report {
  encoding: string
  rows: number
  valid: number
  errorCount: number
  errors: ImportError[]
  failures: ImportError[]
  wouldCreate?: number
  wouldUpdate?: number
  created: number
  updated: number
  unchanged: number
  failed: number
  processed: number
  done: boolean
  next?: string
  error?: { message: string }
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const fileInput = $<HTMLInputElement>('import-file')
const check = $<HTMLButtonElement>('import-check')
const run = $<HTMLButtonElement>('import-run')
const status = $('import-status')
const errorsBody = $('import-errors').querySelector('tbody') as HTMLElement
let bytes: ArrayBuffer | undefined
let checked: Report | undefined

async function send(query: string): Promise<Report> {
  const res = await fetch(`/api/distributors/import?${query}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/octet-stream', 'x-ripple-client': 'console' },
    body: bytes,
  })
  const body = (await res.json().catch(() => ({}))) as Report
  if (!res.ok) throw new Error(body.error?.message ?? `HTTP ${res.status}`)
  return body
}

function showErrors(list: ImportError[], append = false): void {
  if (!append) errorsBody.textContent = ''
  for (const e of list) {
    const tr = document.createElement('tr')
    tr.className = `import-error reason-${e.reason}`
    for (const [cls, text] of [['line', String(e.line)], ['field', IMPORT_FIELD_LABELS[e.field] ?? e.field], ['reason', IMPORT_REASON_LABELS[e.reason] ?? e.reason], ['message', e.message]]) {
      const td = document.createElement('td')
      td.className = cls!
      td.textContent = text!
      tr.append(td)
    }
    errorsBody.append(tr)
  }
  $('import-errors-card').hidden = errorsBody.children.length === 0
}

function showCounts(r: Report): void {
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
  status.textContent = '检查中… Checking…'
  try {
    checked = await send('dryRun=true')
    const c = checked
    $('import-summary-text').textContent = `共 ${c.rows} 行，可导入 ${c.valid} 行（新建 ${c.wouldCreate ?? 0}，已存在 ${c.wouldUpdate ?? 0}），有问题 ${c.errorCount} 处。编码 ${c.encoding}。 ${c.rows} rows, ${c.valid} ready, ${c.errorCount} problems.`
    $('import-summary').hidden = false
    showErrors(c.errors)
    run.disabled = c.valid === 0
    status.textContent = c.errorCount > 0 ? '请修正有问题的行，或只导入可导入的行。Fix the rows below, or import the ready ones.' : '检查通过 All rows are ready.'
  } catch (err) {
    status.textContent = `检查失败 Check failed: ${(err as Error).message}`
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
      status.textContent = '导入中… Importing…'
      const r: Report = await send(`dryRun=false${next ? `&next=${encodeURIComponent(next)}` : ''}`)
      if (!next) showErrors(r.errors)
      showErrors(r.failures, true)
      progress.value = r.processed
      showCounts(r)
      if (r.done) break
      next = r.next
    }
    status.textContent = '导入完成 Import finished.'
  } catch (err) {
    status.textContent = `导入中断，可重新导入（按工号不会重复创建）Import stopped, run it again (nothing is created twice): ${(err as Error).message}`
    run.disabled = false
  }
  check.disabled = false
  fileInput.disabled = false
})

export {}
