import type { CommissionPreview } from '../../../lib/schemas/preview'
import { bpsToPercent, moneyText } from '../../shared/amounts'
import { consoleApi } from '../shared/console-api'
import { text } from './text'

/** What POST /api/rules/preview answers (lib/schemas/preview.ts). */
type PreviewAnswer = CommissionPreview

const product = document.getElementById('preview-product') as HTMLSelectElement | null
const qty = document.getElementById('preview-qty') as HTMLInputElement | null
const type = document.getElementById('preview-type') as HTMLSelectElement | null
const rows = document.getElementById('preview-rows')
const status = document.getElementById('preview-status')
const base = document.getElementById('preview-base')

/** Which request the page is waiting for: a slower, older answer never overwrites a newer one. */
let seq = 0
let timer: ReturnType<typeof setTimeout> | undefined

/** The rule's name from the list on the page; the programme's own default has none there. */
function ruleName(ruleId: string, version: number): string {
  if (ruleId === 'programme') return text.programmeDefault
  const row = document.querySelector<HTMLElement>(`tr.rule[data-id="${CSS.escape(ruleId)}"] .name`)
  return `${row?.textContent ?? ruleId} v${version}`
}

function cell(text: string, cls?: string): HTMLTableCellElement {
  const td = document.createElement('td')
  td.textContent = text
  if (cls) td.className = cls
  return td
}

function render(answer: PreviewAnswer): void {
  if (!rows || !base) return
  base.textContent = moneyText(answer.total, answer.currency)
  const sorted = [...answer.commissions].sort((a, b) => a.level - b.level)
  rows.replaceChildren(
    ...sorted.map((c) => {
      const tr = document.createElement('tr')
      tr.className = 'preview-level'
      tr.dataset.level = String(c.level)
      const rate =
        c.bps !== undefined
          ? `${bpsToPercent(c.bps)}%`
          : c.fixed !== undefined
            ? `${moneyText(c.fixed, answer.currency)} ${text.perItem}`
            : ''
      tr.append(
        cell(`L${c.level}`),
        cell(ruleName(c.ruleId, c.ruleVersion)),
        cell(rate),
        cell(moneyText(c.amount, answer.currency), 'amount'),
      )
      return tr
    }),
  )
  if (status) status.textContent = sorted.length ? '' : text.noCommission
}

/** Asks the server what the chosen order would pay, now. */
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
  status.textContent = text.calculating
  try {
    const res = await consoleApi<PreviewAnswer>('POST', '/api/rules/preview', { type: type.value, lines: [line] })
    if (mine !== seq) return
    if (res.status !== 200) {
      status.textContent = res.body.error?.message ?? `HTTP ${res.status}`
      return
    }
    render(res.body)
  } catch {
    if (mine === seq) status.textContent = text.failed
  }
}

/** Debounced: typing a quantity sends one request when the typing stops. */
export function schedulePreview(delayMs = 250): void {
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => void refreshPreview(), delayMs)
}

for (const el of [product, qty, type]) {
  el?.addEventListener('input', () => schedulePreview())
  el?.addEventListener('change', () => schedulePreview())
}
