import { setCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { SESSION_COOKIE } from './auth'
import { SESSION_DAYS } from '../auth/session-token'

/** Sets the signed session as an HttpOnly, SameSite=Lax cookie (Secure whenever served over https). */
export function setSessionCookie(c: Context, token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    path: '/',
    maxAge: SESSION_DAYS * 86_400,
  })
}
