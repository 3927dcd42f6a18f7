import { type ApiError, langHeaders, localizeError } from './shared/api-error'
// The invite landing's form: POST /api/join, then on to the mobile page (the API sets the session cookie).

/** Made once per page load: a double tap or a retry sends the same id, so one person becomes one distributor. */
const requestId = (() => {
  const bytes = new Uint8Array(16)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
})()

const form = document.getElementById('join-form') as HTMLFormElement
const input = document.getElementById('join-name') as HTMLInputElement
const status = document.getElementById('join-status') as HTMLElement
const submit = document.getElementById('join-submit') as HTMLButtonElement
const text = (key: string): string => document.body.dataset[key] ?? ''

form.addEventListener('submit', async (e) => {
  e.preventDefault()
  submit.disabled = true
  status.textContent = text('joining')
  try {
    const res = await fetch('/api/join', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...langHeaders() },
      body: JSON.stringify({ inviteCode: form.dataset.code, name: input.value.trim(), requestId }),
    })
    if (res.ok) {
      location.assign('/m')
      return
    }
    const body = (await res.json().catch(() => ({}))) as { error?: ApiError }
    const error = localizeError(body.error)
    status.textContent = error?.fields?.name ?? error?.fields?.inviteCode ?? error?.message ?? text('failed')
  } catch {
    status.textContent = text('failed')
  }
  submit.disabled = false
})
