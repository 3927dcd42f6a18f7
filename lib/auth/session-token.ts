import { hmac, safeEqual, signingSecret } from './secrets'

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
 * A stateless signed session: `s1.<claims>.<hmac>`. Any Lambda instance can check it.
 * @example verifySession(signSession({ d: 'd1', b: 'b1', exp })) → { d: 'd1', b: 'b1', exp }
 */
export function signSession(claims: SessionClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `s1.${body}.${hmac(signingSecret(), `session:${body}`)}`
}

/** The claims of a valid, unexpired token, else null. */
export function verifySession(token: string, nowSeconds = Math.floor(Date.now() / 1000)): SessionClaims | null {
  const parts = token.split('.')
  const [version, body, sig] = parts
  if (parts.length !== 3 || version !== 's1' || !body || !sig) return null
  if (!safeEqual(sig, hmac(signingSecret(), `session:${body}`))) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SessionClaims
    if (typeof claims.d !== 'string' || typeof claims.b !== 'string' || typeof claims.exp !== 'number') return null
    return claims.exp > nowSeconds ? claims : null
  } catch {
    return null
  }
}
