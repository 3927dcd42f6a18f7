import { applyBps } from './money'
import { resolveRate, type RuleSet } from './rule-resolution'
import { circleOf } from './ring'
import { DISTRIBUTOR_TYPES, type DistributorType } from '../schemas/distributor'

/**
 * Guardrails that keep a programme inside the law it lives under (docs/architecture.md, compliance).
 * Pure: the rules service checks a rule set before saving it, the programme route before saving limits.
 */

/** A brand's compliance profile: `cn` (mainland rules) or `none` with the reason recorded. */
export interface ComplianceProfile {
  profile: 'cn' | 'none'
  /** Deepest level that pays a distributor outside the brand's staff. */
  externalLevels: number
  /** Most a line may pay over all its levels, in basis points of the line's base. */
  payoutCapBps: number
}

export const CN_COMPLIANCE: ComplianceProfile = { profile: 'cn', externalLevels: 2, payoutCapBps: 3000 }

/** A team of this size paid over this many levels is what Chinese courts have treated as pyramid selling. */
export const PYRAMID_TEAM_SIZE = 30
export const PYRAMID_LEVELS = 3

/** Whether a distributor of `type` is paid at `level` under the profile: staff to maxLevels, others to the cap. */
export const paysAtLevel = (type: DistributorType, level: number, profile: ComplianceProfile): boolean =>
  profile.profile === 'none' || circleOf(type) === 'internal' || level <= profile.externalLevels

/** A product as the guardrails see it: its list price and whether it is an entry fee or membership, not a sale. */
export interface CatalogueLine {
  sku: string
  category?: string
  unitPrice: number
  kind?: 'goods' | 'fee' | 'membership'
}

/** One level of the worst case: the type there and what it earns on one unit. */
export interface WorstLevel {
  level: number
  type: DistributorType
  ruleId: string
  amount: number
}

export interface WorstCase {
  sku: string
  /** The instant at which the rules combine worst (a window's start, or now). */
  at: string
  unitPrice: number
  levels: WorstLevel[]
  total: number
}

export type ComplianceFinding =
  | { code: 'rule_on_fee_sku'; ruleId: string; sku: string; kind: 'fee' | 'membership' }
  | { code: 'external_levels_never_paid'; ruleId: string; levels: number[]; externalLevels: number }
  | { code: 'payout_over_cap'; capBps: number; worst: WorstCase }

interface ProgrammeLimits {
  maxLevels: number
  defaultBps: readonly number[]
}

/**
 * Everything a rule set breaks under a profile, worst first: rules paying on a fee or membership SKU,
 * rules for external types only whose deeper levels can never pay, and the line that could pay the most
 * over all levels when that is above the cap. `none` checks nothing.
 */
export function checkRuleSet(
  ruleSet: RuleSet,
  programme: ProgrammeLimits,
  profile: ComplianceProfile,
  catalogue: readonly CatalogueLine[],
  now: string,
): ComplianceFinding[] {
  if (profile.profile === 'none') return []
  const findings: ComplianceFinding[] = []
  const kinds = new Map(catalogue.map((p) => [p.sku, p.kind]))
  for (const rule of ruleSet.rules) {
    const kind = rule.scope === 'product' && rule.target ? kinds.get(rule.target) : undefined
    if (kind === 'fee' || kind === 'membership')
      findings.push({ code: 'rule_on_fee_sku', ruleId: rule.id, sku: rule.target ?? '', kind })
    const externalOnly = rule.types?.every((t) => circleOf(t) === 'external')
    const beyond = rule.levels.map((_, i) => i + 1).filter((level) => level > profile.externalLevels)
    if (externalOnly && beyond.length > 0)
      findings.push({
        code: 'external_levels_never_paid',
        ruleId: rule.id,
        levels: beyond,
        externalLevels: profile.externalLevels,
      })
  }
  const worst = worstLine(ruleSet, programme, profile, catalogue, now)
  if (worst && worst.total * 10_000 > profile.payoutCapBps * worst.unitPrice)
    findings.push({ code: 'payout_over_cap', capBps: profile.payoutCapBps, worst })
  return findings
}

