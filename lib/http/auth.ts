import { getCookie } from 'hono/cookie'
import { createMiddleware } from 'hono/factory'
import type { Context } from 'hono'
import { AppError } from '../errors'
import type { AppEnv, Caller, Role } from './env'
import { apiKeyOf } from '../services/api-key'
import { consoleSessionLive, distributorOfSession } from '../services/sessions'
import { safeEqual } from '../auth/secrets'
import { verifySession } from '../auth/session-token'
import { verifyConsoleSession } from '../auth/console-session'
import { countFailedCredential } from './rate-limit'
import { logBrand } from './log-request'

export const SESSION_COOKIE = 'rpl_session'
export const CONSOLE_COOKIE = 'rpl_console'
/** Header the console's scripts send, so a browser holding both cookies is resolved as the brand. */
export const CLIENT_HEADER = 'x-ripple-client'

/** The credential to check and where it came from: the bearer token, else the cookie that fits the calling page. */
function credentialOf(c: Context): { token: string; from: 'bearer' | 'cookie' } | undefined {
  const bearer = c.req
    .header('authorization')
    ?.match(/^Bearer\s+(.+)$/i)?.[1]
    ?.trim()
  if (bearer) return { token: bearer, from: 'bearer' }
  const session = getCookie(c, SESSION_COOKIE)
  const consoleToken = getCookie(c, CONSOLE_COOKIE)
  const cookie = c.req.header(CLIENT_HEADER) === 'console' ? consoleToken : (session ?? consoleToken)
  return cookie ? { token: cookie, from: 'cookie' } : undefined
}

/** True when the request's credential is a browser cookie (which any site can make the browser send). */
export const signedInByCookie = (c: Context): boolean => credentialOf(c)?.from === 'cookie'

/** Reads `Authorization: Bearer …`, the session cookie or the console cookie and works out the caller. */
async function callerFrom(c: Context): Promise<Caller> {
  const token = credentialOf(c)?.token
  if (!token) return { kind: 'anonymous' }

  const adminToken = process.env.ADMIN_TOKEN
  if (adminToken && safeEqual(token, adminToken)) return { kind: 'platform' }

  if (token.startsWith('s1.')) {
    const claims = verifySession(token)
    if (!claims)
      throw new AppError({ code: 'unauthorized', message: 'The session has expired or is not valid; sign in again.' })
    const found = await distributorOfSession(claims)
    if (found.kind === 'unknown')
      throw new AppError({ code: 'unauthorized', message: 'The session is not valid; sign in again.' })
    const d = found.kind === 'found' ? found.distributor : undefined
    if (d && d.status !== 'active')
      throw new AppError({ code: 'forbidden', message: 'This distributor account is suspended.' })
    if (!d) throw new AppError({ code: 'unauthorized', message: 'This session was signed out; sign in again.' })
    return { kind: 'distributor', brandId: d.brandId, distributorId: d.id }
  }

  if (token.startsWith('c1.')) {
    const claims = verifyConsoleSession(token)
    // The key that opened the session must still stand (one GetItem): revoking it signs its sessions out.
    if (!claims || !(await consoleSessionLive(claims)))
      throw new AppError({
        code: 'unauthorized',
        message: 'The console session has expired, its key was revoked, or it is not valid; sign in again.',
      })
    return { kind: 'brand', brandId: claims.b, role: claims.r }
  }

  const key = await apiKeyOf(token)
  if (!key)
    throw new AppError({ code: 'unauthorized', message: 'The API key is not valid (unknown, revoked or expired).' })
  return { kind: 'brand', brandId: key.brandId, role: key.role }
}

/** Resolves the caller once per request and stores it as `c.var.caller`. */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const caller = await callerFrom(c).catch((err) => countFailedCredential(c, err))
  c.set('caller', caller)
  if (caller.kind === 'brand' || caller.kind === 'distributor') logBrand(caller.brandId)
  await next()
})

const roleOf = (caller: Caller): Role | null =>
  caller.kind === 'platform'
    ? 'platform'
    : caller.kind === 'brand'
      ? caller.role
      : caller.kind === 'distributor'
        ? 'distributor'
        : null

/** Route guard: only callers with one of these roles pass. */
export const requireRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const caller = c.get('caller')
    const role = roleOf(caller)
    if (!role) throw new AppError({ code: 'unauthorized', message: 'Sign in, or send `Authorization: Bearer <key>`.' })
    if (!roles.includes(role))
      throw new AppError({ code: 'forbidden', message: `This needs the ${roles.join(' or ')} role.` })
    await next()
  })

/** The brand of a brand-scoped caller (admin, finance or distributor). */
export function brandOf(c: Context<AppEnv>): string {
  const caller = c.get('caller')
  if (caller.kind === 'brand' || caller.kind === 'distributor') return caller.brandId
  throw new AppError({ code: 'forbidden', message: 'This needs a brand credential.' })
}

/** The signed-in distributor's id and brand. */
export function distributorOf(c: Context<AppEnv>): { brandId: string; distributorId: string } {
  const caller = c.get('caller')
  if (caller.kind === 'distributor') return caller
  throw new AppError({ code: 'forbidden', message: 'This needs a distributor session.' })
}
