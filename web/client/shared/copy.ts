/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context
 * (https or localhost); older in-app browsers lack it, so fall back to a
 * selected textarea and `execCommand('copy')`, which still works there.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the legacy path
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  let ok = false
  try {
    ok = document.execCommand('copy')
  } catch {
    ok = false
  }
  area.remove()
  return ok
}

let timer: ReturnType<typeof setTimeout> | undefined

/** Shows a short message at the bottom of the screen (the page's `#toast`). */
export function toast(message: string): void {
  const el = document.getElementById('toast')
  if (!el) return
  el.textContent = message
  el.hidden = false
  if (timer) clearTimeout(timer)
  timer = setTimeout(() => {
    el.hidden = true
  }, 2000)
}
