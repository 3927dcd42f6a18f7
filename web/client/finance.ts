import { moneyText } from '../shared/amounts'
import type { DistributorType } from '../../lib/schemas/distributor'
import type { SettlementBatch, SettlementPreview } from '../../lib/schemas/settlement'
import { financeText } from '../i18n/finance'
import { TYPE_NAMES } from '../i18n/console-admin'
import { consoleApi } from './shared/console-api'
import { pageLang } from './shared/page-lang'
import { confirmDialog } from './shared/confirm-dialog'
import { confirmationsText } from '../i18n/confirmations'

// The finance pages: preview → confirm → close (re-POSTing while the API answers 202), and mark paid.

/** What POST /api/settlements/preview answers (lib/schemas/settlement.ts). */
type Preview = SettlementPreview
type BatchAnswer = Pick<SettlementBatch, 'batchId' | 'status' | 'progress'>

const lang = pageLang()
const t = financeText(lang)
const asks = confirmationsText(lang)
const statusName = (status: string) => t.statuses[status as keyof typeof t.statuses] ?? status
const reasonName = (reason: string | undefined) =>
  reason ? (t.reasons[reason as keyof typeof t.reasons] ?? reason) : ''
const typeName = (type: string) => TYPE_NAMES[lang][type as DistributorType] ?? type
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null

function td(text: string, cls?: string): HTMLTableCellElement {
  const cell = document.createElement('td')
  cell.textContent = text
  if (cls) cell.className = cls
  return cell
}

function showError(message: string): void {
  const el = $('period-error')
  if (!el) return
  el.textContent = message
  el.hidden = !message
}

/** What the close would do: totals, then who is settled and who is carried forward (with why). */
function renderPreview(p: Preview): void {
  const m = (n: number) => moneyText(n, p.currency)
  const sums = p.totals
  $('preview-title')!.textContent = p.existing
    ? t.existingBatch(p.period, p.batchId, statusName(p.existing.status))
    : t.previewTitle(p.period)
  const totals = $('preview-totals')!
  totals.replaceChildren(
    ...(sums
      ? ([
          [t.distributorsPaid, String(sums.distributors), 'distributors'],
          [t.netPayable, m(sums.net), 'net'],
          [t.gross, m(sums.gross), 'gross'],
          [t.reversals, m(sums.reversals), 'reversals'],
          [t.entries, String(sums.entries), 'entries'],
          [t.carriedForward, String(sums.carriedForward), 'carried'],
        ] as const)
      : []
    ).map(([label, value, key]) => {
      const div = document.createElement('div')
      const dt = document.createElement('dt')
      const dd = document.createElement('dd')
      dt.textContent = label
      dd.textContent = value
      dd.dataset.total = key
      div.append(dt, dd)
      return div
    }),
  )
  $('preview-included')!.replaceChildren(
    ...p.included.map((l) => {
      const tr = document.createElement('tr')
      tr.dataset.distributor = l.distributorId
      tr.append(
        td(l.name || l.distributorId),
        td(typeName(l.type)),
        td(m(l.gross), 'num'),
        td(m(l.reversals), 'num'),
        td(m(l.net), 'num'),
        td(String(l.entries), 'num'),
      )
      return tr
    }),
  )
  $('preview-carried')!.replaceChildren(
    ...p.carriedForward.map((l) => {
      const tr = document.createElement('tr')
      tr.dataset.distributor = l.distributorId
      tr.append(td(l.name || l.distributorId), td(m(l.net), 'num'), td(reasonName(l.reason)))
      return tr
    }),
  )
  $('preview-more')!.hidden = !p.more
  const confirm = $<HTMLButtonElement>('close-confirm')!
  confirm.hidden = !!p.existing || !sums || sums.entries + sums.carriedForward === 0
  confirm.dataset.period = p.period
  confirm.dataset.payees = String(sums?.distributors ?? 0)
  confirm.dataset.net = m(sums?.net ?? 0)
  confirm.dataset.carried = String(sums?.carriedForward ?? 0)
  $('preview-result')!.hidden = false
}

