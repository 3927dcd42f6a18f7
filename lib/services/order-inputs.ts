import { getClick } from '../db/clicks'
import { getLink } from '../db/links'
import { getInvite } from '../db/distributors'
import { getBinding, type Binding } from '../db/orders'
import { getProducts } from '../db/products'
import type { AttributionInput } from '../domain/attribution'
import type { OrderBody } from '../schemas/order'
import { INVITE_CODE_LENGTH } from './create-distributor'

/** What attribution needs to know about an order's click, code and customer, read in parallel. */
export async function readAttributionFacts(brandId: string, order: Pick<OrderBody, 'clickId' | 'refCode' | 'customerId'>): Promise<{
  click: AttributionInput['click']
  ref: AttributionInput['ref']
  binding: Binding | undefined
}> {
  const [click, ref, binding] = await Promise.all([
    order.clickId ? getClick(order.clickId) : undefined,
    order.refCode ? resolveRefCode(brandId, order.refCode) : undefined,
    order.customerId ? getBinding(brandId, order.customerId) : undefined,
  ])
  return {
    click: order.clickId
      ? click && click.brandId === brandId
        ? { clickId: order.clickId, found: true, distributorId: click.distributorId, at: click.at }
        : { clickId: order.clickId, found: false }
      : undefined,
    ref,
    binding,
  }
}

/**
 * A refCode is a share link's code or a distributor's coupon (invite) code. The
 * code's length says which to read first; the other is read only if that misses,
 * so the usual order costs one read, and a code of another brand counts as unknown.
 */
async function resolveRefCode(brandId: string, code: string): Promise<AttributionInput['ref']> {
  const asLink = async () => {
    const link = await getLink(code)
    return link?.brandId === brandId ? { code, found: true as const, distributorId: link.distributorId, via: 'link' as const } : undefined
  }
  const asCoupon = async () => {
    const invite = await getInvite(code)
    return invite?.brandId === brandId ? { code, found: true as const, distributorId: invite.distributorId, via: 'coupon' as const } : undefined
  }
  const [first, second] = code.length === INVITE_CODE_LENGTH ? [asCoupon, asLink] : [asLink, asCoupon]
  return (await first()) ?? (await second()) ?? { code, found: false }
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
