import { sha256 } from '../auth/secrets'
import { type ApiKeyRecord, getApiKey } from '../db/brands'

/**
 * The brand, role and id of a pasted API key, looked up by its hash (the key itself is never stored):
 * undefined for an unknown or revoked key, or one a rotation's grace has run out on. One GetItem.
 * @example const key = await apiKeyOf(form.apiKey) // key?.role === 'admin'
 */
export async function apiKeyOf(apiKey: string, now = Date.now()): Promise<ApiKeyRecord | undefined> {
  const key = await getApiKey(sha256(apiKey))
  return key && (!key.expiresAt || Date.parse(key.expiresAt) > now) ? key : undefined
}
