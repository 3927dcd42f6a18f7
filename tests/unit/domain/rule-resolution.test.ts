import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  campaignRunningAt,
  PROGRAMME_RULE_ID,
  resolveRate,
  type CampaignWindow,
} from '../../../lib/domain/rule-resolution'
import type { Rule } from '../../../lib/schemas/rule'
import { chain, defaultBps, isoAround, lines, ruleSet } from './arbitraries'

const double11: CampaignWindow = {
  id: 'double11',
  startsAt: '2026-11-11T00:00:00.000Z',
  endsAt: '2026-11-12T00:00:00.000Z',
  active: true,
}
const spring: CampaignWindow = {
  id: 'spring',
  startsAt: '2026-03-01T00:00:00.000Z',
  endsAt: '2026-03-08T00:00:00.000Z',
  active: true,
}
const rule = (id: string, fields: Partial<Rule>): Rule => ({
  id,
  name: id,
  scope: 'campaign',
  target: 'double11',
  levels: [{ bps: 2000 }],
  version: 1,
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...fields,
})

/** The rule id that pays sku A, level 1, for a member at `paidAt`. */
const payer = (
  rules: Rule[],
  campaigns: CampaignWindow[],
  paidAt: string,
  line: { sku: string; category?: string } = { sku: 'A' },
) => resolveRate(line, 1, 'member', { rules, campaigns }, paidAt, [1000])?.ruleId

describe('resolveRate: campaign rules', () => {
  it('pay only while their campaign runs: [startsAt, endsAt) of the campaign', () => {
    const rules = [rule('c', {})]
    expect(payer(rules, [double11], '2026-11-10T23:59:59.999Z')).toBe(PROGRAMME_RULE_ID)
    expect(payer(rules, [double11], '2026-11-11T00:00:00.000Z')).toBe('c')
    expect(payer(rules, [double11], '2026-11-11T23:59:59.999Z')).toBe('c')
    expect(payer(rules, [double11], '2026-11-12T00:00:00.000Z')).toBe(PROGRAMME_RULE_ID)
  })

  it('never pay when the campaign does not exist, or the brand deactivated it', () => {
    const inside = '2026-11-11T12:00:00.000Z'
    expect(payer([rule('c', {})], [], inside)).toBe(PROGRAMME_RULE_ID)
    expect(payer([rule('c', { target: 'typo' })], [double11], inside)).toBe(PROGRAMME_RULE_ID)
    expect(payer([rule('c', {})], [{ ...double11, active: false }], inside)).toBe(PROGRAMME_RULE_ID)
  })

  it("also honour the rule's own window: both must hold paidAt", () => {
    const rules = [rule('c', { startsAt: '2026-11-11T10:00:00.000Z', endsAt: '2026-11-20T00:00:00.000Z' })]
    expect(payer(rules, [double11], '2026-11-11T09:59:59.999Z')).toBe(PROGRAMME_RULE_ID) // campaign running, rule not yet
    expect(payer(rules, [double11], '2026-11-11T10:00:00.000Z')).toBe('c')
    expect(payer(rules, [double11], '2026-11-15T00:00:00.000Z')).toBe(PROGRAMME_RULE_ID) // rule live, campaign over
  })

  it('a rule targets one campaign: another running campaign does not make it pay', () => {
    const rules = [rule('spring-rule', { target: 'spring', levels: [{ bps: 500 }] }), rule('d11', {})]
    expect(payer(rules, [double11, spring], '2026-03-02T00:00:00.000Z')).toBe('spring-rule')
    expect(payer(rules, [double11, spring], '2026-11-11T08:00:00.000Z')).toBe('d11')
    expect(payer(rules, [double11, spring], '2026-06-18T00:00:00.000Z')).toBe(PROGRAMME_RULE_ID)
  })

  it('every line of an order paid while it runs qualifies, below product and category rules', () => {
    const rules = [
      rule('c', {}),
      rule('gift', { scope: 'product', target: 'GIFT', levels: [{ bps: 3000 }] }),
      rule('skin', { scope: 'category', target: 'skincare', levels: [{ bps: 800 }] }),
    ]
    const inside = '2026-11-11T12:00:00.000Z'
    expect(payer(rules, [double11], inside, { sku: 'A' })).toBe('c')
    expect(payer(rules, [double11], inside, { sku: 'B', category: 'makeup' })).toBe('c')
    expect(payer(rules, [double11], inside, { sku: 'GIFT' })).toBe('gift')
    expect(payer(rules, [double11], inside, { sku: 'C', category: 'skincare' })).toBe('skin')
  })

  it('two running campaigns: the type-specific rule first, then the most recently changed', () => {
    const overlap: CampaignWindow = {
      id: 'members-week',
      startsAt: '2026-11-05T00:00:00.000Z',
      endsAt: '2026-11-15T00:00:00.000Z',
      active: true,
    }
    const older = rule('older', { updatedAt: '2026-10-01T00:00:00.000Z' })
    const newer = rule('newer', { target: 'members-week', updatedAt: '2026-10-20T00:00:00.000Z' })
    const forMembers = rule('for-members', {
      target: 'members-week',
      types: ['member'],
      updatedAt: '2026-09-01T00:00:00.000Z',
    })
    expect(payer([older, newer], [double11, overlap], '2026-11-11T12:00:00.000Z')).toBe('newer')
    expect(payer([older, newer, forMembers], [double11, overlap], '2026-11-11T12:00:00.000Z')).toBe('for-members')
  })

  it('campaignRunningAt: exists, active, and [startsAt, endsAt) holds the time', () => {
    const at = (iso: string) => Date.parse(iso)
    expect(campaignRunningAt([double11], 'double11', at('2026-11-11T00:00:00.000Z'))).toBe(true)
    expect(campaignRunningAt([double11], 'double11', at('2026-11-12T00:00:00.000Z'))).toBe(false)
    expect(campaignRunningAt([double11], undefined, at('2026-11-11T01:00:00.000Z'))).toBe(false)
    expect(campaignRunningAt([{ ...double11, active: false }], 'double11', at('2026-11-11T01:00:00.000Z'))).toBe(false)
  })
})

describe('resolveRate: campaign rules (property)', () => {
  it('with no campaign running at paidAt, campaign rules change nothing: the same as without them', () => {
    fc.assert(
      fc.property(ruleSet, lines, chain, isoAround, defaultBps, (set, ls, members, paidAt, bps) => {
        const at = Date.parse(paidAt)
        fc.pre(set.campaigns.every((c) => !campaignRunningAt(set.campaigns, c.id, at)))
        const without = { rules: set.rules.filter((r) => r.scope !== 'campaign'), campaigns: set.campaigns }
        for (const m of members)
          for (const l of ls)
            expect(resolveRate(l, m.level, m.type, set, paidAt, bps)).toEqual(
              resolveRate(l, m.level, m.type, without, paidAt, bps),
            )
      }),
      { numRuns: 300 },
    )
  })

  it('deactivating every campaign is the same as deleting them', () => {
    fc.assert(
      fc.property(ruleSet, lines, chain, isoAround, defaultBps, (set, ls, members, paidAt, bps) => {
        const inactive = { rules: set.rules, campaigns: set.campaigns.map((c) => ({ ...c, active: false })) }
        const none = { rules: set.rules, campaigns: [] }
        for (const m of members)
          for (const l of ls)
            expect(resolveRate(l, m.level, m.type, inactive, paidAt, bps)).toEqual(
              resolveRate(l, m.level, m.type, none, paidAt, bps),
            )
      }),
      { numRuns: 300 },
    )
  })
})
