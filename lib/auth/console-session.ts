import { hmac, safeEqual, signingSecret } from './secrets'

export type ConsoleRole = 'admin' | 'finance'

export interface ConsoleClaims {
  /** brand id */
  b: string
  /** role of the API key that signed in, fixed at sign-in time */
  r: ConsoleRole
  /** expiry, unix seconds */
  exp: number
}

/** A console session lasts a working day: a desk session, not a phone that stays signed in for weeks. */
export const CONSOLE_SESSION_HOURS = 12

/**
 * A stateless signed console session: `c1.<claims>.<hmac>`. The HMAC input is
 * prefixed `console:` so a distributor session (`session:`) can never be replayed as one.
 * @example verifyConsoleSession(signConsoleSession({ b: 'b1', r: 'admin', exp })) → { b: 'b1', r: 'admin', exp }
 */
export function signConsoleSession(claims: ConsoleClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `c1.${body}.${hmac(signingSecret(), `console:${body}`)}`
}

/** The claims of a valid, unexpired console token, else null. */
export function verifyConsoleSession(token: string, nowSeconds = Math.floor(Date.now() / 1000)): ConsoleClaims | null {
  const [version, body, sig, extra] = token.split('.')
  if (version !== 'c1' || !body || !sig || extra !== undefined) return null
  if (!safeEqual(sig, hmac(signingSecret(), `console:${body}`))) return null
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<ConsoleClaims>
    if (typeof claims.b !== 'string' || (claims.r !== 'admin' && claims.r !== 'finance') || typeof claims.exp !== 'number') return null
    return claims.exp > nowSeconds ? { b: claims.b, r: claims.r, exp: claims.exp } : null
  } catch {
    return null
  }
}

/** A console token for a brand and role, valid for CONSOLE_SESSION_HOURS. */
export const consoleSessionFor = (brandId: string, role: ConsoleRole): string =>
  signConsoleSession({ b: brandId, r: role, exp: Math.floor(Date.now() / 1000) + CONSOLE_SESSION_HOURS * 3600 })
