import type { Context } from 'hono'

/**
 * What the runtime puts in `c.env`: the Lambda adapter (hono/aws-lambda) passes the
 * API Gateway event's `requestContext`; @hono/node-server passes the Node request.
 * Read structurally, so the click bundle imports neither adapter.
 */
interface ServerBindings {
  requestContext?: { http?: { sourceIp?: unknown } }
  incoming?: { socket?: { remoteAddress?: unknown } }
}

/**
 * The caller's address as the server saw it: API Gateway's `requestContext.http.sourceIp`
 * on AWS (the TCP peer of the connection API Gateway accepted), the socket's peer under
 * `npm start`. Never `X-Forwarded-For` or any other header, which the caller writes. IPv6
 * callers are taken by their /64, since one host holds a whole /64. Undefined when the
 * app runs in process with no server (`app.request()` without an env).
 */
export function clientAddress(c: Context): string | undefined {
  const env = c.env as ServerBindings | undefined
  const raw = env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress
  return typeof raw === 'string' && raw.length > 0 ? addressSubject(raw) : undefined
}

/**
 * An address as a rate-limit subject: IPv4 as is (also when written as IPv4-mapped
 * IPv6), IPv6 as its /64 prefix, expanded so one network has one spelling.
 * @example addressSubject('::ffff:203.0.113.9') → '203.0.113.9'
 * @example addressSubject('2001:db8::1') → '2001:0db8:0000:0000::/64'
 */
export function addressSubject(address: string): string {
  const a = address.trim().toLowerCase().replace(/%.*$/, '')
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a)
  if (mapped) return mapped[1] ?? a
  if (!a.includes(':')) return a.slice(0, 64)
  const halves = a.split('::')
  if (halves.length > 2) return a.slice(0, 64)
  const groups = (s: string | undefined) => (s ? s.split(':') : [])
  // A dotted IPv4 tail stands for two groups.
  const width = (g: string[]) => g.reduce((n, x) => n + (x.includes('.') ? 2 : 1), 0)
  const head = groups(halves[0])
  const tail = groups(halves[1])
  const all =
    halves.length === 2
      ? [...head, ...Array<string>(Math.max(0, 8 - width(head) - width(tail))).fill('0'), ...tail]
      : head
  const prefix = all.slice(0, 4)
  if (prefix.length < 4 || !prefix.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return a.slice(0, 64)
  return `${prefix.map((g) => g.padStart(4, '0')).join(':')}::/64`
}
