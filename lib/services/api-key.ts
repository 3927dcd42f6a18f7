import { sha256 } from '../auth/secrets'
import { type ApiKeyRecord, getApiKey } from '../db/brands'

/**
 * The brand and role of a pasted API key, looked up by its hash (the key itself is never stored):
 * undefined for an unknown key. One GetItem.
 * @example const key = await apiKeyOf(form.apiKey) // key?.role === 'admin'
 */
export const apiKeyOf = (apiKey: string): Promise<ApiKeyRecord | undefined> => getApiKey(sha256(apiKey))
