import type { Rule, RuleLevel } from '../schemas/rule'
import type { DistributorType } from '../schemas/distributor'

/** The programme's own default, used when no rule pays at a level. Id "programme", version 0. */
export const PROGRAMME_RULE_ID = 'programme'

export interface ResolvedRate {
  ruleId: string
  ruleVersion: number
  level: RuleLevel
  capPerOrder?: number
}

const SCOPE_ORDER = ['product', 'category', 'campaign', 'default'] as const

const activeAt = (r: Rule, at: number) => (!r.startsAt || Date.parse(r.startsAt) <= at) && (!r.endsAt || at < Date.parse(r.endsAt))

/**
 * Which rule pays a line at a level (DESIGN.md section 6): product > category >
 * campaign > default, only rules active at `paidAt` and defining that level; at
 * one scope, a rule naming the distributor's type beats one without types.
 * Ties go to the most recently changed rule. Falls back to the programme default.
 * @example resolveRate({ sku: 'A' }, 1, 'guide', rules, paidAt, [1000]) → { ruleId: 'programme', level: { bps: 1000 } }
 */
export function resolveRate(
  line: { sku: string; category?: string },
  level: number,
  type: DistributorType,
  rules: readonly Rule[],
  paidAt: string,
  programmeDefaultBps: readonly number[],
): ResolvedRate | null {
  const at = Date.parse(paidAt)
  for (const scope of SCOPE_ORDER) {
    const candidates = rules.filter(
      (r) =>
        r.scope === scope &&
        r.levels[level - 1] !== undefined &&
        activeAt(r, at) &&
        (!r.types || r.types.includes(type)) &&
        (scope === 'product' ? r.target === line.sku : scope === 'category' ? r.target === line.category : true),
    )
    if (candidates.length === 0) continue
    const best = [...candidates].sort((a, b) => Number(!!b.types) - Number(!!a.types) || b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))[0]
    if (best) return { ruleId: best.id, ruleVersion: best.version, level: best.levels[level - 1] as RuleLevel, capPerOrder: best.capPerOrder }
  }
  const bps = programmeDefaultBps[level - 1]
  return bps === undefined ? null : { ruleId: PROGRAMME_RULE_ID, ruleVersion: 0, level: { bps } }
}
