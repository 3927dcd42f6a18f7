import { hmac, safeEqual, signingSecret } from './secrets'

/**
 * A stateless signed token `<version>.<base64url claims>.<hmac>`, checkable by
 * any Lambda instance. The HMAC input carries the token's purpose, so a token
 * of one kind (a distributor session) can never be replayed as another (a console session).
 * @example readSignedToken('s1', 'session', signToken('s1', 'session', { exp })) → { exp }
 */
export function signToken(version: string, purpose: string, claims: { exp: number }): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${version}.${body}.${hmac(signingSecret(), `${purpose}:${body}`)}`
}

/** The claims of a well-formed, correctly signed, unexpired token, else null. Callers check the claims' shape. */
export function readSignedToken(
  version: string,
  purpose: string,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Record<string, unknown> | null {
  const [v, body, sig, extra] = token.split('.')
  if (v !== version || !body || !sig || extra !== undefined) return null
  if (!safeEqual(sig, hmac(signingSecret(), `${purpose}:${body}`))) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>
    return typeof claims.exp === 'number' && claims.exp > nowSeconds ? claims : null
  } catch {
    return null
  }
}
