import type { DistributorType } from '../../../lib/schemas/distributor'
import type { Rule, RuleInput } from '../../../lib/schemas/rule'
import { bpsToPercent, formatMinor, percentToBps } from '../../shared/amounts'
import { fromLocalInput, toLocalInput } from './local-time'
import { fill, text } from './text'

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
export const form = byId<HTMLFormElement>('rule-form')
const levels = byId<HTMLElement>('levels')
const template = byId<HTMLTemplateElement>('level-row-template')
const addLevel = byId<HTMLButtonElement>('add-level')
const scope = byId<HTMLSelectElement>('rule-scope')
const target = byId<HTMLInputElement>('rule-target')
const maxLevels = Number(form.dataset.maxLevels ?? '10')
const symbol = form.dataset.currencySymbol ?? ''

/** The scopes that have a target, each with the datalist of suggestions for it. */
const DATALISTS = { product: 'skus', category: 'categories', campaign: 'campaigns' } as const
const hasTarget = (s: string): s is keyof typeof DATALISTS => s === 'product' || s === 'category' || s === 'campaign'

/** Shows the target field only for scopes that have one, with the fitting hint and suggestions. */
export function syncScope(): void {
  const s = scope.value
  byId('target-field').hidden = !hasTarget(s)
  byId('target-hint').textContent = hasTarget(s) ? text.targetHints[s] : ''
  if (hasTarget(s)) target.setAttribute('list', DATALISTS[s])
  else target.removeAttribute('list')
}

/** Renumbers the level rows (L1, L2 …) and points each row's error slot at `levels.<i>`. */
function renumber(): void {
  const rows = levels.querySelectorAll<HTMLElement>('.level-row')
  rows.forEach((row, i) => {
    ;(row.querySelector('.level-label') as HTMLElement).textContent = `L${i + 1}`
    ;(row.querySelector('.level-error') as HTMLElement).dataset.errorFor = `levels.${i}`
    ;(row.querySelector('.level-value') as HTMLInputElement).setAttribute('aria-label', `L${i + 1} ${text.value}`)
    ;(row.querySelector('.remove-level') as HTMLButtonElement).disabled = rows.length === 1
  })
  addLevel.disabled = rows.length >= maxLevels
}

function syncUnit(row: HTMLElement): void {
  const fixed = (row.querySelector('.level-kind') as HTMLSelectElement).value === 'fixed'
  ;(row.querySelector('.level-unit') as HTMLElement).textContent = fixed ? symbol : '%'
  ;(row.querySelector('.level-value') as HTMLInputElement).placeholder = fixed ? '10.00' : '12.5'
}

/** Adds a level row: a percent ("12.5") or a fixed amount per item ("10.00"). */
export function addLevelRow(kind: 'percent' | 'fixed' = 'percent', value = ''): void {
  const row = (template.content.firstElementChild as HTMLElement).cloneNode(true) as HTMLElement
  ;(row.querySelector('.level-kind') as HTMLSelectElement).value = kind
  ;(row.querySelector('.level-value') as HTMLInputElement).value = value
  syncUnit(row)
  levels.appendChild(row)
  renumber()
}

levels.addEventListener('change', (e) => {
  const row =
    e.target instanceof Element && e.target.classList.contains('level-kind')
      ? e.target.closest<HTMLElement>('.level-row')
      : null
  if (row) syncUnit(row)
})
levels.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('.remove-level') : null
  if (!button || levels.children.length <= 1) return
  button.closest('.level-row')?.remove()
  renumber()
})
addLevel.addEventListener('click', () => addLevelRow())
scope.addEventListener('change', syncScope)

/** Hides every error message and clears the invalid marks. */
export function clearErrors(): void {
  form.querySelectorAll<HTMLElement>('.field-error').forEach((el) => {
    el.hidden = true
    el.textContent = ''
  })
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'))
}

/**
 * Shows each message beside its field: `levels.0.bps` goes to the first level row,
 * `capPerOrder` to the cap; a path with no slot of its own climbs to its parent,
 * and anything left over shows under the form.
 */
