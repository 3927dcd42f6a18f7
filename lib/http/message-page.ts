// Plain strings, no JSX and no zod: the redirect bundle (its own small Lambda) uses these too.

/** Seconds a client should wait after a 503: long enough for the SDK's retries to have been worth skipping. */
export const RETRY_AFTER_SECONDS = 5

/**
 * A one-message page in both languages, for answers outside the page apps (a dead link, the
 * database unavailable, too many attempts). `zh` and `en` are trusted text, never user input.
 * @example c.html(messagePage({ title: '链接不存在 · Link not found', zh: '链接不存在或已失效', en: 'This link does not exist.' }), 404)
 */
export function messagePage(m: { title: string; zh: string; en: string; muted?: boolean }): string {
  const h1 = m.muted ? 'font-size:1.25rem' : 'font-size:1.3rem'
  const p = m.muted ? '<p style="color:#666">' : '<p>'
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${m.title}</title><body style="font-family:system-ui,sans-serif;max-width:28rem;margin:20vh auto;padding:0 1rem;text-align:center;color:#333"><h1 style="${h1}">${m.zh}</h1>${p}${m.en}</p></body></html>`
}
