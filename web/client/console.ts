// The console's behaviour: "create sign-in link" per distributor row. No framework.

document.addEventListener('click', async (e) => {
  const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('[data-sign-in]') : null
  if (!button) return
  const out = button.parentElement?.querySelector<HTMLElement>('.sign-in-url')
  if (!out) return
  button.disabled = true
  try {
    const res = await fetch(`/api/distributors/${encodeURIComponent(button.dataset.signIn ?? '')}/sign-in-links`, {
      method: 'POST',
      credentials: 'same-origin',
      // Tells the API to use the console cookie even if this browser also holds a distributor session.
      headers: { 'x-ripple-client': 'console' },
    })
    const body = (await res.json()) as { url?: string; expiresAt?: string; error?: { message: string } }
    out.textContent = body.url ? `${body.url} (有效期至 valid until ${new Date(body.expiresAt ?? '').toLocaleTimeString()})` : (body.error?.message ?? `HTTP ${res.status}`)
    if (body.url) out.dataset.url = body.url
  } catch {
    out.textContent = '请求失败 Request failed'
  }
  out.hidden = false
  button.disabled = false
})

// A module, not a global script: its names stay its own when type-checked with the rest.
export {}