export function showErrors(fields: Record<string, string>): void {
  for (const [path, message] of Object.entries(fields)) {
    let key = path
    let slot: HTMLElement | null = null
    while (!slot) {
      slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(key)}"]`)
      const dot = key.lastIndexOf('.')
      if (slot || dot < 0) break
      key = key.slice(0, dot)
    }
    slot ??= form.querySelector<HTMLElement>('[data-error-for="_"]')
    if (!slot) continue
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message
    slot.hidden = false
    const input =
      slot.closest('.level-row')?.querySelector('.level-value') ?? slot.closest('.field')?.querySelector('input,select')
    input?.setAttribute('aria-invalid', 'true')
  }
}

/** The form as the API's RuleInput, or the messages for fields that cannot be read as typed. */
export function readForm(): { body: RuleInput } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const value = (id: string) => byId<HTMLInputElement>(id).value.trim()
  const body: RuleInput = { name: value('rule-name'), scope: scope.value as Rule['scope'], levels: [] }
  if (body.scope !== 'default' && target.value.trim()) body.target = target.value.trim()
  const types = Array.from(
    form.querySelectorAll<HTMLInputElement>('input[name="types"]:checked'),
    (c) => c.value as DistributorType,
  )
  if (types.length) body.types = types
  levels.querySelectorAll<HTMLElement>('.level-row').forEach((row, i) => {
    const kind = (row.querySelector('.level-kind') as HTMLSelectElement).value
    const typed = (row.querySelector('.level-value') as HTMLInputElement).value.trim()
    if (!typed) errors[`levels.${i}`] = text.required
    else if (kind === 'fixed') body.levels.push({ fixed: typed })
    else {
      const bps = percentToBps(typed)
      if (bps === null) errors[`levels.${i}`] = text.notPercent
      else body.levels.push({ bps })
    }
  })
  const cap = value('rule-cap')
  if (cap) body.capPerOrder = cap
  for (const [id, key] of [
    ['rule-starts', 'startsAt'],
    ['rule-ends', 'endsAt'],
  ] as const) {
    const iso = fromLocalInput(value(id))
    if (iso === null) errors[key] = text.badTime
    else if (iso) body[key] = iso
  }
  return Object.keys(errors).length ? { errors } : { body }
}

/** Empties the form for a new rule, with one percent level. */
export function resetForm(): void {
  form.reset()
  delete form.dataset.editing
  levels.replaceChildren()
  addLevelRow()
  syncScope()
  clearErrors()
  byId('form-title').textContent = text.newRule
  byId('rule-cancel').hidden = true
}

/** Fills the form from a stored rule for editing (PUT replaces it at the next version). */
export function editRule(rule: Rule): void {
  resetForm()
  form.dataset.editing = rule.id
  byId<HTMLInputElement>('rule-name').value = rule.name
  scope.value = rule.scope
  target.value = rule.target ?? ''
  form
    .querySelectorAll<HTMLInputElement>('input[name="types"]')
    .forEach((c) => (c.checked = !!rule.types?.includes(c.value as never)))
  levels.replaceChildren()
  // Fixed amounts round-trip as two-decimal strings: the API reads a decimal string at two decimals.
  for (const l of rule.levels) {
    if ('bps' in l) addLevelRow('percent', bpsToPercent(l.bps))
    else addLevelRow('fixed', formatMinor(l.fixed, 2))
  }
  byId<HTMLInputElement>('rule-cap').value = rule.capPerOrder === undefined ? '' : formatMinor(rule.capPerOrder, 2)
  byId<HTMLInputElement>('rule-starts').value = toLocalInput(rule.startsAt)
  byId<HTMLInputElement>('rule-ends').value = toLocalInput(rule.endsAt)
  syncScope()
  byId('form-title').textContent = fill(text.editRule, { name: rule.name, version: rule.version })
  byId('rule-cancel').hidden = false
  form.scrollIntoView({ block: 'start' })
}
