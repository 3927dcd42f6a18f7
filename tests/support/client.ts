import { buildPlatformApp } from '../../lib/http/platform-app'

export const BASE = 'http://ripple.test'
const app = buildPlatformApp()

export interface CallOptions {
  token?: string
  body?: unknown
  /** Raw body text, sent as is (for malformed JSON and wrong content types). */
  raw?: string
  headers?: Record<string, string>
  /** The caller's address, given as API Gateway gives it to the Lambda adapter (`requestContext.http.sourceIp`). */
  ip?: string
}

/** Calls the same app `npm start` serves, in process, like an HTTP client would. */
export async function call(
  method: string,
  path: string,
  opts: CallOptions = {},
): Promise<{ status: number; body: any; res: Response }> {
  const headers: Record<string, string> = { ...opts.headers }
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json'
  const res = await app.request(
    `${BASE}${path}`,
    {
      method,
      headers,
      body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
    },
    opts.ip ? sourceIpEnv(opts.ip) : undefined,
  )
  const text = await res.clone().text()
  let body: unknown = text
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body, res }
}

/** The `c.env` the Lambda adapter hands the app for a request from `ip` (the part the rate limits read). */
export const sourceIpEnv = (ip: string) => ({ requestContext: { http: { sourceIp: ip } } })

export const PHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47'

/**
 * A new brand (allowed domain shop.example.com) with its admin and finance keys. Its days are UTC days unless
 * the test names a zone: most tests are about something else than the calendar (tests/integration/time-zone*.test.ts are).
 */
export async function newBrand(programme: Record<string, unknown> = {}) {
  const r = await call('POST', '/api/admin/brands', {
    token: process.env.ADMIN_TOKEN,
    body: {
      name: '测试品牌 Test Brand',
      programme: { allowedDomains: ['shop.example.com'], timeZone: 'UTC', ...programme },
    },
  })
  if (r.status !== 201) throw new Error(`brand: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as { brand: { id: string }; adminKey: string; financeKey: string; webhookSecret: string }
}

/** Creates a distributor with the brand admin key; throws unless 201. */
export async function newDistributor(adminKey: string, body: Record<string, unknown>) {
  const r = await call('POST', '/api/distributors', { token: adminKey, body })
  if (r.status !== 201) throw new Error(`distributor: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as {
    id: string
    ring: number
    depth: number
    ancestors: string[]
    inviteCode: string
    parentId: string | null
  }
}

/** Signs a distributor in through a real single-use link; returns the session token. */
export async function sessionOf(adminKey: string, distributorId: string): Promise<string> {
  const link = await call('POST', `/api/distributors/${distributorId}/sign-in-links`, { token: adminKey })
  const path = new URL(link.body.url).pathname
  const r = await call('GET', path, { headers: { 'user-agent': PHONE_UA } })
  const token = /rpl_session=([^;]+)/.exec(r.res.headers.get('set-cookie') ?? '')?.[1]
  if (!token) throw new Error(`no session cookie (${r.status})`)
  return decodeURIComponent(token)
}
