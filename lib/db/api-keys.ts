import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem, strip } from './items'
import { tableName } from './table'
import { type TransactItem, transactOrExplain } from './transact'
import { AppError } from '../errors'
import type { ApiKeyRole } from '../schemas/keys'

/**
 * A brand API key as stored, in two items written together: the record by id
 * (`BRAND#b`, `APIKEY#id`: what the keys page lists and the console session check
 * reads) and the lookup by hash (`KEY#sha256`, `META`: what a bearer key is checked
 * with, one GetItem). Neither holds the key itself.
 */
export interface StoredApiKey {
  id: string
  brandId: string
  role: ApiKeyRole
  label: string
  createdAt: string
  /** The key's last four characters, so an admin can tell keys apart. */
  last4: string
  keyHash: string
  /** Set by a rotation: the key is refused from this moment (now + the grace the admin chose). */
  expiresAt?: string
  /** The key that replaced this one in a rotation. */
  replacedBy?: string
  revokedAt?: string
}

/** Revoked and expired records stay listed this long, then DynamoDB's TTL removes them (the list stays short). */
const KEEP_DEAD_SECONDS = 30 * 86_400
const ttlAfter = (iso: string) => Math.floor(Date.parse(iso) / 1000) + KEEP_DEAD_SECONDS

const lookupItem = (k: StoredApiKey) => ({
  ...keys.apiKey(k.keyHash),
  entity: 'apiKey',
  brandId: k.brandId,
  role: k.role,
  keyId: k.id,
  createdAt: k.createdAt,
})

/** The two conditional Puts that create a key: its record and its lookup by hash. */
export function apiKeyPuts(k: StoredApiKey): TransactItem[] {
  const T = tableName()
  return [
    {
      Put: {
        TableName: T,
        Item: { ...keys.apiKeyRecord(k.brandId, k.id), entity: 'apiKeyRecord', ...k },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    { Put: { TableName: T, Item: lookupItem(k), ConditionExpression: 'attribute_not_exists(pk)' } },
  ]
}

/** Creates a key; a key id already taken (a repeated requestId) is a 409. */
export async function createApiKey(k: StoredApiKey): Promise<void> {
  const r = await transactOrExplain(apiKeyPuts(k))
  if (!r.ok) throw new AppError({ code: 'conflict', message: `Key ${k.id} was already created by this requestId.` })
}

/** A key's record by id, or undefined (another brand's id is as missing as an unknown one). One GetItem. */
export async function getApiKeyRecord(brandId: string, keyId: string): Promise<StoredApiKey | undefined> {
  const item = await getItem(keys.apiKeyRecord(brandId, keyId))
  return item ? strip<StoredApiKey>(item) : undefined
}

/** Every key record of a brand, oldest id first. The list is short: active keys are capped and dead ones expire. */
export async function listApiKeys(brandId: string): Promise<StoredApiKey[]> {
  const { pk, skPrefix } = keys.apiKeysOf(brandId)
  const out: StoredApiKey[] = []
  let start: Record<string, unknown> | undefined
  // Bounded: at most MAX_LIVE_KEYS live records plus the last 30 days' dead ones; a page holds hundreds.
  for (let page = 0; page < 10; page++) {
    const r = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
        ExpressionAttributeValues: { ':pk': pk, ':sk': skPrefix },
        ExclusiveStartKey: start,
      }),
    )
    for (const item of r.Items ?? []) out.push(strip<StoredApiKey>(item))
    start = r.LastEvaluatedKey
    if (!start) break
  }
  return out
}

const stillLive = 'attribute_exists(pk) AND attribute_not_exists(expiresAt) AND attribute_not_exists(revokedAt)'

/**
 * Rotates `old`: creates `fresh` and sets `old` (record and lookup) to expire at `until`,
 * in one transaction conditional on `old` still being live, so a repeated rotation
 * is refused (409) instead of minting a second new key.
 */
export async function rotateApiKey(old: StoredApiKey, fresh: StoredApiKey, until: string): Promise<void> {
  const T = tableName()
  const r = await transactOrExplain([
    {
      Update: {
        TableName: T,
        Key: keys.apiKeyRecord(old.brandId, old.id),
        UpdateExpression: 'SET expiresAt = :u, replacedBy = :by, #ttl = :ttl',
        ConditionExpression: stillLive,
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':u': until, ':by': fresh.id, ':ttl': ttlAfter(until) },
      },
    },
    {
      Update: {
        TableName: T,
        Key: keys.apiKey(old.keyHash),
        UpdateExpression: 'SET expiresAt = :u, #ttl = :ttl',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':u': until, ':ttl': ttlAfter(until) },
      },
    },
    ...apiKeyPuts(fresh),
  ])
  if (!r.ok) throw notLive(old.id)
}

/**
 * Revokes `k` at once: the record says so, the lookup by hash expires now. With `keep`,
 * the same transaction checks that admin key is still live, so two admins revoking
 * each other's key at the same moment cannot leave the brand without one.
 */
export async function revokeApiKey(k: StoredApiKey, at: string, keep?: StoredApiKey): Promise<void> {
  const T = tableName()
  const items: TransactItem[] = [
    {
      Update: {
        TableName: T,
        Key: keys.apiKeyRecord(k.brandId, k.id),
        UpdateExpression: 'SET revokedAt = :at, #ttl = :ttl',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(revokedAt)',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':at': at, ':ttl': ttlAfter(at) },
      },
    },
    // Expired now rather than deleted: the api function is never granted DeleteItem (tests/cdk/permissions.test.ts),
    // and the bearer check refuses a lookup whose expiresAt has passed (lib/services/api-key.ts).
    {
      Update: {
        TableName: T,
        Key: keys.apiKey(k.keyHash),
        UpdateExpression: 'SET expiresAt = :at, #ttl = :ttl',
        ExpressionAttributeNames: { '#ttl': 'ttl' },
        ExpressionAttributeValues: { ':at': at, ':ttl': ttlAfter(at) },
      },
    },
  ]
  if (keep)
    items.push({
      ConditionCheck: { TableName: T, Key: keys.apiKeyRecord(keep.brandId, keep.id), ConditionExpression: stillLive },
    })
  const r = await transactOrExplain(items)
  if (!r.ok) {
    if (r.failed.has(0)) throw new AppError({ code: 'conflict', message: `Key ${k.id} is already revoked.` })
    if (r.failed.size) throw lastAdmin()
    throw r.error
  }
}

const notLive = (id: string) =>
  new AppError({
    code: 'conflict',
    message: `Key ${id} was already rotated or revoked; rotate the key that replaced it.`,
    fields: { id: { reason: 'key.already_rotated' } },
  })

/** The 409 for revoking the brand's last live admin key. */
export const lastAdmin = () =>
  new AppError({
    code: 'conflict',
    message: 'This is the brand’s last active admin key; create or rotate to a new admin key before revoking it.',
    reason: 'key.last_admin',
    fields: { id: { reason: 'key.last_admin' } },
  })
