import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { transactWrite, writeOrExplain, type TransactItem } from './transact'
import { apiKeyPuts, type StoredApiKey } from './api-keys'
import { AppError } from '../errors'
import type { ApiKeyRole } from '../schemas/keys'
import { keys } from './keys'
import { getItem, strip, readOne, type KeyedRead } from './items'
import { tableName } from './table'
import type { Brand } from '../schemas/brand'
import type { Programme } from '../schemas/programme'

export type Role = ApiKeyRole

/** What a bearer key's lookup item says: its brand, role and id, and when a rotation makes it expire. */
export interface ApiKeyRecord {
  brandId: string
  role: Role
  /** Absent only on keys stored before keys had ids (they cannot open a console session). */
  keyId?: string
  expiresAt?: string
}

/**
 * Writes a brand with its first admin and finance keys in one transaction:
 * only the keys' hashes are stored, and the brand never exists without them.
 */
export async function createBrand(
  brand: Brand,
  credentials: { adminKey: StoredApiKey; financeKey: StoredApiKey; webhookNonce: string; webhookSecretHash: string },
): Promise<void> {
  await transactWrite([
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.brand(brand.id),
          entity: 'brand',
          ...brand,
          webhook: { nonce: credentials.webhookNonce, secretHash: credentials.webhookSecretHash },
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...apiKeyPuts(credentials.adminKey),
    ...apiKeyPuts(credentials.financeKey),
  ])
}

/** Reads a brand item without its webhook secret's hash. */
export const brandRead = (brandId: string): KeyedRead<Brand> => ({
  key: keys.brand(brandId),
  parse: (item) => {
    const { webhook: _webhook, ...brand } = strip<Brand & { webhook?: unknown }>(item)
    return withTimeZone(brand)
  },
})

/** Brands stored before programmes had a zone counted UTC days: they keep doing so (docs/architecture.md §3.7). */
const withTimeZone = (brand: Brand): Brand =>
  brand.programme.timeZone ? brand : { ...brand, programme: { ...brand.programme, timeZone: 'UTC' } }

/**
 * For the first order's transaction: stamps the brand's first order (only while it has none),
 * which fixes its time zone. A concurrent first order fails this condition and is decided again.
 */
export const stampFirstOrder = (brandId: string, at: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.brand(brandId),
    UpdateExpression: 'SET firstOrderAt = :at',
    ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(firstOrderAt)',
    ExpressionAttributeValues: { ':at': at },
  },
})

/** The brand with its programme, or undefined. */
export const getBrand = (brandId: string): Promise<Brand | undefined> => readOne(brandRead(brandId))

/** Which brand, role and key id an API key (by hash) belongs to, and when it expires if rotated. */
export async function getApiKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
  const item = await getItem(keys.apiKey(keyHash))
  if (!item) return undefined
  return {
    brandId: String(item.brandId),
    role: item.role as Role,
    ...(typeof item.keyId === 'string' ? { keyId: item.keyId } : {}),
    ...(typeof item.expiresAt === 'string' ? { expiresAt: item.expiresAt } : {}),
  }
}

/**
 * Replaces the programme settings, and with them, when given, the sealed Shopify
 * secret (one write: never one without the other). The time zone may change only
 * while the brand has no order (docs/architecture.md §3.7); the condition says so
 * in the same write, so an order racing the change either sees the new zone or
 * makes the change fail.
 * @returns the brand as stored, 'notFound', or 'timeZoneFixed' with the brand's zone and first order
 */
export async function putProgramme(
  brandId: string,
  programme: Programme,
  shopifySecretSealed?: string,
): Promise<
  { ok: true; brand: Brand } | { ok: false; reason: 'notFound' } | { ok: false; reason: 'timeZoneFixed'; brand: Brand }
> {
  // A brand stored before zones existed counts UTC days: naming UTC again is no change.
  const sameZone = `programme.#tz = :tz${programme.timeZone === 'UTC' ? ' OR attribute_not_exists(programme.#tz)' : ''}`
  const r = await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.brand(brandId),
      UpdateExpression: `SET programme = :p, updatedAt = :now${shopifySecretSealed ? ', webhook.shopifySecretSealed = :s' : ''}`,
      ConditionExpression: `attribute_exists(pk) AND (attribute_not_exists(firstOrderAt) OR ${sameZone})`,
      ExpressionAttributeNames: { '#tz': 'timeZone' },
      ExpressionAttributeValues: {
        ':p': programme,
        ':tz': programme.timeZone,
        ':now': new Date().toISOString(),
        ...(shopifySecretSealed ? { ':s': shopifySecretSealed } : {}),
      },
      ReturnValues: 'ALL_NEW',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  )
  if (!r.ok && !r.item) return { ok: false, reason: 'notFound' }
  const { webhook: _webhook, ...brand } = strip<Brand & { webhook?: unknown }>((r.ok ? r.attributes : r.item) ?? {})
  return r.ok
    ? { ok: true, brand: withTimeZone(brand) }
    : { ok: false, reason: 'timeZoneFixed', brand: withTimeZone(brand) }
}

/** A webhook secret a rotation replaced: still accepted until `until`. */
export interface PreviousWebhookSecret {
  nonce: string
  secretHash: string
  until: string
}

/** What verifies a brand's webhooks: the nonce its Ripple webhook secret derives from, and the sealed Shopify secret. */
export interface BrandWebhookSecrets {
  nonce: string
  secretHash: string
  shopifySecretSealed?: string
  /** The secret before the last rotation, during its grace period. */
  previous?: PreviousWebhookSecret
  /** The requestId of the last rotation: a repeat of it is answered from the current nonce. */
  rotationRequestId?: string
}

export async function getBrandWebhookSecrets(brandId: string): Promise<BrandWebhookSecrets | undefined> {
  const item = await getItem(keys.brand(brandId))
  const webhook = item?.webhook as BrandWebhookSecrets | undefined
  return webhook
    ? {
        nonce: webhook.nonce,
        secretHash: webhook.secretHash,
        shopifySecretSealed: webhook.shopifySecretSealed,
        ...(webhook.previous ? { previous: webhook.previous } : {}),
        ...(webhook.rotationRequestId ? { rotationRequestId: webhook.rotationRequestId } : {}),
      }
    : undefined
}

/**
 * Replaces the Ripple webhook secret (its nonce and hash), keeping the one it replaces as
 * `previous` until its grace ends; conditional on the nonce read, so of two concurrent
 * rotations one wins and the other is a 409. The Shopify secret is left as it is.
 */
export async function putWebhookSecret(
  brandId: string,
  readNonce: string,
  next: { nonce: string; secretHash: string; previous: PreviousWebhookSecret; requestId?: string },
): Promise<void> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.brand(brandId),
        UpdateExpression:
          'SET webhook.nonce = :n, webhook.secretHash = :h, webhook.previous = :p, webhook.rotationRequestId = :r',
        ConditionExpression: 'webhook.nonce = :read',
        ExpressionAttributeValues: {
          ':n': next.nonce,
          ':h': next.secretHash,
          ':p': next.previous,
          ':r': next.requestId ?? null,
          ':read': readNonce,
        },
      }),
    )
  } catch (err) {
    if ((err as { name?: string }).name === 'ConditionalCheckFailedException')
      throw new AppError({
        code: 'conflict',
        message: 'The webhook secret was rotated at the same moment; read again.',
      })
    throw err
  }
}
