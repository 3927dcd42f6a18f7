const pad = (n: number) => String(n).padStart(2, '0')

/**
 * An ISO time as a `datetime-local` value in this browser's time zone.
 * @example toLocalInput('2025-06-01T00:00:00.000Z') === '2025-06-01T08:00' (in UTC+8)
 */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** A `datetime-local` value (this browser's time) as an ISO UTC time, '' for none, null when unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!value) return ''
  const t = new Date(value).getTime()
  return Number.isNaN(t) ? null : new Date(t).toISOString()
}

/** Rewrites the list's UTC `<time>` elements into the reader's local time (the UTC text stays as a tooltip). */
export function localizeTimes(root: ParentNode): void {
  root.querySelectorAll<HTMLTimeElement>('time[datetime]').forEach((el) => {
    el.title = el.textContent ?? ''
    el.textContent = toLocalInput(el.dateTime).replace('T', ' ')
  })
}
