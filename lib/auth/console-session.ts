import { readSignedToken, signToken } from './signed-token'

export type ConsoleRole = 'admin' | 'finance'

export interface ConsoleClaims {
  /** brand id */
  b: string
  /** role of the API key that signed in, fixed at sign-in time */
  r: ConsoleRole
  /** id of the API key that signed in: the session lives only as long as that key (docs/architecture.md §9) */
  k: string
  /** issued at, unix milliseconds */
  iat: number
  /** expiry, unix seconds */
  exp: number
}

/** A console session lasts a working day: a desk session, not a phone that stays signed in for weeks. */
export const CONSOLE_SESSION_HOURS = 12

/**
 * A brand user's signed console session: `c1.<claims>.<hmac>`, signed for the
 * `console` purpose so a distributor session can never be replayed as one.
 * @example verifyConsoleSession(signConsoleSession({ b: 'b1', r: 'admin', k: 'key_1', iat, exp })) → the same claims
 */
export const signConsoleSession = (claims: ConsoleClaims): string => signToken('c1', 'console', claims)

/**
 * The claims of a valid, unexpired console token, else null. Only the signature and expiry:
 * whether its key is still live is the caller's check (`consoleSessionLive`, one GetItem).
 * A token from before sessions carried their key id is not valid.
 */
export function verifyConsoleSession(token: string, nowSeconds = Math.floor(Date.now() / 1000)): ConsoleClaims | null {
  const c = readSignedToken('c1', 'console', token, nowSeconds)
  if (!c || typeof c.b !== 'string' || (c.r !== 'admin' && c.r !== 'finance')) return null
  if (typeof c.k !== 'string' || typeof c.iat !== 'number') return null
  return { b: c.b, r: c.r, k: c.k, iat: c.iat, exp: c.exp as number }
}

/** A console token for the key that signed in (brand, role, id), valid for CONSOLE_SESSION_HOURS. */
export const consoleSessionFor = (key: { brandId: string; role: ConsoleRole; keyId: string }): string => {
  const now = Date.now()
  return signConsoleSession({
    b: key.brandId,
    r: key.role,
    k: key.keyId,
    iat: now,
    exp: Math.floor(now / 1000) + CONSOLE_SESSION_HOURS * 3600,
  })
}
