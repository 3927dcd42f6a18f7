import { getClick } from '../db/clicks'
import { getLink } from '../db/links'
import { getInvite } from '../db/distributors'
import { getBinding, type Binding } from '../db/orders'
import { getProducts } from '../db/products'
import type { AttributionInput } from '../domain/attribution'
import type { OrderBody } from '../schemas/order'

/** What attribution needs to know about an order's click, code and customer, read in parallel. */
export async function readAttributionFacts(brandId: string, order: Pick<OrderBody, 'clickId' | 'refCode' | 'customerId'>): Promise<{
  click: AttributionInput['click']
  ref: AttributionInput['ref']
  binding: Binding | undefined
}> {
  const [click, link, invite, binding] = await Promise.all([
    order.clickId ? getClick(order.clickId) : undefined,
    order.refCode ? getLink(order.refCode) : undefined,
    order.refCode ? getInvite(order.refCode) : undefined,
    order.customerId ? getBinding(brandId, order.customerId) : undefined,
  ])
  return {
    click: order.clickId
      ? click && click.brandId === brandId
        ? { clickId: order.clickId, found: true, distributorId: click.distributorId, at: click.at }
        : { clickId: order.clickId, found: false }
      : undefined,
    ref: order.refCode
      ? link && link.brandId === brandId
        ? { code: order.refCode, found: true, distributorId: link.distributorId, via: 'link' }
        : invite && invite.brandId === brandId
          ? { code: order.refCode, found: true, distributorId: invite.distributorId, via: 'coupon' }
          : { code: order.refCode, found: false }
      : undefined,
    binding,
  }
}

/**
 * Lines without a category take their product's category from the catalogue,
 * so category rules work for backends (Shopify among them) that never send one.
 */
export async function withCatalogueCategories<L extends { sku: string; category?: string }>(brandId: string, lines: readonly L[]): Promise<L[]> {
  const missing = lines.filter((l) => !l.category).map((l) => l.sku)
  if (missing.length === 0) return [...lines]
  const products = await getProducts(brandId, missing)
  return lines.map((l) => (l.category ? l : { ...l, category: products.get(l.sku)?.category }))
}
