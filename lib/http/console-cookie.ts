import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { CONSOLE_COOKIE } from './auth'
import { CONSOLE_SESSION_HOURS, verifyConsoleSession, type ConsoleClaims } from '../auth/console-session'
import { consoleSessionLive } from '../services/sessions'

const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'

/** Sets the signed console session as an HttpOnly, SameSite=Lax cookie (Secure whenever served over https). */
export function setConsoleCookie(c: Context, token: string): void {
  setCookie(c, CONSOLE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: secure(c),
    path: '/',
    maxAge: CONSOLE_SESSION_HOURS * 3600,
  })
}

/** Signs the console out in this browser (the token itself simply expires). */
export function clearConsoleCookie(c: Context): void {
  deleteCookie(c, CONSOLE_COOKIE, { path: '/', secure: secure(c) })
}

/**
 * The console session's claims when the cookie is valid and unexpired and the key that
 * opened it still stands (one GetItem: a revoked or expired key signs its sessions out), else null.
 */
export async function consoleClaimsOf(c: Context): Promise<ConsoleClaims | null> {
  const token = getCookie(c, CONSOLE_COOKIE)
  const claims = token ? verifyConsoleSession(token) : null
  return claims && (await consoleSessionLive(claims)) ? claims : null
}
