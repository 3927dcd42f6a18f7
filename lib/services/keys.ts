import { nanoid } from 'nanoid'
import { newCredential, safeEqual, sha256, webhookSecretFor } from '../auth/secrets'
import {
  createApiKey,
  getApiKeyRecord,
  lastAdmin,
  listApiKeys,
  revokeApiKey,
  rotateApiKey,
  type StoredApiKey,
} from '../db/api-keys'
import { getBrandWebhookSecrets, putWebhookSecret } from '../db/brands'
import { AppError } from '../errors'
import type { ApiKeyRole, ApiKeyView } from '../schemas/keys'

/** A brand holds at most this many live (active or expiring) keys: the list and the last-admin check stay small. */
export const MAX_LIVE_KEYS = 20

const PREFIX: Record<ApiKeyRole, string> = { admin: 'rpl_admin', finance: 'rpl_fin' }
const hoursFrom = (now: number, hours: number) => new Date(now + hours * 3_600_000).toISOString()

/**
 * A new key for a brand: the secret (shown once) and the record to store (its hash,
 * last four characters, id). With a requestId the id is derived from it, so a repeat
 * of the same request finds the id taken.
 * @example const { secret, record } = newApiKey('b_1', 'finance', 'ERP')
 */
export function newApiKey(
  brandId: string,
  role: ApiKeyRole,
  label: string,
  opts: { now?: number; requestId?: string } = {},
): { secret: string; record: StoredApiKey } {
  const secret = newCredential(PREFIX[role])
  const id = opts.requestId ? `key_${sha256(`${brandId}:${opts.requestId}`).slice(0, 16)}` : `key_${nanoid(12)}`
  return {
    secret,
    record: {
      id,
      brandId,
      role,
      label,
      createdAt: new Date(opts.now ?? Date.now()).toISOString(),
      last4: secret.slice(-4),
      keyHash: sha256(secret),
    },
  }
}

/** Whether a stored key is live at `now`: not revoked and not past the end of a rotation's grace. */
export const isLive = (k: { revokedAt?: string; expiresAt?: string }, now = Date.now()): boolean =>
  !k.revokedAt && (!k.expiresAt || Date.parse(k.expiresAt) > now)

/** A key as the API lists it: status and until, never the hash. */
export function presentKey(k: StoredApiKey, now = Date.now()): ApiKeyView {
  const status = k.revokedAt || !isLive(k, now) ? 'revoked' : k.expiresAt ? 'expiring' : 'active'
  // Revoked, or rotated: whichever ended (or ends) it first.
  const until = [k.revokedAt, k.expiresAt].filter((t): t is string => t !== undefined).sort()[0]
  return {
    id: k.id,
    role: k.role,
    label: k.label,
    createdAt: k.createdAt,
    last4: k.last4,
    status,
    ...(until ? { until } : {}),
    ...(k.replacedBy ? { replacedBy: k.replacedBy } : {}),
  }
}

/** The brand's keys, newest first. */
export async function listKeys(brandId: string): Promise<ApiKeyView[]> {
  const now = Date.now()
  return (await listApiKeys(brandId))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
    .map((k) => presentKey(k, now))
}

const keyOrThrow = async (brandId: string, id: string): Promise<StoredApiKey> => {
  const k = await getApiKeyRecord(brandId, id)
  if (!k) throw new AppError({ code: 'not_found', message: `No key ${id}.` })
  return k
}

async function refuseTooMany(brandId: string): Promise<void> {
  const live = (await listApiKeys(brandId)).filter((k) => isLive(k)).length
  if (live >= MAX_LIVE_KEYS)
    throw new AppError({
      code: 'conflict',
      message: `A brand holds at most ${MAX_LIVE_KEYS} active keys; revoke one first.`,
      reason: 'key.too_many',
      params: { maximum: MAX_LIVE_KEYS },
      fields: { role: { reason: 'key.too_many', params: { maximum: MAX_LIVE_KEYS } } },
    })
}

/** Creates a key; the answer carries the secret, once. A repeat of a requestId is a 409 (the secret is not kept). */
export async function createKey(
  brandId: string,
  body: { role: ApiKeyRole; label: string; requestId?: string },
): Promise<{ key: string; apiKey: ApiKeyView }> {
  await refuseTooMany(brandId)
  const { secret, record } = newApiKey(brandId, body.role, body.label, { requestId: body.requestId })
  await createApiKey(record)
  return { key: secret, apiKey: presentKey(record) }
}

