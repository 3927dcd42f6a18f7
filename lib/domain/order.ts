import type { Distributor } from '../schemas/distributor'
import type { OrderBody } from '../schemas/order'
import type { Programme } from '../schemas/programme'
import { type Attribution, type Candidate, nextBinding } from './attribution'
import { chainFor, type PaidChain } from './chain'
import { type ChainMember, commissionsFor, type LineCommission, lineBase } from './commission'
import { commissionEntries, type LedgerEntry, reversalOf } from './ledger'
import { applyRefund, type RefundIssue, type RefundRequest, type RefundState, refundedBase } from './refund'
import type { RuleSet } from './rule-resolution'

/** A customer's binding to a distributor: later orders are credited to them while it lasts. */
export interface Binding {
  distributorId: string
  boundAt: string
  expiresAt: string | null
}

/** A customer's first order with a brand: whether a distributor brought them. */
export interface CustomerFirst {
  orderId: string
  referred: boolean
}

/** A commission as the order remembers it: enough to answer and to refund. */
export interface OrderCommission {
  entryId: string
  distributorId: string
  level: number
  amount: number
  uncapped: number
  ruleId: string
  ruleVersion: number
  bps?: number
  fixed?: number
  status: LedgerEntry['status']
  lines: LineCommission[]
}

/**
 * Who reports count an order under, fixed when it is written: the credited
 * distributor's ring, type and store then (ring 0, type "none" when nobody was
 * credited), and what the order says about its customer.
 */
export interface OrderReporting {
  distributorId: string | null
  ring: number
  type: string
  store?: string
  /** The customer's first order with the brand (by arrival), per the customer's FIRST marker. */
  firstOrderOfCustomer: boolean
  /** The customer's first order was credited to a distributor: a referred customer. */
  referredCustomer: boolean
  /** The credited distributor's recruiters at the time (nearest first): the order also counts in their teams. */
  ancestors?: string[]
}

/** An order as decided: what was paid, who was credited and why, what it earned, and what was refunded since. */
export interface Order {
  orderId: string
  brandId: string
  bodyHash: string
  customerId?: string
  clickId?: string
  refCode?: string
  currency: string
  paidAt: string
  lines: Array<{
    sku: string
    qty: number
    unitPrice: number
    discount?: number
    category?: string
    base: number
    /** The sender's ids of the lines merged into this one (Shopify line item ids): a Shopify refund names lines by them. */
    externalLineIds?: string[]
  }>
  total: number
  attribution: {
    distributorId: string | null
    source: Attribution['source']
    candidates: Candidate[]
    chain: ChainMember[]
    skipped: PaidChain['skipped']
  }
  commissions: OrderCommission[]
  refunds: RefundState
  reversed: Record<string, number>
  refundIds: string[]
  version: number
  createdAt: string
  /** Absent on orders stored before reports: those are not counted. */
  reporting?: OrderReporting
}

/** A refund as decided: its body hash (a different body for the same id is a conflict) and what it reversed. */
export interface Refund {
  refundId: string
  orderId: string
  bodyHash: string
  reversals: Array<{
    entryId: string
    distributorId: string
    amount: number
    kind: LedgerEntry['kind']
    status: LedgerEntry['status']
  }>
  createdAt: string
  /** For reports: the brand, when the order was paid, the base amount this refund gives back, and the order's reporting. */
  brandId?: string
  paidAt?: string
  base?: number
  reporting?: OrderReporting
}

/** What an order's decision needs of a distributor. */
export type Party = Pick<Distributor, 'id' | 'status' | 'type' | 'externalId' | 'ancestors' | 'ring' | 'store'>

/** The programme settings an order is decided by. */
export type OrderProgramme = Pick<Programme, 'maxLevels' | 'bindingDays' | 'bindingPolicy' | 'holdDays' | 'defaultBps'>

/** Everything an order is decided from besides its upline, rules and programme. */
export interface OrderFacts {
  brandId: string
  /** The validated body, its lines with their product's category filled in. */
  body: OrderBody
  bodyHash: string
  /** Who the order credits (attributeOrder). */
  attribution: Attribution
  /** The customer's binding as read: the new binding is guarded by it. */
  binding: Binding | undefined
  /** The customer's first order, if they have one already. */
  customerFirst: CustomerFirst | undefined
}

export interface OrderDecision {
  order: Order
  /** The commission entries, one per order commission and in the same order. */
  entries: LedgerEntry[]
  /** The customer's new binding with the one it replaces, or null for no change. */
  binding: { next: Binding; previous: Binding | undefined } | null
  /** The customer's FIRST marker when this is their first order. */
  firstOrder: CustomerFirst | undefined
}

/**
 * Decides a paid order: its paid chain (the credited distributor and the
 * recruiters in `upline`, suspended ones skipped), its commissions by the rules,
 * the entries with their hold, the customer's binding and first-order marker,
 * and the order as it will be stored. Pure: the caller reads and writes.
 */
