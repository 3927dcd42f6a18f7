import { commissionsFor } from './commission'
import type { RuleSet } from './rule-resolution'
import type { DistributorType } from '../schemas/distributor'

/** What sharing a product earns: a one-unit order of it credited to the sharer, at level 1. */
export interface ShareEarning {
  /** Minor units, after the paying rule's capPerOrder. */
  amount: number
  bps?: number
  fixed?: number
  ruleId: string
  /** The campaign whose rule pays it, when a campaign rule does. */
  campaignId?: string
}

/**
 * What one unit of a product pays its sharer at level 1, by the order path's own
 * pricing (`commissionsFor`: product > category > campaign > default, the
 * sharer's type, windows at `at`, caps), so the page shows what an order would pay.
 * @example shareEarning({ sku: 'S', price: 29900 }, 'guide', ruleSet, now, [1000]) → { amount: 2990, bps: 1000, ruleId: 'programme' }
 */
export function shareEarning(
  product: { sku: string; price: number; category?: string },
  type: DistributorType,
  ruleSet: RuleSet,
  at: string,
  programmeDefaultBps: readonly number[],
): ShareEarning {
  const line = { sku: product.sku, qty: 1, unitPrice: product.price, category: product.category }
  const [draft] = commissionsFor([line], [{ level: 1, distributorId: 'me', type }], ruleSet, at, programmeDefaultBps)
  if (!draft) return { amount: 0, ruleId: 'none' }
  const rule = ruleSet.rules.find((r) => r.id === draft.ruleId)
  return {
    amount: draft.amount,
    ...(draft.bps === undefined ? {} : { bps: draft.bps }),
    ...(draft.fixed === undefined ? {} : { fixed: draft.fixed }),
    ruleId: draft.ruleId,
    ...(rule?.scope === 'campaign' && rule.target ? { campaignId: rule.target } : {}),
  }
}
