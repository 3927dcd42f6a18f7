import fc from 'fast-check'
import type { Rule } from '../../../lib/schemas/rule'
import type { CampaignWindow, RuleSet } from '../../../lib/domain/rule-resolution'
import { DISTRIBUTOR_TYPES, type DistributorType } from '../../../lib/schemas/distributor'
import type { ChainMember, PricedLine } from '../../../lib/domain/commission'
import { decideOrder, type Order } from '../../../lib/domain/order'
import type { RefundRequest } from '../../../lib/domain/refund'

/** Shared fast-check generators for the order and commission domain (tests only). */

export const SKUS = ['A', 'B', 'C', 'D', 'E'] as const
export const CATEGORIES = ['skincare', 'makeup', 'gift'] as const
const T0 = Date.parse('2026-01-01T00:00:00.000Z')
const DAY = 86_400_000

/** A time within ±60 days of 2026-01-01, as ISO. */
export const isoAround = fc
  .integer({ min: -60, max: 60 })
  .chain((d) => fc.integer({ min: 0, max: DAY - 1 }).map((ms) => new Date(T0 + d * DAY + ms).toISOString()))

export const distributorType = fc.constantFrom<DistributorType>(...DISTRIBUTOR_TYPES)

const ruleLevel = fc.oneof(
  fc.record({ bps: fc.integer({ min: 0, max: 10000 }) }),
  fc.record({ fixed: fc.integer({ min: 0, max: 50_000 }) }),
)

