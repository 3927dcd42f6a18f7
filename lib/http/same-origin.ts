import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { AppError } from '../errors'
import { signedInByCookie } from './auth'
import { toErrorResponse } from './on-error'

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Ripple's own origins: the public one (`PUBLIC_BASE_URL`) and the one the request
 * arrived on. A browser cannot forge `Host`, so the second is safe to compare a
 * browser's `Origin` with; it covers the API Gateway domain and local runs.
 */
function ownOrigins(c: Context): string[] {
  const own = [new URL(c.req.url).origin]
  const configured = process.env.PUBLIC_BASE_URL
  if (configured && URL.canParse(configured)) own.push(new URL(configured).origin)
  return own
}

/** The browser says the request comes from one of our pages: `Sec-Fetch-Site: same-origin` or our `Origin`. */
export function fromOwnPage(c: Context): boolean {
  if (c.req.header('sec-fetch-site') === 'same-origin') return true
  const origin = c.req.header('origin')
  return origin !== undefined && ownOrigins(c).includes(origin)
}

const mediaType = (c: Context) => c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()

const refuse = (c: Context, message: string) => toErrorResponse(new AppError({ code: 'forbidden', message }), c)

/**
 * CSRF guard, the one for every app: a write (POST, PUT, PATCH, DELETE) carried by a
 * cookie must come from a page of ours, and with `json` it must also say
 * `Content-Type: application/json`, which no cross-site form can send (a script
 * would need a CORS preflight Ripple never grants). A bearer key is not a cookie and
 * passes untouched. `everyWrite` checks writes without a cookie too: the pages'
 * forms (signing in or out sets cookies, so a foreign form must not do either).
 * Refusals are 403 in the error model.
 * @example api.use('*', sameOriginWrites({ json: true }))
 */
export const sameOriginWrites = (opts: { json: boolean; everyWrite?: boolean }) =>
  createMiddleware(async (c, next) => {
    if (!WRITES.has(c.req.method) || (!opts.everyWrite && !signedInByCookie(c))) return next()
    if (!fromOwnPage(c))
      return refuse(c, 'Cross-site request refused: a signed-in browser may only write from Ripple’s own pages.')
    if (opts.json && mediaType(c) !== 'application/json')
      return refuse(c, 'A write signed in by cookie must be sent with `Content-Type: application/json`.')
    await next()
  })
