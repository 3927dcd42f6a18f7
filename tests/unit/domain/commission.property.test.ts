import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { commissionsFor, lineBase } from '../../../lib/domain/commission'
import { PROGRAMME_RULE_ID, resolveRate, type RuleSet } from '../../../lib/domain/rule-resolution'
import type { Rule } from '../../../lib/schemas/rule'
import { chain, defaultBps, isoAround, lines, ruleSet } from './arbitraries'

const SCOPE_RANK = { product: 0, category: 1, campaign: 2, default: 3 } as const

/** Does a rule apply to this line, level, type and time at all (scope aside)? A campaign rule also needs its campaign running. */
function applies(
  r: Rule,
  line: { sku: string; category?: string },
  level: number,
  type: string,
  paidAt: string,
  { campaigns }: RuleSet,
): boolean {
  const at = Date.parse(paidAt)
  if (r.levels[level - 1] === undefined) return false
  if (r.startsAt && Date.parse(r.startsAt) > at) return false
  if (r.endsAt && at >= Date.parse(r.endsAt)) return false
  if (r.types && !r.types.includes(type as never)) return false
  if (r.scope === 'product') return r.target === line.sku
  if (r.scope === 'category') return r.target === line.category
  if (r.scope === 'campaign') {
    const c = campaigns.find((x) => x.id === r.target)
    return !!c && c.active && Date.parse(c.startsAt) <= at && at < Date.parse(c.endsAt)
  }
  return true
}

