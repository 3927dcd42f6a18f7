import { randomBytes } from 'node:crypto'
import { putSignIn, consumeSignIn, type SignInResult } from '../db/sign-ins'
import { sha256 } from '../auth/secrets'
import { signSession, SESSION_DAYS } from '../auth/session-token'

export const SIGN_IN_MINUTES = 15

/** Mints a single-use sign-in URL valid for 15 minutes; only the token's hash is stored. */
export async function mintSignInLink(
  baseUrl: string,
  brandId: string,
  distributorId: string,
  now = new Date(),
): Promise<{ url: string; expiresAt: string }> {
  const token = randomBytes(24).toString('base64url')
  const expiresAt = new Date(now.getTime() + SIGN_IN_MINUTES * 60_000).toISOString()
  await putSignIn(sha256(token), { brandId, distributorId, expiresAt })
  return { url: `${baseUrl}/m/sign-in/${token}`, expiresAt }
}

/** Uses a sign-in token; on success returns a session token for the distributor. */
export async function redeemSignIn(token: string): Promise<SignInResult & { session?: string }> {
  const result = await consumeSignIn(sha256(token))
  if (!result.ok) return result
  return { ...result, session: sessionFor(result.brandId, result.distributorId) }
}

/** A signed session token for a distributor, valid for 30 days. */
export function sessionFor(brandId: string, distributorId: string): string {
  const now = Date.now()
  return signSession({ d: distributorId, b: brandId, iat: now, exp: Math.floor(now / 1000) + SESSION_DAYS * 86_400 })
}
