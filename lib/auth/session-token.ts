import { readSignedToken, signToken } from './signed-token'

export interface SessionClaims {
  /** distributor id */
  d: string
  /** brand id */
  b: string
  /**
   * Issued at, unix milliseconds: a session issued before the distributor's or the brand's
   * "not before" stamp (a suspension, a brand-wide sign-out) is refused. Tokens issued before
   * this claim existed have none and count as issued 30 days before they expire.
   */
  iat?: number
  /** expiry, unix seconds */
  exp: number
}

export const SESSION_DAYS = 30

/**
 * A distributor's signed session: `s1.<claims>.<hmac>`. Any Lambda instance can check it.
 * @example verifySession(signSession({ d: 'd1', b: 'b1', exp })) → { d: 'd1', b: 'b1', exp }
 */
export const signSession = (claims: SessionClaims): string => signToken('s1', 'session', claims)

/** The claims of a valid, unexpired session token, else null. */
export function verifySession(token: string, nowSeconds = Math.floor(Date.now() / 1000)): SessionClaims | null {
  const c = readSignedToken('s1', 'session', token, nowSeconds)
  if (!c || typeof c.d !== 'string' || typeof c.b !== 'string') return null
  if (c.iat !== undefined && typeof c.iat !== 'number') return null
  return { d: c.d, b: c.b, ...(typeof c.iat === 'number' ? { iat: c.iat } : {}), exp: c.exp as number }
}

/** When a session was issued, in unix milliseconds (for a token without `iat`: its expiry less SESSION_DAYS). */
export const issuedAt = (claims: SessionClaims): number => claims.iat ?? (claims.exp - SESSION_DAYS * 86_400) * 1000