export function decideOrder(
  facts: OrderFacts,
  upline: ReadonlyMap<string, Party>,
  rules: RuleSet,
  programme: OrderProgramme,
  now: Date,
): OrderDecision {
  const { body, attribution } = facts
  const credited = attribution.distributorId ? upline.get(attribution.distributorId) : undefined
  const chain = credited
    ? chainFor(credited.id, credited.ancestors, upline, programme.maxLevels)
    : { members: [], skipped: [] }
  const lines = body.lines.map((l) => ({ ...l, base: lineBase(l) }))
  const drafts = commissionsFor(lines, chain.members, rules, body.paidAt, programme.defaultBps).filter(
    (d) => d.amount > 0,
  )
  const entries = commissionEntries(drafts, { ...body, brandId: facts.brandId }, programme.holdDays, upline, now)
  const next = nextBinding(facts.binding, attribution.distributorId, body.paidAt, programme)
  // A customer's first order (by arrival) claims their FIRST marker; a referred customer is one whose first order was credited.
  const firstOrder =
    body.customerId && !facts.customerFirst ? { orderId: body.orderId, referred: credited !== undefined } : undefined
  const order: Order = {
    orderId: body.orderId,
    brandId: facts.brandId,
    bodyHash: facts.bodyHash,
    customerId: body.customerId,
    clickId: body.clickId,
    refCode: body.refCode,
    currency: body.currency,
    paidAt: body.paidAt,
    lines,
    total: lines.reduce((s, l) => s + l.base, 0),
    attribution: {
      distributorId: attribution.distributorId,
      source: attribution.source,
      candidates: attribution.candidates,
      chain: chain.members,
      skipped: chain.skipped,
    },
    commissions: entries.map((e, i) => ({
      entryId: e.entryId,
      distributorId: e.distributorId,
      level: e.level,
      amount: e.amount,
      uncapped: drafts[i]?.uncapped ?? e.amount,
      ruleId: e.ruleId,
      ruleVersion: e.ruleVersion,
      bps: e.bps,
      fixed: e.fixed,
      status: e.status,
      lines: e.lines,
    })),
    refunds: { qty: {}, amount: 0 },
    reversed: {},
    refundIds: [],
    version: 1,
    createdAt: now.toISOString(),
    reporting: {
      distributorId: credited?.id ?? null,
      ring: credited?.ring ?? 0,
      type: credited?.type ?? 'none',
      store: credited?.store,
      ancestors: credited?.ancestors,
      firstOrderOfCustomer: firstOrder !== undefined,
      referredCustomer: (firstOrder ?? facts.customerFirst)?.referred ?? false,
    },
  }
  return { order, entries, binding: next ? { next, previous: facts.binding } : null, firstOrder }
}

export type RefundDecision<O extends Order> =
  | {
      ok: true
      /** The order with its new refund state. */
      order: O
      refund: Refund
      /** The reversal and adjustment entries to write. */
      reversals: LedgerEntry[]
      /** Each reversed commission with the status its reversal was decided from: the write checks it still holds. */
      checks: Array<{ entryId: string; status: LedgerEntry['status'] }>
    }
  | { ok: false; field: string; issue: RefundIssue }

/**
 * Decides a refund of an order: its commissions are reversed pro rata
 * (lib/domain/refund.ts), each by a reversal or, once settled, an adjustment
 * (reversalOf). `entries` are the order's commission entries as read now: their
 * status decides the kind. Returns the field at fault when the refund is not possible.
 */
export function decideRefund<O extends Order>(
  order: O,
  entries: readonly LedgerEntry[],
  refund: { refundId: string; bodyHash: string; request: RefundRequest },
  now: Date,
): RefundDecision<O> {
  const outcome = applyRefund(
    order.lines,
    order.commissions.map((c) => ({ ...c, reversed: order.reversed[c.entryId] ?? 0 })),
    order.refunds,
    refund.request,
  )
  if (!outcome.ok) return outcome
  const byId = new Map(entries.map((e) => [e.entryId, e]))
  const originalOf = (entryId: string): LedgerEntry => {
    const e = byId.get(entryId)
    if (!e) throw new Error('A commission entry of the order is missing from the ledger.')
    return e
  }
  const reversals = outcome.reversals.map((r) => reversalOf(originalOf(r.entryId), r.amount, refund.refundId, now))
  const reversed = { ...order.reversed }
  for (const r of outcome.reversals) reversed[r.entryId] = (reversed[r.entryId] ?? 0) + r.amount
  return {
    ok: true,
    order: { ...order, refunds: outcome.state, reversed },
    refund: {
      refundId: refund.refundId,
      orderId: order.orderId,
      bodyHash: refund.bodyHash,
      reversals: reversals.map((e) => ({
        entryId: e.entryId,
        distributorId: e.distributorId,
        amount: e.amount,
        kind: e.kind,
        status: e.status,
      })),
      createdAt: now.toISOString(),
      brandId: order.brandId,
      paidAt: order.paidAt,
      base: refundedBase(order.lines, outcome.state) - refundedBase(order.lines, order.refunds),
      reporting: order.reporting,
    },
    reversals,
    checks: outcome.reversals.map((r) => ({ entryId: r.entryId, status: originalOf(r.entryId).status })),
  }
}
