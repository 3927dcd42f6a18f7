import type { Hono } from 'hono'

export const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47'

/** Calls the platform app in-process, exactly as an HTTP client would. */
export async function call<T>(
  app: Hono,
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await app.request(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`)
  return (res.headers.get('content-type')?.includes('json') ? await res.json() : undefined) as T
}

/** Runs `fn` over items with at most `n` in flight. */
export async function pool<T>(items: T[], n: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++
        await fn(items[i] as T, i)
      }
    }),
  )
}

/** A raw request to the app that must succeed (signed webhooks, where the body is signed as sent). */
export async function send(app: Hono, url: string, init: RequestInit): Promise<void> {
  const res = await app.request(url, init)
  if (res.status >= 400) throw new Error(`${init.method ?? 'GET'} ${url} → ${res.status} ${await res.text()}`)
}
