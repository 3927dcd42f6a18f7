import { type ApiError, langHeaders, localizeError } from './api-error'

/** An API answer: the status and the parsed JSON body (an empty object when there is none). */
export interface ApiAnswer<T> {
  status: number
  body: T & { error?: ApiError }
}

/**
 * A JSON call to /api as the signed-in console. The header tells the API to use the
 * console cookie even if this browser also holds a distributor session. The JSON
 * content type goes on every call, bodiless writes too: the API refuses a write
 * signed in by cookie without it (lib/http/same-origin.ts). Errors come back worded in the page language.
 */
export async function consoleApi<T = unknown>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: { 'x-ripple-client': 'console', 'content-type': 'application/json', ...langHeaders() },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const parsed = (await res.json().catch(() => ({}))) as ApiAnswer<T>['body']
  // Every message in the page language, worded here from its code and parameters.
  if (parsed.error) parsed.error = localizeError(parsed.error)
  return { status: res.status, body: parsed }
}
