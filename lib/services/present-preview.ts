import type { CommissionPreview } from '../schemas/preview'
import type { SettlementPreview } from '../schemas/settlement'
import { settlementLineFigures } from './present-batch'
import type { previewCommissions } from './preview-commissions'
import type { previewSettlement } from './preview-settlement'

type PricedPreview = Awaited<ReturnType<typeof previewCommissions>>
type PlannedPreview = Awaited<ReturnType<typeof previewSettlement>>
type Totals = NonNullable<PlannedPreview['totals']>

const totalsOf = (t: Totals | undefined) =>
  t && {
    distributors: t.distributors,
    gross: t.gross,
    reversals: t.reversals,
    net: t.net,
    entries: t.entries,
    carriedForward: t.carriedForward,
  }

/** POST /api/rules/preview's answer, field by field from its response schema. */
export function presentCommissionPreview(p: PricedPreview): CommissionPreview {
  const commission = (d: PricedPreview['commissions'][number]) => ({
    distributorId: d.distributorId,
    level: d.level,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    ...(d.bps !== undefined ? { bps: d.bps } : {}),
    ...(d.fixed !== undefined ? { fixed: d.fixed } : {}),
    amount: d.amount,
    lines: d.lines.map((l) => ({ sku: l.sku, qty: l.qty, base: l.base, amount: l.amount })),
  })
  return {
    currency: p.currency,
    attribution: { distributorId: p.attribution.distributorId, source: p.attribution.source },
    total: p.total,
    commissions: p.commissions.map(commission),
    ...(p.draft ? { draft: { commissions: p.draft.commissions.map(commission) } } : {}),
  }
}

/** POST /api/settlements/preview's answer, field by field from its response schema. */
export function presentSettlementPreview(p: PlannedPreview): SettlementPreview {
  const line = (l: PlannedPreview['included'][number]) => ({
    ...settlementLineFigures(l),
    name: l.name,
    type: l.type,
  })
  return {
    batchId: p.batchId,
    period: p.period,
    end: p.end,
    timeZone: p.timeZone,
    currency: p.currency,
    payoutThreshold: p.payoutThreshold,
    ...('existing' in p && p.existing
      ? { existing: { status: p.existing.status, totals: totalsOf(p.existing.totals) } }
      : {}),
    totals: totalsOf(p.totals),
    included: p.included.map(line),
    carriedForward: p.carriedForward.map(line),
    more: p.more,
  }
}
