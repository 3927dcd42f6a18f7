import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { signingSecret } from './secrets'

/**
 * AES-256-GCM key for secrets Ripple must read back, derived from the signing secret:
 * one key per purpose (`seal` for a brand's Shopify secret, `payout` for payout details),
 * so one kind of sealed value never opens as another.
 */
const key = (purpose = 'seal'): Buffer => createHash('sha256').update(`${purpose}:${signingSecret()}`).digest()

/**
 * Encrypts a third-party secret for storage: `v1.<iv>.<tag>.<ciphertext>`, base64url.
 * @example openSealed(seal('shpss_x')) === 'shpss_x'
 */
export function seal(plain: string, purpose?: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(purpose), iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.')
}

/** Decrypts a sealed value; null when it was tampered with or sealed under another key. */
export function openSealed(sealed: string, purpose?: string): string | null {
  const [v, iv, tag, data] = sealed.split('.')
  if (v !== 'v1' || !iv || !tag || !data) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(purpose), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
