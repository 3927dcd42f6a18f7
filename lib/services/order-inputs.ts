import { batchRead } from '../db/batch-get'
import { brandRead } from '../db/brands'
import { campaignRead } from '../db/campaigns'
import { clickRead, type Click } from '../db/clicks'
import { inviteRead, type Invite } from '../db/distributors'
import { distributorRead, getDistributors } from '../db/distributors-batch'
import { linkRead, type LinkRecord } from '../db/links'
import { bindingRead, customerFirstRead, orderRead, type Binding } from '../db/orders'
import { productRead } from '../db/products'
import { listRules } from '../db/rules'
import { type Attribution, type AttributionFacts, attributeOrder, candidateIds } from '../domain/attribution'
import type { Party } from '../domain/order'
import type { RuleSet } from '../domain/rule-resolution'
import type { Brand } from '../schemas/brand'
import type { Distributor } from '../schemas/distributor'
import type { OrderBody } from '../schemas/order'
import type { Product } from '../schemas/product'
import type { Rule } from '../schemas/rule'
import { INVITE_CODE_LENGTH } from './create-distributor'
import { campaignTargets } from './rule-set'

/**
 * The reads behind an order's decision, in as few round trips as DynamoDB allows:
 * 1. one BatchGetItem for every fact named by the order (brand, the order itself,
 *    click, code, binding, first-order marker, uncatalogued products), with the
 *    rules Query beside it;
 * 2. one BatchGetItem for the candidates, the upline their click, link or code
 *    remembered, and the campaigns the rules target;
 * 3. only when that remembered upline was stale (a hand-over since), the rest of it.
 */

type Facts = Pick<OrderBody, 'clickId' | 'refCode' | 'customerId'>

/** The keyed reads for an order's facts, to run in one BatchGetItem. */
const factReads = (brandId: string, order: Facts) => ({
  click: order.clickId ? clickRead(order.clickId) : undefined,
  link: order.refCode ? linkRead(order.refCode) : undefined,
  invite: order.refCode ? inviteRead(order.refCode) : undefined,
  binding: order.customerId ? bindingRead(brandId, order.customerId) : undefined,
})

/**
 * A refCode is a share link's code or a distributor's coupon (invite) code; both
 * are read at once and the code's length says which wins if both exist. A code
 * of another brand counts as unknown.
 */
function attributionFacts(
  brandId: string,
  order: Facts,
  got: { click?: Click; link?: LinkRecord; invite?: Invite; binding?: Binding },
): AttributionFacts {
  const { click, link, invite, binding } = got
  // The code read as a link or as a coupon: found only when the holder is of this brand.
  const readAs = <V extends 'link' | 'coupon'>(held: LinkRecord | Invite | undefined, via: V) =>
    held?.brandId === brandId
      ? {
          code: order.refCode ?? '',
          found: true as const,
          distributorId: held.distributorId,
          via,
          ancestors: held.ancestors,
        }
      : undefined
  const asLink = readAs(link, 'link')
  const asCoupon = readAs(invite, 'coupon')
  const ref = order.refCode
    ? ((order.refCode.length === INVITE_CODE_LENGTH ? (asCoupon ?? asLink) : (asLink ?? asCoupon)) ?? {
        code: order.refCode,
        found: false as const,
      })
    : undefined
  const ownClick = click && click.brandId === brandId ? click : undefined
  return {
    click: order.clickId
      ? ownClick
        ? { clickId: order.clickId, found: true, distributorId: ownClick.distributorId, at: ownClick.at }
        : { clickId: order.clickId, found: false }
      : undefined,
    ref: ref && (ref.found ? { code: ref.code, found: true, distributorId: ref.distributorId, via: ref.via } : ref),
    binding,
    remembered: [...(ownClick?.ancestors ?? []), ...(ref?.found ? (ref.ancestors ?? []) : [])],
  }
}

/** The click, code and binding of an order (or a preview) in one round trip. */
export async function readAttributionFacts(brandId: string, order: Facts): Promise<AttributionFacts> {
  return attributionFacts(brandId, order, await batchRead(factReads(brandId, order)))
}

/** Round 1: every fact the order names, and the brand's rules, at once. */
export async function readOrderFacts(brandId: string, body: OrderBody) {
  const uncatalogued = body.lines.filter((l) => !l.category).map((l) => l.sku)
  const [got, rules] = await Promise.all([
    batchRead({
      ...factReads(brandId, body),
      brand: brandRead(brandId),
      existing: orderRead(brandId, body.orderId),
      customerFirst: body.customerId ? customerFirstRead(brandId, body.customerId) : undefined,
      products: uncatalogued.map((sku) => productRead(brandId, sku)),
    }),
    listRules(brandId),
  ])
  return {
    brand: got.brand,
    existing: got.existing,
    customerFirst: got.customerFirst,
    facts: attributionFacts(brandId, body, got),
    lines: withCategories(body.lines, got.products),
    rules,
  }
}

/**
 * Rounds 2 and 3: the candidates with the upline they remembered, and the campaigns the rules target;
 * then who the order credits (that decides whose upline is paid) and the part of that upline not read yet.
 */
export async function readParties(
  brand: Brand,
  order: Pick<OrderBody, 'paidAt' | 'customerId'>,
  facts: AttributionFacts,
  rules: Rule[],
): Promise<{ attribution: Attribution; upline: Map<string, Party>; ruleSet: RuleSet }> {
  const p = brand.programme
  const { known, campaigns } = await readCandidates(
    brand.id,
    [...candidateIds(facts), ...facts.remembered.slice(0, p.maxLevels - 1)],
    rules,
  )
  const attribution = attributeOrder(order, facts, known, p)
  return {
    attribution,
    upline: await readUpline(attribution.distributorId, known, p.maxLevels),
    ruleSet: { rules, campaigns },
  }
}

/** Round 2: the candidates with the upline they remembered, and the targeted campaigns, in one BatchGetItem. */
async function readCandidates(brandId: string, ids: readonly string[], rules: readonly Rule[]) {
  const { distributors, campaigns } = await batchRead({
    distributors: [...new Set(ids)].map(distributorRead),
    campaigns: campaignTargets(rules).map((id) => campaignRead(brandId, id)),
  })
  return {
    known: new Map(distributors.filter((d) => d.brandId === brandId).map((d): [string, Distributor] => [d.id, d])),
    campaigns,
  }
}

/**
 * Round 3: the credited distributor and the recruiters a chain of `maxLevels` pays. What the link or code
 * remembered was only a guess to save a round trip: the distributor's own (fresh) ancestors decide, and
 * whatever the guess missed is read now.
 */
async function readUpline(
  creditedId: string | null,
  known: Map<string, Distributor>,
  maxLevels: number,
): Promise<Map<string, Party>> {
  const credited = creditedId ? known.get(creditedId) : undefined
  if (!credited) return new Map()
  const ids = credited.ancestors.slice(0, maxLevels - 1)
  const unread = ids.filter((id) => !known.has(id))
  if (unread.length > 0) for (const [id, d] of await getDistributors(unread)) known.set(id, d)
  return new Map([credited, ...ids.flatMap((id) => known.get(id) ?? [])].map((d) => [d.id, d]))
}

/** Lines without a category take their product's category, so category rules work for backends (Shopify among them) that never send one. */
export function withCategories<L extends { sku: string; category?: string }>(
  lines: readonly L[],
  products: readonly Product[],
): L[] {
  const bySku = new Map(products.map((p) => [p.sku, p]))
  return lines.map((l) => (l.category ? l : { ...l, category: bySku.get(l.sku)?.category }))
}