describe('commissionsFor (property)', () => {
  it('per line and level pays exactly what the resolved rule says, rounded down, and each draft never exceeds its cap', () => {
    fc.assert(
      fc.property(ruleSet, lines, chain, isoAround, defaultBps, (set, ls, members, paidAt, bps) => {
        const drafts = commissionsFor(ls, members, set, paidAt, bps)
        const byId = new Map(set.rules.map((r) => [r.id, r]))
        const seen = new Set<string>()
        for (const d of drafts) {
          const rule = byId.get(d.ruleId)
          const member = members.find((m) => m.level === d.level)
          expect(member?.distributorId).toBe(d.distributorId)
          // The draft's rate is the rule's rate at that level (or the programme default).
          const level = rule ? rule.levels[d.level - 1] : { bps: bps[d.level - 1] }
          expect(d.ruleId === PROGRAMME_RULE_ID || rule).toBeTruthy()
          if (rule) expect(d.ruleVersion).toBe(rule.version)
          expect(d.bps !== undefined ? { bps: d.bps } : { fixed: d.fixed }).toEqual(level)
          for (const l of d.lines) {
            const line = ls.find((x) => x.sku === l.sku)!
            expect(l.base).toBe(lineBase(line))
            if (d.bps !== undefined) {
              // floor(base × bps / 10000): never more than the rate, less by under one minor unit.
              expect(l.amount * 10000).toBeLessThanOrEqual(l.base * d.bps)
              expect((l.amount + 1) * 10000).toBeGreaterThan(l.base * d.bps)
            } else expect(l.amount).toBe(Math.min((d.fixed ?? 0) * line.qty, l.base))
            const key = `${d.level}#${l.sku}`
            expect(seen.has(key), `line ${l.sku} paid twice at level ${d.level}`).toBe(false)
            seen.add(key)
          }
          const uncapped = d.lines.reduce((s, l) => s + l.amount, 0)
          expect(d.uncapped).toBe(uncapped)
          const cap = rule?.capPerOrder
          expect(d.amount).toBe(cap === undefined ? uncapped : Math.min(uncapped, cap))
          expect(d.amount).toBeGreaterThanOrEqual(0)
        }
        // Every line is paid at every chain level that has a rate, and nowhere else.
        for (const m of members) {
          for (const l of ls) {
            const rate = resolveRate(l, m.level, m.type, set, paidAt, bps)
            expect(seen.has(`${m.level}#${l.sku}`)).toBe(rate !== null)
          }
        }
        expect(drafts.every((d) => members.some((m) => m.level === d.level))).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('a level earns at most the sum over lines of the most any applicable rate pays', () => {
    fc.assert(
      fc.property(ruleSet, lines, chain, isoAround, defaultBps, (set, ls, members, paidAt, bps) => {
        const drafts = commissionsFor(ls, members, set, paidAt, bps)
        for (const m of members) {
          const most = ls.reduce((sum, l) => {
            const base = lineBase(l)
            const pays = set.rules
              .filter((r) => applies(r, l, m.level, m.type, paidAt, set))
              .map((r) => {
                const lv = r.levels[m.level - 1]!
                return 'bps' in lv ? Math.floor((base * lv.bps) / 10000) : Math.min(lv.fixed * l.qty, base)
              })
            const fallback = bps[m.level - 1] !== undefined ? Math.floor((base * bps[m.level - 1]!) / 10000) : 0
            return sum + Math.max(fallback, ...pays)
          }, 0)
          const earned = drafts.filter((d) => d.level === m.level).reduce((s, d) => s + d.amount, 0)
          expect(earned).toBeLessThanOrEqual(most)
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('commissionsFor never pays more than a line (property)', () => {
  it("every line amount is at most its base, and every entry at most the sum of its lines' bases", () => {
    fc.assert(
      fc.property(ruleSet, lines, chain, isoAround, defaultBps, (set, ls, members, paidAt, bps) => {
        for (const d of commissionsFor(ls, members, set, paidAt, bps)) {
          for (const l of d.lines) {
            expect(l.amount).toBeGreaterThanOrEqual(0)
            expect(l.amount).toBeLessThanOrEqual(l.base)
          }
          expect(d.amount).toBeLessThanOrEqual(d.lines.reduce((s, l) => s + l.base, 0))
        }
      }),
      { numRuns: 500 },
    )
  })

  it('a fixed rule of 2^53 − 1 per unit on a ¥1.00 line pays ¥1.00', () => {
    const rule: Rule = {
      id: 'r_huge',
      name: 'huge',
      scope: 'default',
      levels: [{ fixed: Number.MAX_SAFE_INTEGER }],
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
    }
    const [draft] = commissionsFor(
      [{ sku: 'A', qty: 1, unitPrice: 100 }],
      [{ level: 1, distributorId: 'd_1', type: 'member' }],
      { rules: [rule], campaigns: [] },
      '2026-06-01T00:00:00.000Z',
      [1000],
    )
    expect(draft?.amount).toBe(100)
    expect(draft?.lines[0]?.amount).toBe(100)
  })
})

describe('resolveRate (property)', () => {
  it('picks an applicable rule of the most specific scope, type-specific first, else the programme default', () => {
    fc.assert(
      fc.property(ruleSet, lines, chain, isoAround, defaultBps, (set, ls, members, paidAt, bps) => {
        for (const m of members) {
          for (const l of ls) {
            const rate = resolveRate(l, m.level, m.type, set, paidAt, bps)
            const applicable = set.rules.filter((r) => applies(r, l, m.level, m.type, paidAt, set))
            if (applicable.length === 0) {
              expect(rate).toEqual(
                bps[m.level - 1] === undefined
                  ? null
                  : { ruleId: PROGRAMME_RULE_ID, ruleVersion: 0, level: { bps: bps[m.level - 1] } },
              )
              continue
            }
            const chosen = set.rules.find((r) => r.id === rate?.ruleId)
            expect(chosen).toBeDefined()
            expect(applies(chosen!, l, m.level, m.type, paidAt, set)).toBe(true)
            const rank = SCOPE_RANK[chosen!.scope]
            expect(applicable.every((r) => SCOPE_RANK[r.scope] >= rank)).toBe(true)
            if (!chosen!.types) expect(applicable.some((r) => r.scope === chosen!.scope && r.types)).toBe(false)
            expect(rate).toEqual({
              ruleId: chosen!.id,
              ruleVersion: chosen!.version,
              level: chosen!.levels[m.level - 1],
              capPerOrder: chosen!.capPerOrder,
            })
          }
        }
      }),
      { numRuns: 500 },
    )
  })
})
