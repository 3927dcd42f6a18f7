import { batchRead } from '../db/batch-get'
import { campaignRead } from '../db/campaigns'
import { listRules } from '../db/rules'
import type { Campaign } from '../schemas/campaign'
import type { Rule } from '../schemas/rule'

/** Campaign-scope rules name their campaign by id: those campaigns are the only ones pricing needs. */
export const campaignTargets = (rules: readonly Rule[]): string[] => [
  ...new Set(rules.flatMap((r) => (r.scope === 'campaign' && r.target ? [r.target] : []))),
]

/**
 * What prices an order: the brand's live rules (a Query on the brand's key) and
 * the campaigns they target (a campaign rule pays only while its campaign runs),
 * read by key. The preview reads through here; ingestion reads the same two
 * things inside its own batched rounds (order-inputs.ts) and prices alike. The
 * campaigns come whole: the mobile page names the campaign a share earns under.
 * @example const ruleSet = await readRuleSet(brand.id); commissionsFor(lines, chain, ruleSet, paidAt, defaultBps)
 */
export async function readRuleSet(brandId: string): Promise<{ rules: Rule[]; campaigns: Campaign[] }> {
  return ruleSetOf(brandId, await listRules(brandId))
}

/** A rule set from rules already in hand (the preview's draft set), with the campaigns they target read by key. */
export async function ruleSetOf(
  brandId: string,
  rules: readonly Rule[],
): Promise<{ rules: Rule[]; campaigns: Campaign[] }> {
  const { campaigns } = await batchRead({ campaigns: campaignTargets(rules).map((id) => campaignRead(brandId, id)) })
  return { rules: [...rules], campaigns }
}
