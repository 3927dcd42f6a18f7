import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** Hex SHA-256: how keys and single-use tokens are stored (never the raw value). */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** A new random credential such as `rpl_admin_3f…`: 32 random bytes, base64url. */
export const newCredential = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`

/** HMAC-SHA256 as base64url, keyed by the platform's signing secret. */
export const hmac = (secret: string, text: string): string =>
  createHmac('sha256', secret).update(text).digest('base64url')

/** Constant-time string comparison for secrets and signatures. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The platform signing secret (`SIGNING_SECRET`): signs sessions and derives
 * webhook secrets. Every Lambda instance reads the same value, so a session
 * signed by one is valid in all.
 */
export function signingSecret(): string {
  const s = process.env.SIGNING_SECRET
  if (!s || s.length < 32) throw new Error('SIGNING_SECRET must be set (32+ characters).')
  return s
}

/**
 * A brand's webhook secret, derived from the signing secret and a stored nonce,
 * so the database keeps only the nonce and a hash: the secret itself is shown once.
 */
export const webhookSecretFor = (brandId: string, nonce: string): string =>
  `whsec_${hmac(signingSecret(), `webhook:${brandId}:${nonce}`)}`
