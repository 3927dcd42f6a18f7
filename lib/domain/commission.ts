import { applyBps } from './money'
import { resolveRate, type RuleSet } from './rule-resolution'
import type { DistributorType } from '../schemas/distributor'

/** A position in the paid chain: level 1 is the credited distributor. */
export interface ChainMember {
  level: number
  distributorId: string
  type: DistributorType
}

export interface PricedLine {
  sku: string
  qty: number
  unitPrice: number
  discount?: number
  category?: string
}

/** What one line earned at one level, before any cap. */
export interface LineCommission {
  sku: string
  qty: number
  base: number
  amount: number
}

/** One ledger entry to be: a distributor's commission at one level under one rule. */
export interface CommissionDraft {
  distributorId: string
  level: number
  ruleId: string
  ruleVersion: number
  bps?: number
  fixed?: number
  /** Sum of the lines' amounts, capped by the rule's capPerOrder. */
  amount: number
  /** Uncapped sum of the lines' amounts: the denominator for pro-rata reversals. */
  uncapped: number
  lines: LineCommission[]
}

/** Base of a line: unit price × qty − line discount (shipping and tax are not in lines). */
export const lineBase = (l: PricedLine): number => l.unitPrice * l.qty - (l.discount ?? 0)

/**
 * The commissions an order earns for a chain (docs/architecture.md §3.2): per line and
 * level, floor(base × bps / 10000) or fixed × qty (at most the line's base), grouped into one draft per
 * level and rule, each group capped by its rule's capPerOrder. Pure: nothing is written.
 */
export function commissionsFor(
  lines: readonly PricedLine[],
  chain: readonly ChainMember[],
  ruleSet: RuleSet,
  paidAt: string,
  programmeDefaultBps: readonly number[],
): CommissionDraft[] {
  const drafts = new Map<string, CommissionDraft & { cap?: number }>()
  for (const member of chain) {
    for (const line of lines) {
      const rate = resolveRate(line, member.level, member.type, ruleSet, paidAt, programmeDefaultBps)
      if (!rate) continue
      const base = lineBase(line)
      // A commission never exceeds the line it is paid on: a fixed amount per unit is capped at the line's base.
      const amount = 'bps' in rate.level ? applyBps(base, rate.level.bps) : Math.min(rate.level.fixed * line.qty, base)
      const key = `${member.level}#${rate.ruleId}`
      const draft: CommissionDraft & { cap?: number } = drafts.get(key) ?? {
        distributorId: member.distributorId,
        level: member.level,
        ruleId: rate.ruleId,
        ruleVersion: rate.ruleVersion,
        ...('bps' in rate.level ? { bps: rate.level.bps } : { fixed: rate.level.fixed }),
        amount: 0,
        uncapped: 0,
        lines: [] as LineCommission[],
        cap: rate.capPerOrder,
      }
      draft.uncapped += amount
      draft.lines.push({ sku: line.sku, qty: line.qty, base, amount })
      drafts.set(key, draft)
    }
  }
  return [...drafts.values()].map(({ cap, ...d }) => ({
    ...d,
    amount: cap === undefined ? d.uncapped : Math.min(d.uncapped, cap),
  }))
}
