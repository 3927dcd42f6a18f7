import { consoleSessionFor } from '../../lib/auth/console-session'
import { apiKeyOf } from '../../lib/services/api-key'

/** The console session an API key signs in to (as POST /console/sign-in sets it), as a Cookie header value. */
export async function consoleCookieOf(apiKey: string): Promise<string> {
  const key = await apiKeyOf(apiKey)
  if (!key?.keyId) throw new Error('not a live API key with an id')
  return `rpl_console=${encodeURIComponent(consoleSessionFor({ brandId: key.brandId, role: key.role, keyId: key.keyId }))}`
}
