// /m/sign-in: ask for a code by SMS (with a 60 s countdown), then sign in with it and go on to /m.

const form = document.getElementById('signin-form') as HTMLFormElement
const phone = document.getElementById('signin-phone') as HTMLInputElement
const code = document.getElementById('signin-code') as HTMLInputElement
const sendButton = document.getElementById('signin-send') as HTMLButtonElement
const submit = document.getElementById('signin-submit') as HTMLButtonElement
const status = document.getElementById('signin-status') as HTMLElement
const brandId = form.dataset.brand ?? ''
// Page's data-* attributes: HTML lowercases their names, so dataset keys are lowercase.
const text = (key: string, n?: number): string =>
  (document.body.dataset[key.toLowerCase()] ?? '').replace('{n}', String(n ?? ''))
const sendLabel = sendButton.textContent ?? ''
const WAIT_SECONDS = 60

interface ErrorAnswer {
  error?: { code?: string; message?: string; fields?: Record<string, string> }
}

function say(message: string, isError = false): void {
  status.textContent = message
  status.classList.toggle('error', isError)
}

/** A mainland number without +86, or + and digits: the server normalises and checks it again. */
const looksLikePhone = (v: string): boolean => /^(\+?\d{8,15}|1\d{10})$/.test(v.replace(/[\s-]/g, ''))

/** The button stays off for 60 s after a send, counting down on its label. */
function countDown(seconds: number): void {
  let left = seconds
  sendButton.disabled = true
  sendButton.textContent = text('resendIn', left)
  const timer = setInterval(() => {
    left -= 1
    if (left <= 0) {
      clearInterval(timer)
      sendButton.disabled = false
      sendButton.textContent = sendLabel
      return
    }
    sendButton.textContent = text('resendIn', left)
  }, 1000)
}

const post = (path: string, body: unknown) =>
  fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

sendButton.addEventListener('click', async () => {
  if (!looksLikePhone(phone.value)) return say(text('invalidPhone'), true)
  sendButton.disabled = true
  say(text('sending'))
  try {
    const res = await post('/api/sign-in/phone', { brandId, phone: phone.value.trim() })
    if (res.status === 202) {
      say(text('sent'))
      countDown(WAIT_SECONDS)
      code.focus()
      return
    }
    const retryAfter = Number(res.headers.get('retry-after'))
    if (res.status === 429) {
      say(text('tooMany'), true)
      if (retryAfter > 0) return countDown(Math.min(retryAfter, 3600))
    } else say(res.status === 422 ? text('invalidPhone') : text('failed'), true)
  } catch {
    say(text('failed'), true)
  }
  sendButton.disabled = false
})

form.addEventListener('submit', async (e) => {
  e.preventDefault()
  if (!looksLikePhone(phone.value)) return say(text('invalidPhone'), true)
  if (!/^\d{6}$/.test(code.value.trim())) return say(text('invalidCode'), true)
  submit.disabled = true
  say(text('signingIn'))
  try {
    const res = await post('/api/sign-in/phone/verify', { brandId, phone: phone.value.trim(), code: code.value.trim() })
    if (res.ok) {
      location.assign('/m')
      return
    }
    const body = (await res.json().catch(() => ({}))) as ErrorAnswer
    const tries = /(\d) tr(y|ies) left/.exec(body.error?.fields?.code ?? '')?.[1]
    if (res.status === 403) {
      const s = body.error?.fields?.status
      say(text(s === 'left' ? 'left' : s === 'pending' ? 'pending' : 'suspended'), true)
    } else if (res.status === 429) say(text('tooMany'), true)
    else if (res.status === 401) say(tries ? text('triesLeft', Number(tries)) : text('wrongCode'), true)
    else if (res.status === 422) say(body.error?.fields?.phone ? text('invalidPhone') : text('invalidCode'), true)
    else say(text('failed'), true)
  } catch {
    say(text('failed'), true)
  }
  submit.disabled = false
})

// A module, not a global script: its names stay its own when type-checked with the rest.
export {}
