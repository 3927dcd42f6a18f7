import { readSignedToken, signToken } from './signed-token'

export interface SessionClaims {
  /** distributor id */
  d: string
  /** brand id */
  b: string
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
  return { d: c.d, b: c.b, exp: c.exp as number }
}
