import type { Rule } from '../../lib/schemas/rule'
import { consoleApi } from './shared/console-api'
import { addLevelRow, clearErrors, editRule, form, readForm, resetForm, showErrors, syncScope } from './rules/form'
import { refreshPreview, schedulePreview } from './rules/preview'
import { localizeTimes } from './rules/local-time'
import { fill, text } from './rules/text'

// The commission-rules page: create, edit and delete rules through /api/rules, and the live preview.

const status = document.getElementById('form-status') as HTMLElement
const save = document.getElementById('rule-save') as HTMLButtonElement

/** Swaps in the server-rendered list (one renderer for the first view and every later one). */
async function reloadList(): Promise<void> {
  const res = await fetch('/console/rules/list', { credentials: 'same-origin' })
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  const holder = document.createElement('div')
  holder.innerHTML = await res.text()
  const fresh = holder.querySelector('#rule-list')
  const list = document.getElementById('rule-list')
  if (fresh && list) {
    list.replaceWith(fresh)
    localizeTimes(fresh)
  }
}

/** After a save or delete: the list and the preview both reflect the stored rules. */
async function afterChange(message: string): Promise<void> {
  status.textContent = message
  await reloadList().catch(() => location.reload())
  await refreshPreview()
}

const ruleOf = (id: string): Rule | undefined => {
  const row = document.querySelector<HTMLElement>(`tr.rule[data-id="${CSS.escape(id)}"]`)
  return row?.dataset.rule ? (JSON.parse(row.dataset.rule) as Rule) : undefined
}

form.addEventListener('submit', async (e) => {
  e.preventDefault()
  clearErrors()
  status.textContent = ''
  const read = readForm()
  if ('errors' in read) return showErrors(read.errors)
  const id = form.dataset.editing
  save.disabled = true
  try {
    const res = await consoleApi<Rule>(
      id ? 'PUT' : 'POST',
      id ? `/api/rules/${encodeURIComponent(id)}` : '/api/rules',
      read.body,
    )
    if (res.status === 200 || res.status === 201) {
      resetForm()
      await afterChange(fill(text.saved, { name: res.body.name, version: res.body.version }))
    } else if (res.body.error?.fields) showErrors(res.body.error.fields)
    else showErrors({ _: res.body.error?.message ?? `HTTP ${res.status}` })
  } catch {
    showErrors({ _: text.failed })
  }
  save.disabled = false
})

document.getElementById('rule-cancel')?.addEventListener('click', () => {
  resetForm()
  status.textContent = ''
  schedulePreview(0)
})

document.addEventListener('click', async (e) => {
  const el = e.target instanceof Element ? e.target : null
  const edit = el?.closest<HTMLElement>('[data-edit]')
  const rule = edit ? ruleOf(edit.dataset.edit ?? '') : undefined
  if (rule) {
    editRule(rule)
    return schedulePreview(0)
  }
  const del = el?.closest<HTMLButtonElement>('[data-delete]')
  const target = del ? ruleOf(del.dataset.delete ?? '') : undefined
  if (!del || !target) return
  if (!confirm(fill(text.confirmDelete, { name: target.name }))) return
  del.disabled = true
  const res = await consoleApi<Rule>('DELETE', `/api/rules/${encodeURIComponent(target.id)}`).catch(() => undefined)
  if (res?.status !== 200) {
    del.disabled = false
    status.textContent = res?.body.error?.message ?? text.deleteFailed
    return
  }
  if (form.dataset.editing === target.id) resetForm()
  await afterChange(fill(text.deleted, { name: target.name }))
})

addLevelRow()
syncScope()
localizeTimes(document)
void refreshPreview()
