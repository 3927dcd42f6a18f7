import { randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'

export const DEVICE_COOKIE = 'rpl_device'
const DEVICE = /^[A-Za-z0-9_-]{22}$/

/**
 * A random id for this browser, set by the invite page: POST /api/join binds its
 * `requestId` to it, so a repeated join hands the session back only to the browser
 * that joined (lib/http/routes/join.ts). It names no one and proves nothing else.
 */
export function deviceOf(c: Context): string | undefined {
  const id = getCookie(c, DEVICE_COOKIE)
  return id && DEVICE.test(id) ? id : undefined
}

/** Sets the device cookie unless the browser has one; HttpOnly, SameSite=Lax, a day long (a join takes minutes). */
export function ensureDeviceCookie(c: Context): void {
  if (deviceOf(c)) return
  setCookie(c, DEVICE_COOKIE, randomBytes(16).toString('base64url'), {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https',
    path: '/',
    maxAge: 86_400,
  })
}