$('preview-form')?.addEventListener('submit', async (e) => {
  e.preventDefault()
  showError('')
  const period = $<HTMLInputElement>('period')!.value
  const button = $<HTMLButtonElement>('preview-button')!
  button.disabled = true
  try {
    const res = await consoleApi<Preview>('POST', '/api/settlements/preview', { period })
    if (res.status === 200) renderPreview(res.body)
    else showError(res.body.error?.fields?.period ?? res.body.error?.message ?? `HTTP ${res.status}`)
  } catch {
    showError(t.failed)
  }
  button.disabled = false
})

$('close-cancel')?.addEventListener('click', () => {
  $('preview-result')!.hidden = true
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Closes the period: the API works for a time budget per request and answers 202 until done, so POST again, showing progress. */
$('close-confirm')?.addEventListener('click', async (e) => {
  const button = e.currentTarget as HTMLButtonElement
  const { period = '', payees = '0', net = '', carried = '0' } = button.dataset
  const ok = await confirmDialog({
    title: asks.closePeriod.title(period),
    consequences: asks.closePeriod.consequences(period, Number(payees), net, Number(carried)),
    warning: asks.irreversible,
    confirmLabel: asks.closePeriod.ok,
    cancelLabel: asks.cancel,
  })
  if (!ok) return
  button.disabled = true
  const bar = $<HTMLProgressElement>('close-bar')!
  const status = $('close-status')!
  $('close-progress')!.hidden = false
  status.textContent = t.closing
  let lastMoved = -1
  for (let attempt = 0; ; attempt++) {
    const res = await consoleApi<BatchAnswer>('POST', '/api/settlements', { period }).catch(() => undefined)
    if (res && (res.status === 200 || res.status === 201)) {
      status.textContent = t.statuses.closed
      location.assign('/console/finance')
      return
    }
    if (res?.status === 202) {
      const { movedEntries, totalEntries } = res.body.progress
      bar.max = Math.max(1, totalEntries ?? 1)
      bar.value = movedEntries
      status.textContent = t.closingProgress(movedEntries, totalEntries === null ? '…' : String(totalEntries))
      // Another request may hold the close right now: give it a moment rather than spinning.
      if (movedEntries === lastMoved) await sleep(500)
      lastMoved = movedEntries
      continue
    }
    // 409: another close is running for this brand; anything else is shown and stops.
    if (res?.status === 409 && attempt < 60) {
      status.textContent = t.waiting
      await sleep(2000)
      continue
    }
    status.textContent = res?.body.error?.message ?? t.failed
    button.disabled = false
    return
  }
})

/** Mark paid: POST until the API says paid (a large batch pays over several requests), then show the page afresh. */
$('paid-form')?.addEventListener('submit', async (e) => {
  e.preventDefault()
  const form = e.currentTarget as HTMLFormElement
  const reference = $<HTMLInputElement>('paid-reference')!.value.trim()
  const status = $('paid-status')!
  const button = $<HTMLButtonElement>('mark-paid')!
  const batch = form.dataset.batch ?? ''
  const ok = await confirmDialog({
    title: asks.markPaid.title(batch),
    consequences: asks.markPaid.consequences(batch, Number(form.dataset.payees ?? '0'), form.dataset.total ?? ''),
    warning: asks.irreversible,
    confirmLabel: asks.markPaid.ok,
    cancelLabel: asks.cancel,
  })
  if (!ok) return
  button.disabled = true
  status.textContent = t.markingPaid
  for (;;) {
    const res = await consoleApi<BatchAnswer>(
      'POST',
      `/api/settlements/${encodeURIComponent(form.dataset.batch ?? '')}/paid`,
      reference ? { reference } : {},
    ).catch(() => undefined)
    if (res?.status === 200 && res.body.status === 'paying') {
      await sleep(300)
      continue
    }
    if (res?.status === 200) return location.reload()
    status.textContent = res?.body.error?.fields?.reference ?? res?.body.error?.message ?? t.failed
    button.disabled = false
    return
  }
})
