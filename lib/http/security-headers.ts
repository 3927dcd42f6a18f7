import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from './env'

/**
 * The pages' Content-Security-Policy. Scripts only from our own origin: every page
 * loads its bundled client script from /assets (web/components/Page.tsx) and has no
 * inline script or inline event handler, so neither 'unsafe-inline' nor a nonce is
 * needed (tests/browser/csp.test.ts fails on any violation). Styles stay inline (the
 * shell inlines its sheet; a few elements carry a style attribute); images allow
 * data: and blob: for the QR codes and the share poster drawn in the page.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const overHttps = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'

/** Every page: the CSP above, no framing, no sniffing, a cross-origin referrer cut to the origin, HSTS over https. */
export const pageHeaders = createMiddleware(async (c, next) => {
  // After the handler, so a route returning its own Response gets them too.
  await next()
  c.header('Content-Security-Policy', PAGE_CSP)
  c.header('X-Frame-Options', 'DENY')
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'strict-origin-when-cross-origin')
  if (overHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
})

/** The API: no sniffing, and an answer to a signed-in caller is never stored by a browser or a proxy. */
export const apiHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next()
  c.header('X-Content-Type-Options', 'nosniff')
  const caller = c.get('caller')
  if (caller && caller.kind !== 'anonymous') c.header('Cache-Control', 'no-store')
})
