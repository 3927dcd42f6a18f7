import type { ApiKeyView } from '../../lib/schemas/keys'
import type { KeysText } from '../i18n/keys'
import { consoleApi, type ApiAnswer } from './shared/console-api'
import { copyText } from './shared/copy'
import { clearErrors, showErrors } from './shared/field-errors'
import { bodyText } from './shared/page-lang'

// The keys page: create, rotate and revoke API keys and rotate the webhook secret through the API;
// a new secret goes into the one-time panel, the table is rebuilt from GET /api/keys after each change.

const t = bodyText<KeysText>()
const body = document.getElementById('keys-body') as HTMLElement
const status = document.getElementById('keys-status') as HTMLElement
const panel = document.getElementById('new-secret') as HTMLElement
const secretBox = document.getElementById('new-secret-value') as HTMLInputElement
const form = document.getElementById('create-form') as HTMLFormElement

const fill = (template: string, k: { label: string; last4: string }) =>
  template.replace('{label}', k.label).replace('{last4}', k.last4)

/** Shows a new secret in the one-time panel, selected, ready to copy. */
function showSecret(secret: string): void {
  secretBox.value = secret
  panel.hidden = false
  secretBox.focus()
  secretBox.select()
}

/** The answer's message when it failed (a signed-out session says so), else nothing. */
function failure(r: ApiAnswer<unknown>): string | undefined {
  if (r.status < 300) return undefined
  if (r.status === 401) return t.signedOut
  return r.body.error?.message ?? t.failed
}

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
  const e = document.createElement(tag)
  if (text !== undefined) e.textContent = text
  if (cls) e.className = cls
  return e
}

function statusWord(k: ApiKeyView): string {
  const word = { active: t.statusActive, expiring: t.statusExpiring, revoked: t.statusRevoked }[k.status]
  return k.status === 'expiring' && k.until ? `${word} ${t.until} ${k.until.slice(0, 16).replace('T', ' ')} UTC` : word
}

/** One row, as KeysPage renders it (text only, never HTML from the API). */
function row(k: ApiKeyView): HTMLTableRowElement {
  const tr = el('tr')
  Object.assign(tr.dataset, { keyId: k.id, label: k.label, last4: k.last4, status: k.status })
  tr.append(
    el('td', k.label),
    el('td', k.role === 'admin' ? t.roleAdmin : t.roleFinance),
    el('td', k.createdAt.slice(0, 10)),
    el('td', `…${k.last4}`, 'last4'),
    el('td', statusWord(k), 'status'),
  )
  const actions = el('td', undefined, 'actions-cell')
  if (k.status === 'active') {
    const grace = el('select', undefined, 'grace')
    grace.setAttribute('aria-label', t.grace)
    for (const [h, label] of [
      [0, t.graceNone],
      [1, t.graceHour],
      [24, t.graceDay],
      [168, t.graceWeek],
    ] as const) {
      const option = el('option', label)
      option.value = String(h)
      option.selected = h === 24
      grace.append(option)
    }
    actions.append(grace, ' ', el('button', t.rotate, 'ghost rotate'), ' ')
  }
  if (k.status !== 'revoked') actions.append(el('button', t.revoke, 'ghost revoke'))
  for (const b of actions.querySelectorAll('button')) b.type = 'button'
  tr.append(actions)
  return tr
}

async function reload(): Promise<void> {
  const r = await consoleApi<{ items: ApiKeyView[] }>('GET', '/api/keys')
  const failed = failure(r)
  if (failed) {
    status.textContent = failed
    return
  }
  body.replaceChildren(...r.body.items.map(row))
}

form.addEventListener('submit', async (e) => {
  e.preventDefault()
  clearErrors(form)
  const label = (form.elements.namedItem('label') as HTMLInputElement).value.trim()
  const role = (form.elements.namedItem('role') as HTMLSelectElement).value
  const r = await consoleApi<{ key: string }>('POST', '/api/keys', { role, label })
  if (r.status === 422 && r.body.error?.fields) return showErrors(form, r.body.error.fields)
  const failed = failure(r)
  if (failed) return showErrors(form, { _: failed })
  form.reset()
  showSecret(r.body.key)
  status.textContent = t.done
  await reload()
})

body.addEventListener('click', async (e) => {
  const button = e.target instanceof Element ? e.target.closest('button') : null
  const tr = button?.closest('tr')
  if (!button || !tr) return
  const k = { id: tr.dataset.keyId ?? '', label: tr.dataset.label ?? '', last4: tr.dataset.last4 ?? '' }
  let r: ApiAnswer<{ key?: string }>
  if (button.classList.contains('rotate')) {
    const graceHours = Number((tr.querySelector('.grace') as HTMLSelectElement).value)
    if (!window.confirm(fill(t.confirmRotate, k))) return
    r = await consoleApi('POST', `/api/keys/${encodeURIComponent(k.id)}/rotate`, { graceHours })
  } else if (button.classList.contains('revoke')) {
    if (!window.confirm(fill(t.confirmRevoke, k))) return
    r = await consoleApi('POST', `/api/keys/${encodeURIComponent(k.id)}/revoke`)
  } else return
  const failed = failure(r)
  status.textContent = failed ?? t.done
  if (failed) return
  if (r.body.key) showSecret(r.body.key)
  await reload()
})

document.getElementById('copy-secret')?.addEventListener('click', async () => {
  status.textContent = (await copyText(secretBox.value)) ? t.copied : t.copyFailed
})

document.getElementById('rotate-webhook')?.addEventListener('click', async () => {
  const webhookStatus = document.getElementById('webhook-status') as HTMLElement
  const graceHours = Number((document.getElementById('webhook-grace') as HTMLSelectElement).value)
  if (!window.confirm(t.confirmWebhook)) return
  const r = await consoleApi<{ webhookSecret: string; previousValidUntil: string }>(
    'POST',
    '/api/webhook-secret/rotate',
    { graceHours },
  )
  const failed = failure(r)
  if (failed) {
    webhookStatus.textContent = failed
    return
  }
  showSecret(r.body.webhookSecret)
  webhookStatus.textContent = `${t.webhookUntil} ${r.body.previousValidUntil.slice(0, 16).replace('T', ' ')} UTC`
})
