import type { Programme } from '../../lib/schemas/programme'
import { consoleApi } from './shared/console-api'
import { clearErrors, showErrors } from './shared/field-errors'
import { bpsToPercent, exponentOf, formatMinor, parseMinor, percentToBps } from '../shared/amounts'
import { bodyText } from './shared/page-lang'

// The programme settings page: reads the form into the API's ProgrammeUpdate, PUTs it, shows field errors beside fields.

const text = bodyText()
const form = document.getElementById('programme-form') as HTMLFormElement
const rows = document.getElementById('bps-rows') as HTMLElement
const addLevel = document.getElementById('add-level') as HTMLButtonElement
const status = document.getElementById('form-status') as HTMLElement
const save = document.getElementById('programme-save') as HTMLButtonElement
const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement

/** Relabels the default-rate rows (level 1, 2 …) and points each error slot at `defaultBps.<i>`. */
function renumber(): void {
  const all = rows.querySelectorAll<HTMLElement>('.bps-row')
  all.forEach((row, i) => {
    const label = (text.level ?? '{n}').replace('{n}', String(i + 1))
    ;(row.querySelector('.bps-label') as HTMLElement).textContent = label
    ;(row.querySelector('.bps-value') as HTMLInputElement).setAttribute('aria-label', label)
    ;(row.querySelector('.field-error') as HTMLElement).dataset.errorFor = `defaultBps.${i}`
    ;(row.querySelector('.remove-level') as HTMLButtonElement).disabled = all.length === 1
  })
  addLevel.disabled = all.length >= 10
}

addLevel.addEventListener('click', () => {
  const last = rows.lastElementChild as HTMLElement
  const row = last.cloneNode(true) as HTMLElement
  ;(row.querySelector('.bps-value') as HTMLInputElement).value = ''
  rows.appendChild(row)
  renumber()
  ;(row.querySelector('.bps-value') as HTMLInputElement).focus()
})
rows.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('.remove-level') : null
  if (!button || rows.children.length <= 1) return
  button.closest('.bps-row')?.remove()
  renumber()
})

/** The currency's decimals, or 2 while the typed code is not a currency (the API will say so). */
function exponentFor(currency: string): number {
  try {
    return exponentOf(currency)
  } catch {
    return 2
  }
}

/** The form as the API's body, or messages for what cannot be read as typed (range is the API's to judge). */
function readForm(): { body: Record<string, unknown> } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const body: Record<string, unknown> = {}
  for (const name of ['maxLevels', 'bindingDays', 'holdDays']) {
    const v = field(name).value.trim()
    if (/^\d{1,9}$/.test(v)) body[name] = Number(v)
    else errors[name] = v ? (text.notInteger ?? '') : (text.required ?? '')
  }
  for (const name of ['bindingPolicy', 'selfPurchase', 'defaultRecruitType']) body[name] = field(name).value
  const currency = field('currency').value.trim().toUpperCase()
  body.currency = currency
  const threshold = parseMinor(field('payoutThreshold').value, exponentFor(currency))
  if (threshold === null) errors.payoutThreshold = text.notMoney ?? ''
  else body.payoutThreshold = threshold
  body.allowedDomains = field('allowedDomains')
    .value.split(/[\s,，]+/)
    .map((d) => d.trim())
    .filter(Boolean)
  const bps: number[] = []
  rows.querySelectorAll<HTMLInputElement>('.bps-value').forEach((input, i) => {
    const v = percentToBps(input.value)
    if (v === null) errors[`defaultBps.${i}`] = input.value.trim() ? (text.notPercent ?? '') : (text.required ?? '')
    else bps.push(v)
  })
  body.defaultBps = bps
  const secret = field('shopifySecret').value
  if (secret) body.shopifySecret = secret
  return Object.keys(errors).length ? { errors } : { body }
}

/** Shows the settings as stored (the API normalises, e.g. domains to lower case). */
function fill(p: Programme): void {
  for (const name of ['maxLevels', 'bindingDays', 'holdDays'] as const) field(name).value = String(p[name])
  for (const name of ['bindingPolicy', 'selfPurchase', 'defaultRecruitType', 'currency'] as const)
    field(name).value = p[name]
  field('payoutThreshold').value = formatMinor(p.payoutThreshold, exponentFor(p.currency))
  field('allowedDomains').value = p.allowedDomains.join('\n')
  field('shopifySecret').value = ''
  const template = rows.firstElementChild as HTMLElement
  rows.replaceChildren(
    ...p.defaultBps.map((bps) => {
      const row = template.cloneNode(true) as HTMLElement
      ;(row.querySelector('.bps-value') as HTMLInputElement).value = bpsToPercent(bps)
      return row
    }),
  )
  renumber()
}

form.addEventListener('submit', async (e) => {
  e.preventDefault()
  clearErrors(form)
  status.textContent = ''
  const read = readForm()
  if ('errors' in read) return showErrors(form, read.errors)
  save.disabled = true
  try {
    const res = await consoleApi<Programme>('PUT', '/api/programme', read.body)
    if (res.status === 200) {
      fill(res.body)
      status.textContent = text.saved ?? ''
    } else showErrors(form, res.body.error?.fields ?? { _: res.body.error?.message ?? `HTTP ${res.status}` })
  } catch {
    showErrors(form, { _: text.failed ?? '' })
  }
  save.disabled = false
})

renumber()
