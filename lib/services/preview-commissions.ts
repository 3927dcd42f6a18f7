import { getDistributors } from '../db/distributors-batch'
import { attribute, type AttributionSource } from '../domain/attribution'
import { chainFor } from '../domain/chain'
import { commissionsFor, lineBase, type ChainMember } from '../domain/commission'
import type { Brand } from '../schemas/brand'
import type { PreviewBody } from '../schemas/preview'
import { getProducts } from '../db/products'
import { readAttributionFacts, withCategories } from './order-inputs'
import { minorOrThrow } from './money-fields'
import { ruleSetOf, readRuleSet } from './rule-set'
import { storedFields } from './rules'
import type { Rule } from '../schemas/rule'
import type { RuleSet } from '../domain/rule-resolution'

/**
 * What an order would pay, by the same code as ingestion, writing nothing.
 * Credits `distributorId` when given, else attributes like a real order; with
 * only `type`, prices a hypothetical chain of that type up to `maxLevels`.
 * With a `draftRule`, also prices the order as if the draft were saved (replacing
 * the rule it names), so the console shows both results side by side.
 */
export async function previewCommissions(brand: Brand, body: PreviewBody) {
  const p = brand.programme
  const paidAt = body.paidAt ?? new Date().toISOString()
  // Campaigns included: a campaign rule prices the preview only while its campaign runs at paidAt, as at ingestion.
  const ruleSet = await readRuleSet(brand.id)
  const draftSet = body.draftRule ? await draftRuleSet(brand.id, ruleSet, body.draftRule) : undefined
  let chain: ChainMember[]
  let attribution: { distributorId: string | null; source: AttributionSource | null } = {
    distributorId: null,
    source: null,
  }
  if (!body.distributorId && body.type && !body.clickId && !body.refCode && !body.customerId) {
    chain = Array.from({ length: p.maxLevels }, (_, i) => ({
      level: i + 1,
      distributorId: `level-${i + 1}`,
      type: body.type ?? 'member',
    }))
  } else {
    let creditedId = body.distributorId ?? null
    const facts = creditedId ? null : await readAttributionFacts(brand.id, body)
    const ids = [
      creditedId ?? '',
      facts?.click?.found ? facts.click.distributorId : '',
      facts?.ref?.found ? facts.ref.distributorId : '',
      facts?.binding?.distributorId ?? '',
    ].filter(Boolean)
    const known = await getDistributors(ids)
    for (const [id, d] of known) if (d.brandId !== brand.id) known.delete(id)
    if (facts) {
      const a = attribute({
        paidAt,
        customerId: body.customerId,
        bindingDays: p.bindingDays,
        selfPurchase: p.selfPurchase,
        click: facts.click,
        ref: facts.ref,
        binding: facts.binding,
        distributors: known,
      })
      creditedId = a.distributorId
      attribution = { distributorId: a.distributorId, source: a.source }
    } else attribution = { distributorId: known.has(creditedId ?? '') ? creditedId : null, source: null }
    const credited = creditedId ? known.get(creditedId) : undefined
    const upline = credited ? await getDistributors(credited.ancestors.slice(0, p.maxLevels - 1)) : new Map()
    if (credited) upline.set(credited.id, credited)
    chain = credited ? chainFor(credited.id, credited.ancestors, upline, p.maxLevels).members : []
  }
  const priced = body.lines.map((l, i) => ({
    ...l,
    unitPrice: minorOrThrow(l.unitPrice, p.currency, `lines.${i}.unitPrice`),
    discount: l.discount === undefined ? undefined : minorOrThrow(l.discount, p.currency, `lines.${i}.discount`),
  }))
  const products = await getProducts(
    brand.id,
    priced.filter((l) => !l.category).map((l) => l.sku),
  )
  const lines = withCategories(priced, [...products.values()]).map((l) => ({ ...l, base: lineBase(l) }))
  const priceBy = (set: RuleSet) =>
    commissionsFor(lines, chain, set, paidAt, p.defaultBps).map(({ uncapped: _u, ...d }) => d)
  return {
    currency: p.currency,
    attribution,
    total: lines.reduce((s, l) => s + l.base, 0),
    commissions: priceBy(ruleSet),
    draft: draftSet ? { commissions: priceBy(draftSet) } : undefined,
  }
}

/** The stored rules with the draft in place of the rule it names (or added), stored as a save would store it. */
async function draftRuleSet(brandId: string, stored: RuleSet, draft: NonNullable<PreviewBody['draftRule']>) {
  const { id, ...body } = draft
  const replaced = id ? stored.rules.find((r) => r.id === id) : undefined
  const rule: Rule = {
    ...(await storedFields(brandId, body, 'draftRule.')),
    id: id ?? 'draft',
    version: (replaced?.version ?? 0) + 1,
    updatedAt: new Date().toISOString(),
  }
  return ruleSetOf(brandId, [...stored.rules.filter((r) => r.id !== rule.id), rule])
}
