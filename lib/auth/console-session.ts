import { readSignedToken, signToken } from './signed-token'

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
 * A brand user's signed console session: `c1.<claims>.<hmac>`, signed for the
 * `console` purpose so a distributor session can never be replayed as one.
 * @example verifyConsoleSession(signConsoleSession({ b: 'b1', r: 'admin', exp })) → { b: 'b1', r: 'admin', exp }
 */
export const signConsoleSession = (claims: ConsoleClaims): string => signToken('c1', 'console', claims)

/** The claims of a valid, unexpired console token, else null. */
export function verifyConsoleSession(token: string, nowSeconds = Math.floor(Date.now() / 1000)): ConsoleClaims | null {
  const c = readSignedToken('c1', 'console', token, nowSeconds)
  if (!c || typeof c.b !== 'string' || (c.r !== 'admin' && c.r !== 'finance')) return null
  return { b: c.b, r: c.r, exp: c.exp as number }
}

/** A console token for a brand and role, valid for CONSOLE_SESSION_HOURS. */
export const consoleSessionFor = (brandId: string, role: ConsoleRole): string =>
  signConsoleSession({ b: brandId, r: role, exp: Math.floor(Date.now() / 1000) + CONSOLE_SESSION_HOURS * 3600 })