/**
 * Rotates a live key: a new key of the same role and label (shown once), and the old one
 * refused from now + graceHours. Not replayable: only the new key's hash is stored, so a
 * repeat cannot be answered with the same key; instead it finds the old key no longer
 * active and is a 409 naming the key that replaced it (never a second new key).
 */
export async function rotateKey(
  brandId: string,
  id: string,
  graceHours: number,
): Promise<{ key: string; apiKey: ApiKeyView; replaced: ApiKeyView }> {
  const old = await keyOrThrow(brandId, id)
  const now = Date.now()
  if (!isLive(old, now) || old.expiresAt)
    throw new AppError({
      code: 'conflict',
      message: old.replacedBy
        ? `Key ${id} was already rotated; its replacement is ${old.replacedBy}.`
        : `Key ${id} is revoked.`,
      fields: { id: 'Already rotated or revoked.' },
    })
  const { secret, record } = newApiKey(brandId, old.role, old.label, { now })
  const until = hoursFrom(now, graceHours)
  await rotateApiKey(old, record, until)
  return {
    key: secret,
    apiKey: presentKey(record, now),
    replaced: presentKey({ ...old, expiresAt: until, replacedBy: record.id }, now),
  }
}

/**
 * Revokes a key at once. The brand's last active admin key cannot be revoked (409):
 * without one nobody could manage the brand's keys again.
 */
export async function revokeKey(brandId: string, id: string): Promise<ApiKeyView> {
  const k = await keyOrThrow(brandId, id)
  const now = Date.now()
  if (k.revokedAt) return presentKey(k, now)
  let keep: StoredApiKey | undefined
  if (k.role === 'admin' && isLive(k, now) && !k.expiresAt) {
    keep = (await listApiKeys(brandId)).find(
      (o) => o.id !== k.id && o.role === 'admin' && isLive(o, now) && !o.expiresAt,
    )
    if (!keep) throw lastAdmin()
  }
  const at = new Date(now).toISOString()
  await revokeApiKey(k, at, keep)
  return presentKey({ ...k, revokedAt: at }, now)
}

/**
 * Rotates the brand's Ripple webhook secret: the new one (shown once) verifies at once,
 * the old one until now + graceHours. The secret derives from a stored nonce, so a
 * repeat with the same requestId is answered with the same secret and changes nothing.
 */
export async function rotateWebhookSecret(
  brandId: string,
  body: { graceHours: number; requestId?: string },
): Promise<{ webhookSecret: string; previousValidUntil: string }> {
  const current = await getBrandWebhookSecrets(brandId)
  if (!current) throw new AppError({ code: 'not_found', message: 'No such brand.' })
  if (body.requestId && current.rotationRequestId === body.requestId && current.previous)
    return { webhookSecret: webhookSecretFor(brandId, current.nonce), previousValidUntil: current.previous.until }
  const nonce = nanoid(16)
  const webhookSecret = webhookSecretFor(brandId, nonce)
  const until = hoursFrom(Date.now(), body.graceHours)
  await putWebhookSecret(brandId, current.nonce, {
    nonce,
    secretHash: sha256(webhookSecret),
    previous: { nonce: current.nonce, secretHash: current.secretHash, until },
    requestId: body.requestId,
  })
  return { webhookSecret, previousValidUntil: until }
}

/** The Ripple webhook secrets that verify a delivery now: the current one, and the previous during its grace. */
export async function rippleWebhookSecrets(brandId: string): Promise<string[]> {
  const stored = await getBrandWebhookSecrets(brandId)
  if (!stored) return []
  const now = Date.now()
  const candidates = [{ nonce: stored.nonce, secretHash: stored.secretHash }]
  if (stored.previous && Date.parse(stored.previous.until) > now) candidates.push(stored.previous)
  return candidates
    .map((s) => ({ secret: webhookSecretFor(brandId, s.nonce), hash: s.secretHash }))
    .filter((s) => safeEqual(sha256(s.secret), s.hash))
    .map((s) => s.secret)
}
