import { commissionsFor } from './commission'
import type { Order } from './order'
import { applyRefund, type EntryForRefund, refundedBase } from './refund'
import type { RuleSet } from './rule-resolution'

/**
 * A backtest replays stored orders under a draft rule set (docs/architecture.md, backtest): each order's
 * lines, chain and paid time exactly as stored, priced by the order path's own `commissionsFor`, with the
 * order's refunds applied by the order path's own `applyRefund`. Pure; the tally grows with distributors
 * and rules, never with orders, so a replay of any length runs in flat memory.
 */

/** What one order paid and would pay, net of its refunds, per earner, level and rule. */
export interface ReplayedOrder {
  gmv: number
  ring: number
  actual: Earned[]
  draft: Earned[]
}

export interface Earned {
  distributorId: string
  type: string
  level: number
  ruleId: string
  amount: number
}

/** The order as stored: what its commissions paid, less what its refunds reversed. */
function actualOf(order: Order): Earned[] {
  const typeOf = new Map(order.attribution.chain.map((m) => [m.level, m.type]))
  return order.commissions.map((c) => ({
    distributorId: c.distributorId,
    type: typeOf.get(c.level) ?? 'unknown',
    level: c.level,
    ruleId: c.ruleId,
    amount: c.amount - (order.reversed[c.entryId] ?? 0),
  }))
}

/** The order under the draft: its chain priced by the draft rules, then its refund state applied. */
function draftOf(order: Order, draft: RuleSet, defaultBps: readonly number[]): Earned[] {
  const drafts = commissionsFor(order.lines, order.attribution.chain, draft, order.paidAt, defaultBps)
  const entries: EntryForRefund[] = drafts.map((d, i) => ({
    entryId: String(i),
    amount: d.amount,
    uncapped: d.uncapped,
    lines: d.lines,
    reversed: 0,
  }))
  const reversed = new Map<string, number>()
  const lines = order.lines.map((l) => ({ sku: l.sku, qty: l.qty, base: l.base }))
  const refundedLines = Object.entries(order.refunds.qty).filter(([, qty]) => qty > 0)
  let state = { qty: {}, amount: 0 }
  // The stored refund state, replayed as one line refund and one amount refund: applyRefund reverses the
  // share of the final state whatever the steps, so two steps give what the order's refunds gave.
  for (const request of [
    refundedLines.length > 0 ? { lines: refundedLines.map(([sku, qty]) => ({ sku, qty })) } : null,
    order.refunds.amount > 0 ? { amount: order.refunds.amount } : null,
  ]) {
    if (!request) continue
    const outcome = applyRefund(
      lines,
      entries.map((e) => ({ ...e, reversed: reversed.get(e.entryId) ?? 0 })),
      state,
      request,
    )
    if (!outcome.ok) break
    state = outcome.state
    for (const r of outcome.reversals) reversed.set(r.entryId, (reversed.get(r.entryId) ?? 0) + r.amount)
  }
  return drafts.map((d, i) => ({
    distributorId: d.distributorId,
    type: order.attribution.chain.find((m) => m.level === d.level)?.type ?? 'unknown',
    level: d.level,
    ruleId: d.ruleId,
    amount: d.amount - (reversed.get(String(i)) ?? 0),
  }))
}

export function replayOrder(order: Order, draft: RuleSet, defaultBps: readonly number[]): ReplayedOrder {
  const lines = order.lines.map((l) => ({ sku: l.sku, qty: l.qty, base: l.base }))
  return {
    gmv: lines.reduce((s, l) => s + l.base, 0) - refundedBase(lines, order.refunds),
    ring: order.reporting?.ring ?? 0,
    actual: actualOf(order),
    draft: draftOf(order, draft, defaultBps),
  }
}

/** Actual and draft totals under one key (a ring, a type, a level, a rule or a distributor). */
export interface Pair {
  key: string
  actual: number
  draft: number
  difference: number
}

export interface BacktestResult {
  orders: number
  gmv: number
  actual: { commission: number }
  draft: { commission: number }
  difference: number
  byRing: Pair[]
  byType: Pair[]
  byLevel: Pair[]
  byRule: Pair[]
  /** The distributors whose pay rises most under the draft, largest first (at most `top`). */
  gainers: Pair[]
  losers: Pair[]
}

type Sums = Map<string, { actual: number; draft: number }>

const bump = (sums: Sums, key: string, side: 'actual' | 'draft', amount: number) => {
  const s = sums.get(key) ?? { actual: 0, draft: 0 }
  s[side] += amount
  sums.set(key, s)
}

const pairs = (sums: Sums): Pair[] =>
  [...sums]
    .map(([key, s]) => ({ key, actual: s.actual, draft: s.draft, difference: s.draft - s.actual }))
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }))

/** Accumulates replayed orders; `result()` can be read at any point (a job reports progress with it). */
export class BacktestTally {
  private orders = 0
  private gmv = 0
  private readonly byRing: Sums = new Map()
  private readonly byType: Sums = new Map()
  private readonly byLevel: Sums = new Map()
  private readonly byRule: Sums = new Map()
  private readonly byDistributor: Sums = new Map()

  add(replayed: ReplayedOrder): void {
    this.orders += 1
    this.gmv += replayed.gmv
    for (const side of ['actual', 'draft'] as const) {
      for (const e of replayed[side]) {
        bump(this.byRing, String(replayed.ring), side, e.amount)
        bump(this.byType, e.type, side, e.amount)
        bump(this.byLevel, String(e.level), side, e.amount)
        bump(this.byRule, e.ruleId, side, e.amount)
        bump(this.byDistributor, e.distributorId, side, e.amount)
      }
    }
  }

  result(top = 20): BacktestResult {
    const distributors = pairs(this.byDistributor).filter((p) => p.difference !== 0)
    const actual = [...this.byLevel.values()].reduce((s, x) => s + x.actual, 0)
    const draft = [...this.byLevel.values()].reduce((s, x) => s + x.draft, 0)
    return {
      orders: this.orders,
      gmv: this.gmv,
      actual: { commission: actual },
      draft: { commission: draft },
      difference: draft - actual,
      byRing: pairs(this.byRing),
      byType: pairs(this.byType),
      byLevel: pairs(this.byLevel),
      byRule: pairs(this.byRule),
      gainers: distributors
        .filter((p) => p.difference > 0)
        .sort((a, b) => b.difference - a.difference || a.key.localeCompare(b.key))
        .slice(0, top),
      losers: distributors
        .filter((p) => p.difference < 0)
        .sort((a, b) => a.difference - b.difference || a.key.localeCompare(b.key))
        .slice(0, top),
    }
  }
}