/** One stored rule of any scope, with optional types, cap and active window. */
export const rule = fc
  .record({
    scope: fc.constantFrom<Rule['scope']>('default', 'product', 'category', 'campaign'),
    sku: fc.constantFrom(...SKUS),
    category: fc.constantFrom(...CATEGORIES),
    campaign: fc.constantFrom('spring', 'double11'),
    types: fc.option(fc.uniqueArray(distributorType, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    levels: fc.array(ruleLevel, { minLength: 1, maxLength: 5 }),
    capPerOrder: fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    window: fc.option(fc.tuple(isoAround, fc.integer({ min: 1, max: 40 * DAY })), { nil: undefined }),
    version: fc.integer({ min: 1, max: 9 }),
    updatedAt: isoAround,
  })
  .map(
    (r): Omit<Rule, 'id'> => ({
      name: 'r',
      scope: r.scope,
      ...(r.scope === 'product'
        ? { target: r.sku }
        : r.scope === 'category'
          ? { target: r.category }
          : r.scope === 'campaign'
            ? { target: r.campaign }
            : {}),
      ...(r.types ? { types: r.types } : {}),
      levels: r.levels,
      ...(r.capPerOrder !== undefined ? { capPerOrder: r.capPerOrder } : {}),
      ...(r.window
        ? { startsAt: r.window[0], endsAt: new Date(Date.parse(r.window[0]) + r.window[1]).toISOString() }
        : {}),
      version: r.version,
      updatedAt: r.updatedAt,
    }),
  )

/** A brand's rule set: ids unique. */
export const rules = fc.array(rule, { maxLength: 8 }).map((rs) => rs.map((r, i): Rule => ({ ...r, id: `r${i}` })))

/** The campaigns rules may target: each of "spring" and "double11" absent or present, with a window, mostly active. */
export const campaigns = fc
  .record({
    spring: fc.option(fc.tuple(isoAround, fc.integer({ min: 1, max: 40 * DAY }), fc.boolean()), { nil: undefined }),
    double11: fc.option(fc.tuple(isoAround, fc.integer({ min: 1, max: 40 * DAY }), fc.boolean()), { nil: undefined }),
  })
  .map((cs) =>
    Object.entries(cs).flatMap(([id, c]): CampaignWindow[] =>
      c
        ? [
            {
              id,
              startsAt: c[0],
              endsAt: new Date(Date.parse(c[0]) + c[1]).toISOString(),
              active: c[2] || c[1] % 3 !== 0,
            },
          ]
        : [],
    ),
  )

/** Rules with the campaigns they may target, as ingestion reads them. */
export const ruleSet = fc.record({ rules, campaigns }).map((s): RuleSet => s)

/** Order lines with distinct SKUs and a discount never larger than the line. */
export const lines = fc
  .uniqueArray(
    fc.record({
      sku: fc.constantFrom(...SKUS),
      qty: fc.integer({ min: 1, max: 20 }),
      unitPrice: fc.integer({ min: 0, max: 500_000 }),
      discountShare: fc.integer({ min: 0, max: 100 }),
      category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 5, selector: (l) => l.sku },
  )
  .map((ls) =>
    ls.map(
      ({ discountShare, category, ...l }): PricedLine => ({
        ...l,
        discount: Math.floor((l.unitPrice * l.qty * discountShare) / 100 / (discountShare % 3 === 0 ? 1 : 4)),
        ...(category ? { category } : {}),
      }),
    ),
  )

/** A paid chain: levels 1..n in order, some possibly skipped (suspended), each a distinct distributor. */
export const chain = fc.array(fc.tuple(distributorType, fc.boolean()), { maxLength: 10 }).map((xs) =>
  xs
    .map(([type, keep], i) => ({ keep, member: { level: i + 1, distributorId: `d${i + 1}`, type } }))
    .filter((x) => x.keep || x.member.level === 1)
    .map((x) => x.member as ChainMember),
)

/** Programme default bps per level, 1..10 levels. */
export const defaultBps = fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 10 })

/** A programme's order settings: levels, binding, hold, self-purchase and default rates. */
export const programme = fc.record({
  maxLevels: fc.integer({ min: 1, max: 10 }),
  bindingDays: fc.integer({ min: 0, max: 60 }),
  bindingPolicy: fc.constantFrom<'first' | 'last'>('first', 'last'),
  holdDays: fc.integer({ min: 0, max: 30 }),
  selfPurchase: fc.constantFrom<'allow' | 'deny'>('allow', 'deny'),
  defaultBps,
})

/**
 * The credited distributor d1 and their recruiters d2…dn (nearest first), each
 * active or suspended, as the order's upline is read: a map by id.
 */
export const upline = fc
  .array(fc.record({ type: distributorType, active: fc.boolean(), ring: fc.integer({ min: 1, max: 6 }) }), {
    minLength: 1,
    maxLength: 10,
  })
  .map((ds) => {
    const ids = ds.map((_, i) => `d${i + 1}`)
    return new Map(
      ds.map((d, i) => [
        ids[i]!,
        {
          id: ids[i]!,
          type: d.type,
          status: d.active || i === 0 ? ('active' as const) : ('suspended' as const),
          ring: d.ring,
          ancestors: ids.slice(i + 1),
        },
      ]),
    )
  })

export const NOW = new Date('2026-01-20T00:00:00.000Z')

/** An order decided from random lines, rules, programme and upline; credited to d1 or to nobody. */
export const decided = fc
  .record({
    lines,
    rules: ruleSet,
    programme,
    upline,
    paidAt: isoAround,
    credited: fc.boolean(),
    customerId: fc.option(fc.constant('c1'), { nil: undefined }),
  })
  .map((x) => {
    const attribution = x.credited
      ? { distributorId: 'd1', source: 'click' as const, candidates: [] }
      : { distributorId: null, source: null, candidates: [] }
    const body = {
      orderId: 'o1',
      currency: 'CNY',
      paidAt: x.paidAt,
      customerId: x.customerId,
      lines: x.lines.map((l) => ({ ...l, discount: l.discount })),
    }
    const facts = { brandId: 'b1', body, bodyHash: 'h', attribution, binding: undefined, customerFirst: undefined }
    return { ...x, decision: decideOrder(facts, x.upline, x.rules, x.programme, NOW) }
  })

/** One step after an order: a refund (maybe impossible), or settling or paying some of its commissions. */
export const step = (o: Order) =>
  fc.oneof(
    fc
      .array(fc.tuple(fc.nat({ max: o.lines.length - 1 }), fc.integer({ min: 1, max: 25 })), {
        minLength: 1,
        maxLength: 3,
      })
      .map((picks): { refund: RefundRequest } => {
        const qty = new Map<string, number>()
        for (const [i, q] of picks) qty.set(o.lines[i]!.sku, (qty.get(o.lines[i]!.sku) ?? 0) + q)
        return { refund: { lines: [...qty].map(([sku, q]) => ({ sku, qty: q })) } }
      }),
    fc
      .integer({ min: 1, max: Math.max(1, Math.ceil(o.total * 1.2)) })
      .map((amount): { refund: RefundRequest } => ({ refund: { amount } })),
    fc
      .tuple(fc.subarray(o.commissions.map((c) => c.entryId)), fc.constantFrom('settled' as const, 'paid' as const))
      .map(([ids, status]) => ({ settle: ids, status })),
  )

/** A decided order, steps after it, and what it was decided from (its rules and programme). */
export const orderAndSteps = decided.chain((d) =>
  fc.tuple(fc.constant(d.decision), fc.array(step(d.decision.order), { maxLength: 10 }), fc.constant(d)),
)