/**
 * The line that pays the largest share of its base over all levels, for one unit: every catalogue product at
 * its list price, plus a line per category the rules name and a bare line (for products not in the catalogue,
 * priced at ¥100; a fixed amount on an unknown price is judged at that price). Each level takes the type that
 * earns most there (a chain may hold any type at any level), at every instant from now on where a rule or
 * campaign window opens or closes.
 */
export function worstLine(
  ruleSet: RuleSet,
  programme: ProgrammeLimits,
  profile: ComplianceProfile,
  catalogue: readonly CatalogueLine[],
  now: string,
): WorstCase | null {
  let worst: WorstCase | null = null
  for (const line of linesToJudge(ruleSet, catalogue)) {
    for (const at of instantsFrom(ruleSet, now)) {
      const candidate = worstAt(line, at, ruleSet, programme, profile)
      if (!worst || candidate.total * worst.unitPrice > worst.total * candidate.unitPrice) worst = candidate
    }
  }
  return worst
}

const REFERENCE_PRICE = 10_000

function linesToJudge(ruleSet: RuleSet, catalogue: readonly CatalogueLine[]): CatalogueLine[] {
  const sales = catalogue.filter((p) => p.kind !== 'fee' && p.kind !== 'membership' && p.unitPrice > 0)
  const categories = new Set(ruleSet.rules.filter((r) => r.scope === 'category' && r.target).map((r) => r.target!))
  const synthetic: CatalogueLine[] = [
    { sku: '(any)', unitPrice: REFERENCE_PRICE },
    ...[...categories].map((category) => ({ sku: '(any)', category, unitPrice: REFERENCE_PRICE })),
  ]
  return [...sales, ...synthetic]
}

/** `now` and every window edge after it: between edges the resolution is constant. */
function instantsFrom(ruleSet: RuleSet, now: string): string[] {
  const from = Date.parse(now)
  const edges = [
    ...ruleSet.rules.flatMap((r) => [r.startsAt, r.endsAt]),
    ...ruleSet.campaigns.flatMap((c) => [c.startsAt, c.endsAt]),
  ].filter((t): t is string => !!t && Date.parse(t) > from)
  return [now, ...new Set(edges)]
}

function worstAt(
  line: CatalogueLine,
  at: string,
  ruleSet: RuleSet,
  programme: ProgrammeLimits,
  profile: ComplianceProfile,
): WorstCase {
  const levels: WorstLevel[] = []
  for (let level = 1; level <= programme.maxLevels; level++) {
    let best: WorstLevel | null = null
    for (const type of DISTRIBUTOR_TYPES) {
      if (!paysAtLevel(type, level, profile)) continue
      const rate = resolveRate(line, level, type, ruleSet, at, programme.defaultBps)
      if (!rate) continue
      const uncapped =
        'bps' in rate.level ? applyBps(line.unitPrice, rate.level.bps) : Math.min(rate.level.fixed, line.unitPrice)
      const amount = rate.capPerOrder === undefined ? uncapped : Math.min(uncapped, rate.capPerOrder)
      if (!best || amount > best.amount) best = { level, type, ruleId: rate.ruleId, amount }
    }
    if (best && best.amount > 0) levels.push(best)
  }
  return { sku: line.sku, at, unitPrice: line.unitPrice, levels, total: levels.reduce((s, l) => s + l.amount, 0) }
}

/** Teams that make a programme paying `paidLevels` levels look like pyramid selling: a warning, not a refusal. */
export function pyramidWarnings<T extends { teamSize: number }>(paidLevels: number, teams: readonly T[]): T[] {
  if (paidLevels < PYRAMID_LEVELS) return []
  return teams.filter((t) => t.teamSize >= PYRAMID_TEAM_SIZE)
}
