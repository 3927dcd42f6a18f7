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

/** The brand a browser last signed in to: `/m/sign-in` offers it again once the session is gone. */
export const BRAND_COOKIE = 'rpl_brand'

/** Remembers the brand for 400 days (not a credential: only which brand's sign-in page to show). */
export function rememberBrand(c: Context, brandId: string): void {
  setCookie(c, BRAND_COOKIE, brandId, { httpOnly: true, sameSite: 'Lax', path: '/m', maxAge: 400 * 86_400 })
}
