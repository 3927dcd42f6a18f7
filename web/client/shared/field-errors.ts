/** Hides every error message of a form and clears its invalid marks. */
export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll<HTMLElement>('.field-error').forEach((el) => {
    el.hidden = true
    el.textContent = ''
  })
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'))
}

/**
 * Shows each message beside its field: `defaultBps.1` goes to the slot for
 * `defaultBps.1`, else climbs to `defaultBps`; anything left shows in the `_` slot.
 * @example showErrors(form, { maxLevels: 'Too big: expected number to be <=10' })
 */
export function showErrors(form: HTMLElement, fields: Record<string, string>): void {
  for (const [path, message] of Object.entries(fields)) {
    let key = path
    let slot: HTMLElement | null = null
    for (;;) {
      slot = form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(key)}"]`)
      const dot = key.lastIndexOf('.')
      if (slot || dot < 0) break
      key = key.slice(0, dot)
    }
    slot ??= form.querySelector<HTMLElement>('[data-error-for="_"]')
    if (!slot) continue
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message
    slot.hidden = false
    const input = slot.parentElement?.querySelector('input,select,textarea')
    input?.setAttribute('aria-invalid', 'true')
  }
}
