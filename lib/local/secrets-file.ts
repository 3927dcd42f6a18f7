import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { randomBytes } from 'node:crypto'

/**
 * Local stand-ins for the secrets AWS keeps in Secrets Manager: the signing
 * secret and the platform admin token, generated once into `.data/` and reused,
 * unless the environment sets them.
 */
export function loadLocalSecrets(file: string): { signingSecret: string; adminToken: string } {
  const stored = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { signingSecret?: string; adminToken?: string })
    : {}
  const secrets = {
    signingSecret: process.env.SIGNING_SECRET ?? stored.signingSecret ?? randomBytes(32).toString('base64url'),
    adminToken: process.env.ADMIN_TOKEN ?? stored.adminToken ?? `rpl_platform_${randomBytes(24).toString('base64url')}`,
  }
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 })
  return secrets
}
