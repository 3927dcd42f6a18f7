import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../lib/http/auth'
import { verifySession } from '../lib/auth/session-token'
import { distributorInBrand } from '../lib/services/distributor-in-brand'
import type { Distributor } from '../lib/schemas/distributor'

export type PageSession =
  | { kind: 'signed-out' }
  | { kind: 'suspended'; distributor: Distributor }
  | { kind: 'active'; distributor: Distributor }

/**
 * The distributor behind the session cookie, checked exactly as the API's
 * `callerFrom` does (signature and expiry, same brand, status). A page never
 * throws on a bad session: it answers with the friendly signed-out page instead.
 */
export async function distributorSession(c: Context): Promise<PageSession> {
  const token = getCookie(c, SESSION_COOKIE)
  const claims = token ? verifySession(token) : null
  if (!claims) return { kind: 'signed-out' }
  const distributor = await distributorInBrand(claims.b, claims.d)
  if (!distributor) return { kind: 'signed-out' }
  return distributor.status === 'active' ? { kind: 'active', distributor } : { kind: 'suspended', distributor }
}
