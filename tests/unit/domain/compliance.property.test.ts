import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { commissionsFor } from '../../../lib/domain/commission'
import {
  CN_COMPLIANCE,
  type CatalogueLine,
  checkRuleSet,
  paysAtLevel,
  pyramidWarnings,
  worstLine,
} from '../../../lib/domain/compliance'
import type { RuleSet } from '../../../lib/domain/rule-resolution'
import type { Rule } from '../../../lib/schemas/rule'
import { CATEGORIES, defaultBps, distributorType, isoAround, ruleSet, SKUS } from './arbitraries'

const NOW = '2026-01-01T00:00:00.000Z'
const rule = (r: Partial<Rule> & Pick<Rule, 'id' | 'scope' | 'levels'>): Rule => ({
  name: r.id,
  version: 1,
  updatedAt: NOW,
  ...r,
})
const catalogue: CatalogueLine[] = [
  { sku: 'SERUM', category: 'skincare', unitPrice: 29_900 },
  { sku: 'GIFT', category: 'gift', unitPrice: 59_900 },
  { sku: 'VIP', unitPrice: 9_900, kind: 'membership' },
]
const programme = { maxLevels: 3, defaultBps: [1000, 300, 100] }

describe('compliance guardrails', () => {
  it('passes the programme default alone (14 % over three levels)', () => {
    expect(checkRuleSet({ rules: [], campaigns: [] }, programme, CN_COMPLIANCE, catalogue, NOW)).toEqual([])
  })

  it('refuses a rule set over the cap and names the product, the types and the levels', () => {
    const set: RuleSet = {
      rules: [rule({ id: 'serum', scope: 'product', target: 'SERUM', types: ['guide'], levels: [{ bps: 2700 }] })],
      campaigns: [],
    }
    const [finding] = checkRuleSet(set, programme, CN_COMPLIANCE, catalogue, NOW)
    expect(finding).toMatchObject({ code: 'payout_over_cap', capBps: 3000 })
    if (finding?.code !== 'payout_over_cap') throw new Error('expected a cap finding')
    expect(finding.worst.sku).toBe('SERUM')
    expect(finding.worst.levels.map((l) => [l.level, l.type, l.ruleId])).toEqual([
      [1, 'guide', 'serum'],
      [2, 'employee', 'programme'],
      [3, 'employee', 'programme'],
    ])
    // 27 % + 3 % + 1 % of ¥299.00, each floored to the fen: 31 %, over the 30 % cap.
    expect(finding.worst.total).toBe(8073 + 897 + 299)
  })

  it('judges a window that opens later, not only the rules live now', () => {
    const set: RuleSet = {
      rules: [
        rule({
          id: 'd11',
          scope: 'category',
          target: 'gift',
          levels: [{ bps: 3000 }],
          startsAt: '2026-11-01T00:00:00Z',
          endsAt: '2026-11-12T00:00:00Z',
        }),
      ],
      campaigns: [],
    }
    const worst = worstLine(set, programme, CN_COMPLIANCE, catalogue, NOW)
    expect(worst?.sku).toBe('GIFT')
    expect(worst?.at).toBe('2026-11-01T00:00:00Z')
    expect(worstLine(set, programme, CN_COMPLIANCE, catalogue, '2027-01-01T00:00:00.000Z')?.total).toBeLessThan(
      worst?.total ?? 0,
    )
  })

  it('refuses a rule on a membership SKU and external-only levels beyond the cap', () => {
    const set: RuleSet = {
      rules: [
        rule({ id: 'vip', scope: 'product', target: 'VIP', levels: [{ bps: 100 }] }),
        rule({
          id: 'koc',
          scope: 'default',
          types: ['partner', 'member'],
          levels: [{ bps: 500 }, { bps: 100 }, { bps: 50 }],
        }),
      ],
      campaigns: [],
    }
    expect(checkRuleSet(set, programme, CN_COMPLIANCE, catalogue, NOW)).toEqual([
      { code: 'rule_on_fee_sku', ruleId: 'vip', sku: 'VIP', kind: 'membership' },
      { code: 'external_levels_never_paid', ruleId: 'koc', levels: [3], externalLevels: 2 },
    ])
  })

  it('checks nothing under the none profile', () => {
    const set: RuleSet = { rules: [rule({ id: 'x', scope: 'default', levels: [{ bps: 9000 }] })], campaigns: [] }
    expect(checkRuleSet(set, programme, { ...CN_COMPLIANCE, profile: 'none' }, catalogue, NOW)).toEqual([])
  })

  it('warns about teams of 30 or more only when three or more levels pay', () => {
    const teams = [
      { distributorId: 'a', teamSize: 29 },
      { distributorId: 'b', teamSize: 30 },
    ]
    expect(pyramidWarnings(2, teams)).toEqual([])
    expect(pyramidWarnings(3, teams)).toEqual([{ distributorId: 'b', teamSize: 30 }])
  })

  it('no single-unit order of a catalogue product pays a larger share than the worst case', () => {
    const product = fc.record({
      sku: fc.constantFrom(...SKUS),
      category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
      unitPrice: fc.integer({ min: 1, max: 100_000 }),
    })
    fc.assert(
      fc.property(
        ruleSet,
        defaultBps,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 2 }),
        fc.uniqueArray(product, { minLength: 1, maxLength: 4, selector: (p) => p.sku }),
        fc.array(distributorType, { minLength: 1, maxLength: 10 }),
        isoAround,
        (set, bps, maxLevels, externalLevels, products, types, paidAt) => {
          const now = '2025-11-01T00:00:00.000Z' // before every generated window
          const profile = { ...CN_COMPLIANCE, externalLevels }
          const limits = { maxLevels, defaultBps: bps }
          const worst = worstLine(set, limits, profile, products, now)
          if (!worst) return
          const chain = types
            .slice(0, maxLevels)
            .map((type, i) => ({ level: i + 1, type, distributorId: `d${i}` }))
            .filter((m) => paysAtLevel(m.type, m.level, profile))
          for (const p of products) {
            const paid = commissionsFor([{ ...p, qty: 1 }], chain, set, paidAt, bps).reduce((s, d) => s + d.amount, 0)
            expect(paid * worst.unitPrice).toBeLessThanOrEqual(worst.total * p.unitPrice)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
