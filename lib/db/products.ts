import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { keys } from './keys'
import { getItem, queryPage, strip, type Page, type KeyedRead } from './items'
import { tableName } from './table'
import { batchGet } from './batch-get'
import type { Product, ProductImage } from '../schemas/product'
import { AppError } from '../errors'
import { writeOrExplain } from './transact'

/**
 * Creates or replaces a product by SKU; says whether it is new and returns it as stored. The uploaded
 * image is not part of the product's form, so a replace keeps the one stored
 * (an image set between the read and the put is retried over).
 */
export async function putProduct(
  brandId: string,
  product: Omit<Product, 'image'>,
): Promise<{ created: boolean; product: Product }> {
  for (let attempt = 0; ; attempt++) {
    const old = await getProduct(brandId, product.sku)
    const r = await writeOrExplain(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.product(brandId, product.sku), entity: 'product', ...product, image: old?.image },
        ConditionExpression: old
          ? old.image
            ? 'image.version = :v'
            : 'attribute_exists(pk) AND attribute_not_exists(image)'
          : 'attribute_not_exists(pk)',
        ExpressionAttributeValues: old?.image ? { ':v': old.image.version } : undefined,
      }),
    )
    if (r.ok) return { created: !old, product: { ...product, image: old?.image } }
    if (attempt >= 2) throw new AppError({ code: 'conflict', message: 'The product changed meanwhile; try again.' })
  }
}

/** Points an existing product at a new image; returns the image it had. 404 when the product is gone. */
export async function setProductImage(
  brandId: string,
  sku: string,
  image: ProductImage,
): Promise<ProductImage | undefined> {
  const r = await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.product(brandId, sku),
      UpdateExpression: 'SET image = :i, updatedAt = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':i': image, ':t': new Date().toISOString() },
      ReturnValues: 'ALL_OLD',
    }),
  )
  if (!r.ok) throw new AppError({ code: 'not_found', message: 'No such product.' })
  return (r.attributes as { image?: ProductImage } | undefined)?.image
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
