import type { Distributor } from '../../lib/schemas/distributor'
import { consoleApi } from './shared/console-api'
import { clearErrors, showErrors } from './shared/field-errors'
import { bodyText, pageLang } from './shared/page-lang'
import { confirmDialog } from './shared/confirm-dialog'
import { confirmationsText } from '../i18n/confirmations'

// A distributor's console page: approve, suspend or reactivate, change type, set store (PATCH), and a sign-in link with its QR.

const text = bodyText()
const asks = confirmationsText(pageLang())
const id = document.body.dataset.id ?? ''
const form = document.getElementById('actions-form') as HTMLFormElement
// Enter in the store field must not submit the form: the buttons PATCH (an inline onsubmit would break the CSP).
form.addEventListener('submit', (e) => e.preventDefault())

/** PATCHes the distributor; a success re-renders the page from the server, a 422 shows beside the field. */
async function patch(button: HTMLButtonElement, body: Record<string, unknown>): Promise<void> {
  clearErrors(form)
  button.disabled = true
  try {
    const res = await consoleApi<Distributor>('PATCH', `/api/distributors/${encodeURIComponent(id)}`, body)
    if (res.status === 200) return location.reload()
    showErrors(form, res.body.error?.fields ?? { _: res.body.error?.message ?? `HTTP ${res.status}` })
  } catch {
    showErrors(form, { _: text.failed ?? '' })
  }
  button.disabled = false
}

form.querySelectorAll<HTMLButtonElement>('button[data-status]').forEach((button) =>
  button.addEventListener('click', async () => {
    if (button.dataset.status === 'suspended') {
      const name = document.getElementById('distributor-name')?.textContent ?? id
      const ok = await confirmDialog({
        title: asks.suspend.title(name),
        consequences: asks.suspend.consequences(name),
        confirmLabel: asks.suspend.ok,
        cancelLabel: asks.cancel,
      })
      if (!ok) return
    }
    void patch(button, { status: button.dataset.status })
  }),
)
document.getElementById('save-type')?.addEventListener('click', (e) => {
  void patch(e.currentTarget as HTMLButtonElement, {
    type: (document.getElementById('f-type') as HTMLSelectElement).value,
  })
})
document.getElementById('save-store')?.addEventListener('click', (e) => {
  const store = (document.getElementById('f-store') as HTMLInputElement).value.trim()
  void patch(e.currentTarget as HTMLButtonElement, { store: store || null })
})

document.getElementById('sign-in-link')?.addEventListener('click', async (e) => {
  const button = e.currentTarget as HTMLButtonElement
  const out = document.getElementById('sign-in-out') as HTMLElement
  const url = document.getElementById('sign-in-url') as HTMLElement
  const qr = document.getElementById('sign-in-qr') as HTMLElement
  button.disabled = true
  const res = await consoleApi<{ url: string; expiresAt: string; qrSvg: string }>(
    'POST',
    `/api/distributors/${encodeURIComponent(id)}/sign-in-links`,
  ).catch(() => undefined)
  if (res?.status === 201) {
    url.textContent = `${res.body.url} (${text.validUntil ?? ''} ${new Date(res.body.expiresAt).toLocaleTimeString()})`
    url.dataset.url = res.body.url
    // The SVG is drawn by our own server's qrcode library, not taken from input.
    qr.innerHTML = res.body.qrSvg
  } else {
    url.textContent = res?.body.error?.message ?? text.failed ?? ''
    qr.replaceChildren()
  }
  out.hidden = false
  button.disabled = false
})
