import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { transactWrite } from './transact'
import { keys } from './keys'
import { getItem, strip, readOne, type KeyedRead } from './items'
import { tableName } from './table'
import type { Brand } from '../schemas/brand'
import type { Programme } from '../schemas/programme'

export type Role = 'admin' | 'finance'

export interface ApiKeyRecord {
  brandId: string
  role: Role
}

/**
 * Writes a brand with its first admin and finance keys in one transaction:
 * only the keys' hashes are stored, and the brand never exists without them.
 */
export async function createBrand(
  brand: Brand,
  credentials: { adminKeyHash: string; financeKeyHash: string; webhookNonce: string; webhookSecretHash: string },
): Promise<void> {
  const T = tableName()
  const put = (Item: Record<string, unknown>) => ({
    Put: { TableName: T, Item, ConditionExpression: 'attribute_not_exists(pk)' },
  })
  await transactWrite([
    put({
      ...keys.brand(brand.id),
      entity: 'brand',
      ...brand,
      webhook: { nonce: credentials.webhookNonce, secretHash: credentials.webhookSecretHash },
    }),
    put({
      ...keys.apiKey(credentials.adminKeyHash),
      entity: 'apiKey',
      brandId: brand.id,
      role: 'admin',
      createdAt: brand.createdAt,
    }),
    put({
      ...keys.apiKey(credentials.financeKeyHash),
      entity: 'apiKey',
      brandId: brand.id,
      role: 'finance',
      createdAt: brand.createdAt,
    }),
  ])
}

/** Reads a brand item without its webhook secret's hash. */
export const brandRead = (brandId: string): KeyedRead<Brand> => ({
  key: keys.brand(brandId),
  parse: (item) => {
    const { webhook: _webhook, ...brand } = strip<Brand & { webhook?: unknown }>(item)
    return brand
  },
})

/** The brand with its programme, or undefined. */
export const getBrand = (brandId: string): Promise<Brand | undefined> => readOne(brandRead(brandId))

/** Which brand and role an API key (by hash) belongs to. */
export async function getApiKey(keyHash: string): Promise<ApiKeyRecord | undefined> {
  const item = await getItem(keys.apiKey(keyHash))
  return item ? { brandId: String(item.brandId), role: item.role as Role } : undefined
}

/**
 * Replaces the programme settings, and with them, when given, the sealed Shopify
 * secret (one write: never one without the other). Returns the brand as stored.
 */
export async function putProgramme(
  brandId: string,
  programme: Programme,
  shopifySecretSealed?: string,
): Promise<Brand> {
  const r = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.brand(brandId),
      UpdateExpression: `SET programme = :p, updatedAt = :now${shopifySecretSealed ? ', webhook.shopifySecretSealed = :s' : ''}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: {
        ':p': programme,
        ':now': new Date().toISOString(),
        ...(shopifySecretSealed ? { ':s': shopifySecretSealed } : {}),
      },
      ReturnValues: 'ALL_NEW',
    }),
  )
  const { webhook: _webhook, ...brand } = strip<Brand & { webhook?: unknown }>(r.Attributes ?? {})
  return brand
}

/** What verifies a brand's webhooks: the nonce its Ripple webhook secret derives from, and the sealed Shopify secret. */
export interface BrandWebhookSecrets {
  nonce: string
  secretHash: string
  shopifySecretSealed?: string
}

export async function getBrandWebhookSecrets(brandId: string): Promise<BrandWebhookSecrets | undefined> {
  const item = await getItem(keys.brand(brandId))
  const webhook = item?.webhook as BrandWebhookSecrets | undefined
  return webhook
    ? { nonce: webhook.nonce, secretHash: webhook.secretHash, shopifySecretSealed: webhook.shopifySecretSealed }
    : undefined
}
