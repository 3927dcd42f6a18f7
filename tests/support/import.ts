import { BASE, call } from './client'
import { buildPlatformApp } from '../../lib/http/platform-app'

const app = buildPlatformApp()

/** POSTs a staff file to /api/distributors/import as raw bytes; returns the status and parsed body. */
export async function postImport(
  adminKey: string,
  body: string | Uint8Array,
  query: string,
  contentType = 'text/csv',
): Promise<{ status: number; body: any }> {
  const res = await app.request(`${BASE}/api/distributors/import?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': contentType },
    body: typeof body === 'string' ? body : Buffer.from(body),
  })
  return { status: res.status, body: await res.json() }
}

/** Runs a whole import through its `next` tokens, as the console does; returns the last report and how many calls it took. */
export async function importAll(
  adminKey: string,
  body: string | Uint8Array,
  limit = 500,
): Promise<{ last: any; calls: number }> {
  let next: string | undefined
  let calls = 0
  for (;;) {
    const r = await postImport(
      adminKey,
      body,
      `dryRun=false&limit=${limit}${next ? `&next=${encodeURIComponent(next)}` : ''}`,
    )
    calls++
    if (r.status !== 200) throw new Error(`import: ${r.status} ${JSON.stringify(r.body)}`)
    if (r.body.done) return { last: r.body, calls }
    next = r.body.next
  }
}

export { call }
