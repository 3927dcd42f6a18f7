import type { CommissionPreview } from '../../../lib/schemas/preview'
import { bpsToPercent, moneyText } from '../../shared/amounts'
import { consoleApi } from '../shared/console-api'
import { form, readForm } from './form'
import { fill, text } from './text'

/** What POST /api/rules/preview answers (lib/schemas/preview.ts). */
type PreviewAnswer = CommissionPreview
type Commission = PreviewAnswer['commissions'][number]

const product = document.getElementById('preview-product') as HTMLSelectElement | null
const qty = document.getElementById('preview-qty') as HTMLInputElement | null
const type = document.getElementById('preview-type') as HTMLSelectElement | null
const rows = document.getElementById('preview-rows')
const status = document.getElementById('preview-status')
const draftStatus = document.getElementById('preview-draft-status')
const base = document.getElementById('preview-base')

/** Which request the page is waiting for: a slower, older answer never overwrites a newer one. */
let seq = 0
let timer: ReturnType<typeof setTimeout> | undefined

/** The rule's name from the list on the page; the programme's own default has none there. */
function ruleName(ruleId: string, version: number, draftName?: string): string {
  if (ruleId === 'programme') return text.programmeDefault
  if (draftName !== undefined) return `${draftName} v${version}`
  const row = document.querySelector<HTMLElement>(`tr.rule[data-id="${CSS.escape(ruleId)}"] .name`)
  return `${row?.textContent ?? ruleId} v${version}`
}

function cell(text: string, cls?: string): HTMLTableCellElement {
  const td = document.createElement('td')
  td.textContent = text
  if (cls) td.className = cls
  return td
}

const rateOf = (c: Commission, currency: string) =>
  c.bps !== undefined
    ? `${bpsToPercent(c.bps)}%`
    : c.fixed !== undefined
      ? `${moneyText(c.fixed, currency)} ${text.perItem}`
      : ''

/**
 * The rule in the form as a draft for the preview, or why it has none: `id` is the
 * rule being edited (the draft replaces it), none for a new rule.
 */
function draftRule(): { rule?: Record<string, unknown>; name: string } {
  const read = readForm()
  if ('errors' in read) return { name: '' }
  const name = read.body.name || text.draftName
  const id = form.dataset.editing
  return { rule: { ...read.body, name, ...(id ? { id } : {}) }, name }
}

function render(answer: PreviewAnswer, draftName: string | undefined): void {
  if (!rows || !base) return
  base.textContent = moneyText(answer.total, answer.currency)
  const draftIds = new Set([form.dataset.editing ?? 'draft'])
  const levels = new Set([...answer.commissions, ...(answer.draft?.commissions ?? [])].map((c) => c.level))
  rows.replaceChildren(
    ...[...levels]
      .sort((a, b) => a - b)
      .map((level) => {
        const tr = document.createElement('tr')
        tr.className = 'preview-level'
        tr.dataset.level = String(level)
        tr.append(cell(`L${level}`))
        const now = answer.commissions.find((c) => c.level === level)
        tr.append(
          ...(now
            ? [
                cell(ruleName(now.ruleId, now.ruleVersion)),
                cell(rateOf(now, answer.currency)),
                cell(moneyText(now.amount, answer.currency), 'amount'),
              ]
            : [cell('—'), cell('—'), cell(moneyText(0, answer.currency), 'amount')]),
        )
        const draft = answer.draft?.commissions.find((c) => c.level === level)
        const fromDraft = draft && draftIds.has(draft.ruleId) ? draftName : undefined
        tr.append(
          ...(!answer.draft
            ? [cell('—'), cell('—'), cell('—', 'draft-amount')]
            : draft
              ? [
                  cell(ruleName(draft.ruleId, draft.ruleVersion, fromDraft)),
                  cell(rateOf(draft, answer.currency)),
                  cell(moneyText(draft.amount, answer.currency), 'draft-amount'),
                ]
              : [cell('—'), cell('—'), cell(moneyText(0, answer.currency), 'draft-amount')]),
        )
        return tr
      }),
  )
  if (status) status.textContent = levels.size ? '' : text.noCommission
}

/** Asks the server what the chosen order would pay, now, by the saved rules and by the rule in the form. */
export async function refreshPreview(): Promise<void> {
  if (!product || !qty || !type || !status) return
  const mine = ++seq
  const option = product.selectedOptions[0]
  const n = Number(qty.value)
  if (!option || !Number.isInteger(n) || n < 1 || n > 100_000) {
    status.textContent = text.badQuantity
    rows?.replaceChildren()
    return
  }
  const line = {
    sku: option.value,
    qty: n,
    unitPrice: Number(option.dataset.price),
    ...(option.dataset.category ? { category: option.dataset.category } : {}),
  }
  const draft = draftRule()
  status.textContent = text.calculating
  const ask = (withDraft: boolean) =>
    consoleApi<PreviewAnswer>('POST', '/api/rules/preview', {
      type: type.value,
      lines: [line],
      ...(withDraft && draft.rule ? { draftRule: draft.rule } : {}),
    })
  try {
    let res = await ask(true)
    let draftMessage = draft.rule ? '' : text.draftNone
    // A draft the server cannot price yet (a campaign that does not exist, an amount over the limit):
    // say why, and still show the saved rules' result.
    const fields = res.body.error?.fields ?? {}
    const draftError = Object.entries(fields).find(([path]) => path.startsWith('draftRule'))
    if (res.status === 422 && draftError) {
      draftMessage = fill(text.draftInvalid, { message: draftError[1] })
      res = await ask(false)
    }
    if (mine !== seq) return
    if (res.status !== 200) {
      status.textContent = res.body.error?.message ?? `HTTP ${res.status}`
      return
    }
    render(res.body, draft.rule ? draft.name : undefined)
    if (draftStatus) draftStatus.textContent = draftMessage
  } catch {
    if (mine === seq) status.textContent = text.failed
  }
}

/** Debounced: typing a quantity sends one request when the typing stops. */
export function schedulePreview(delayMs = 250): void {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => void refreshPreview(), delayMs)
}

for (const el of [product, qty, type, form]) {
  el?.addEventListener('input', () => schedulePreview())
  el?.addEventListener('change', () => schedulePreview())
}
// Adding or removing a level row changes the draft without an input event.
form.addEventListener('click', (e) => {
  if (e.target instanceof Element && e.target.closest('#add-level, .remove-level')) schedulePreview()
})
