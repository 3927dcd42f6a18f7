import { listCampaigns } from '../db/campaigns'
import { listRules } from '../db/rules'
import type { RuleSet } from '../domain/rule-resolution'

/**
 * What prices an order: the brand's live rules and its campaigns (a campaign rule
 * pays only while its campaign runs), two Queries on the brand's key sent at once.
 * Ingestion and the preview both read through here, so they price alike.
 * @example const ruleSet = await readRuleSet(brand.id); commissionsFor(lines, chain, ruleSet, paidAt, defaultBps)
 */
export async function readRuleSet(brandId: string): Promise<RuleSet> {
  const [rules, campaigns] = await Promise.all([listRules(brandId), listCampaigns(brandId)])
  return { rules, campaigns }
}
