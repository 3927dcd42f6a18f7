import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem, queryPage, strip, type Page, type KeyedRead } from './items'
import { tableName } from './table'
import { batchGet } from './batch-get'
import type { Product } from '../schemas/product'

/** Creates or replaces a product by SKU; returns true when it is new. */
export async function putProduct(brandId: string, product: Product): Promise<boolean> {
  const r = await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.product(brandId, product.sku), entity: 'product', ...product },
      ReturnValues: 'ALL_OLD',
    }),
  )
  return !r.Attributes
}

/** One product by SKU, or undefined. */
export async function getProduct(brandId: string, sku: string): Promise<Product | undefined> {
  const item = await getItem(keys.product(brandId, sku))
  return item ? strip<Product>(item) : undefined
}

/** A page of the brand's catalogue in SKU order: one Query on the brand's key. */
export function listProducts(brandId: string, opts: { cursor?: string; limit?: number } = {}): Promise<Page<Product>> {
  const k = keys.productsOf(brandId)
  return queryPage<Product>(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix },
      Limit: opts.limit ?? 100,
    },
    opts.cursor,
  )
}

export const productRead = (brandId: string, sku: string): KeyedRead<Product> => ({
  key: keys.product(brandId, sku),
  parse: strip<Product>,
})

/** Many products by SKU at once (keyed reads), keyed by SKU; unknown SKUs are absent. */
export async function getProducts(brandId: string, skus: readonly string[]): Promise<Map<string, Product>> {
  const items = await batchGet(skus.map((sku) => keys.product(brandId, sku)))
  return new Map(items.map((i) => strip<Product>(i)).map((p) => [p.sku, p]))
}
