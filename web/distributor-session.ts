import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import { SESSION_COOKIE } from '../lib/http/auth'
import { verifySession } from '../lib/auth/session-token'
import { distributorOfSession } from '../lib/services/sessions'
import type { Distributor } from '../lib/schemas/distributor'

export type PageSession =
  | { kind: 'signed-out' }
  | { kind: 'suspended'; distributor: Distributor }
  | { kind: 'active'; distributor: Distributor }

/**
 * The distributor behind the session cookie, checked exactly as the API's
 * `callerFrom` does (signature and expiry, same brand, sign-out stamps, status). A page never
 * throws on a bad session: it answers with the friendly signed-out page instead.
 */
export async function distributorSession(c: Context): Promise<PageSession> {
  const token = getCookie(c, SESSION_COOKIE)
  const claims = token ? verifySession(token) : null
  if (!claims) return { kind: 'signed-out' }
  const found = await distributorOfSession(claims)
  if (found.kind === 'unknown') return { kind: 'signed-out' }
  // A suspended or departed distributor is told so; a session older than a sign-out stamp is simply signed out.
  if (found.kind === 'found' && found.distributor.status !== 'active')
    return { kind: 'suspended', distributor: found.distributor }
  return found.kind === 'found' ? { kind: 'active', distributor: found.distributor } : { kind: 'signed-out' }
}
