import { getBrand } from '../db/brands'
import { getClick } from '../db/clicks'
import { getProduct } from '../db/products'
import type { Brand } from '../schemas/brand'
import type { Product } from '../schemas/product'

/**
 * The product behind a shared link, for the demo shop: the click names the brand, the brand's
 * catalogue has the SKU. Undefined when there is no click (or it has expired), or no such product.
 */
export async function productOfClick(
  clickId: string,
  sku: string,
): Promise<{ product: Product; brand: Brand } | undefined> {
  const click = await getClick(clickId)
  if (!click) return undefined
  const [product, brand] = await Promise.all([getProduct(click.brandId, sku), getBrand(click.brandId)])
  return product && brand ? { product, brand } : undefined
}
