import type { Rule, RuleLevel } from '../schemas/rule'
import type { Campaign } from '../schemas/campaign'
import type { DistributorType } from '../schemas/distributor'

/** The programme's own default, used when no rule pays at a level. Id "programme", version 0. */
export const PROGRAMME_RULE_ID = 'programme'

export interface ResolvedRate {
  ruleId: string
  ruleVersion: number
  level: RuleLevel
  capPerOrder?: number
}

/** What resolution needs of a campaign: its window and whether the brand has ended it early. */
export type CampaignWindow = Pick<Campaign, 'id' | 'startsAt' | 'endsAt' | 'active'>

/** A brand's live rules and its campaigns, read together (lib/services/rule-set.ts) and priced as one. */
export interface RuleSet {
  rules: readonly Rule[]
  campaigns: readonly CampaignWindow[]
}

const SCOPE_ORDER = ['product', 'category', 'campaign', 'default'] as const

const within = (at: number, startsAt: string | undefined, endsAt: string | undefined) =>
  (!startsAt || Date.parse(startsAt) <= at) && (!endsAt || at < Date.parse(endsAt))

/**
 * A campaign rule's campaign is running at `at`: it exists, the brand has not
 * deactivated it, and its window [startsAt, endsAt) contains `at`. `active` is the
 * campaign as read now, not as it was at `at`: an order ingested after the brand
 * ends a campaign early (a late webhook, a retry) no longer earns its rate, even
 * when paid inside the window; entries already written keep the rule they used.
 */
export const campaignRunningAt = (
  campaigns: readonly CampaignWindow[],
  id: string | undefined,
  at: number,
): boolean => {
  const c = campaigns.find((x) => x.id === id)
  return c?.active === true && within(at, c.startsAt, c.endsAt)
}

/**
 * Which rule pays a line at a level (docs/architecture.md §3.2): product > category >
 * campaign > default, only rules active at `paidAt` and defining that level; at
 * one scope, a rule naming the distributor's type beats one without types.
 * Ties go to the most recently changed rule. Falls back to the programme default.
 *
 * A campaign rule (its `target` is a campaign id) also needs its campaign running
 * at `paidAt` (`campaignRunningAt`), on top of its own startsAt/endsAt. An order
 * never names a campaign: a campaign is a brand-wide window (it lists no SKUs or
 * categories), so every line of every order paid while it runs qualifies, whatever
 * link or channel brought it. A promotion on some products is a product or
 * category rule with its own startsAt/endsAt, which outranks the campaign rule anyway.
 * @example resolveRate({ sku: 'A' }, 1, 'guide', { rules, campaigns }, paidAt, [1000]) → { ruleId: 'programme', level: { bps: 1000 } }
 */
export function resolveRate(
  line: { sku: string; category?: string },
  level: number,
  type: DistributorType,
  { rules, campaigns }: RuleSet,
  paidAt: string,
  programmeDefaultBps: readonly number[],
): ResolvedRate | null {
  const at = Date.parse(paidAt)
  for (const scope of SCOPE_ORDER) {
    const candidates = rules.filter(
      (r) =>
        r.scope === scope &&
        r.levels[level - 1] !== undefined &&
        within(at, r.startsAt, r.endsAt) &&
        (!r.types || r.types.includes(type)) &&
        (scope === 'product'
          ? r.target === line.sku
          : scope === 'category'
            ? r.target === line.category
            : scope === 'campaign'
              ? campaignRunningAt(campaigns, r.target, at)
              : true),
    )
    if (candidates.length === 0) continue
    const best = [...candidates].sort(
      (a, b) =>
        Number(!!b.types) - Number(!!a.types) || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id),
    )[0]
    if (best)
      return {
        ruleId: best.id,
        ruleVersion: best.version,
        level: best.levels[level - 1] as RuleLevel,
        capPerOrder: best.capPerOrder,
      }
  }
  const bps = programmeDefaultBps[level - 1]
  return bps === undefined ? null : { ruleId: PROGRAMME_RULE_ID, ruleVersion: 0, level: { bps } }
}
