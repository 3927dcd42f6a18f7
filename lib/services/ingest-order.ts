import { createHash } from 'node:crypto'
import { writeOrder, ORDER_FIXED_ITEMS, type CustomerFirst, type StoredOrder } from '../db/orders'
import { getDistributors } from '../db/distributors-batch'
import { entryIdFor, entryKey, type LedgerEntry } from '../db/ledger'
import { MAX_TRANSACT_ITEMS } from '../db/transact'
import { attribute, nextBinding } from '../domain/attribution'
import { chainFor } from '../domain/chain'
import { commissionsFor, lineBase } from '../domain/commission'
import type { RuleSet } from '../domain/rule-resolution'
import { AppError, invalidField } from '../errors'
import type { Brand } from '../schemas/brand'
import type { OrderBody } from '../schemas/order'
import type { Distributor } from '../schemas/distributor'
import type { Rule } from '../schemas/rule'
import { brandOrThrow } from './get-brand-or-throw'
import { readCandidates, readOrderFacts, type AttributionFacts } from './order-inputs'
import { presentOrder, type OrderResult } from './present-order'

const DAY_MS = 86_400_000

/** A stable hash of the validated body: the same order sent twice hashes the same. */
export const bodyHashOf = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('hex')

/**
 * Ingests a paid order exactly once: attribution, the paid chain, commissions,
 * entries, balances and the customer's binding are decided from fresh reads and
 * written in one transaction. A repeat of a stored order returns the stored
 * result (created: false) and writes nothing; a different body for the same id
 * is a 409. Concurrent deliveries race on the order's conditional create.
 */
export async function ingestOrder(
  brandId: string,
  body: OrderBody,
  now = new Date(),
): Promise<{ result: OrderResult; created: boolean }> {
  const bodyHash = bodyHashOf(body)
  for (let attempt = 0; attempt < 8; attempt++) {
    // Everything that does not depend on another read is read at once (order-inputs.ts). The order
    // is read up front although the write's condition would catch a repeat: duplicate deliveries are
    // common, and a cancelled transaction costs far more than one more key in a batch.
    const { brand: found, existing, facts, rules, lines, customerFirst } = await readOrderFacts(brandId, body)
    const brand = brandOrThrow(found)
    if (existing) return { result: sameOrderOrThrow(existing, bodyHash), created: false }
    if (body.currency !== brand.programme.currency)
      throw invalidField('currency', `This brand settles in ${brand.programme.currency}.`)

    const { order, entries, binding, firstOrder } = await decide(
      brand,
      body,
      { bodyHash, facts, rules, lines, customerFirst },
      now,
    )
    const outcome = await writeOrder(order, entries, binding, firstOrder)
    if (outcome === 'written') return { result: presentOrder(order), created: true }
    // 'exists' (another delivery won) or 'retry' (a binding or transaction conflict): read again and decide again.
    await new Promise((r) => setTimeout(r, Math.random() * 20 * (attempt + 1)))
  }
  throw new AppError({ code: 'conflict', message: 'The order is being written by another request; retry.' })
}

function sameOrderOrThrow(existing: StoredOrder, bodyHash: string): OrderResult {
  if (existing.bodyHash !== bodyHash) {
    throw new AppError({
      code: 'conflict',
      message: `Order ${existing.orderId} was already received with a different body.`,
      fields: { orderId: 'Already used for a different order.' },
    })
  }
  return presentOrder(existing)
}

interface Facts {
  bodyHash: string
  facts: AttributionFacts
  rules: Rule[]
  lines: OrderBody['lines']
  /** The customer's first order, if they have one already (read with the other facts). */
  customerFirst: CustomerFirst | undefined
}

async function decide(
  brand: Brand,
  body: OrderBody,
  { bodyHash, facts, rules, lines: catalogued, customerFirst }: Facts,
  now: Date,
) {
  const p = brand.programme
  const candidateIds = [
    facts.click?.found ? facts.click.distributorId : '',
    facts.ref?.found ? facts.ref.distributorId : '',
    facts.binding?.distributorId ?? '',
  ].filter(Boolean)
  const { known, campaigns } = await readCandidates(
    brand.id,
    [...candidateIds, ...facts.remembered.slice(0, p.maxLevels - 1)],
    rules,
  )
  const candidates = new Map(
    candidateIds.flatMap((id) => (known.has(id) ? [[id, known.get(id) as Distributor] as const] : [])),
  )
  const attribution = attribute({
    paidAt: body.paidAt,
    customerId: body.customerId,
    bindingDays: p.bindingDays,
    selfPurchase: p.selfPurchase,
    click: facts.click,
    ref: facts.ref,
    binding: facts.binding,
    distributors: candidates,
  })

  // The paid upline comes from the credited distributor's own (fresh) ancestors; what the link or code remembered
  // was only a guess to save a round trip, and whatever it missed is read now.
  const credited = attribution.distributorId ? candidates.get(attribution.distributorId) : undefined
  const uplineIds = credited ? credited.ancestors.slice(0, p.maxLevels - 1) : []
  const unread = uplineIds.filter((id) => !known.has(id))
  if (unread.length > 0) for (const [id, d] of await getDistributors(unread)) known.set(id, d)
  const upline = new Map(
    credited ? [credited, ...uplineIds.flatMap((id) => known.get(id) ?? [])].map((d) => [d.id, d]) : [],
  )
  const ruleSet: RuleSet = { rules, campaigns }
  const chain = credited ? chainFor(credited.id, credited.ancestors, upline, p.maxLevels) : { members: [], skipped: [] }

  const lines = catalogued.map((l) => ({ ...l, base: lineBase(l) }))
  const drafts = commissionsFor(lines, chain.members, ruleSet, body.paidAt, p.defaultBps).filter((d) => d.amount > 0)
  const availableAt = new Date(Date.parse(body.paidAt) + p.holdDays * DAY_MS).toISOString()
  const status = Date.parse(availableAt) <= now.getTime() ? 'available' : 'pending'
  const entries: LedgerEntry[] = drafts.map((d) => ({
    entryId: entryIdFor(brand.id, body.orderId, String(d.level), d.ruleId),
    brandId: brand.id,
    distributorId: d.distributorId,
    orderId: body.orderId,
    kind: 'commission',
    level: d.level,
    ruleId: d.ruleId,
    ruleVersion: d.ruleVersion,
    bps: d.bps,
    fixed: d.fixed,
    base: d.lines.reduce((s, l) => s + l.base, 0),
    amount: d.amount,
    currency: body.currency,
    status,
    at: body.paidAt,
    paidAt: body.paidAt,
    availableAt,
    availableSince: status === 'available' ? now.toISOString() : undefined,
    createdAt: now.toISOString(),
    lines: d.lines,
    ring: upline.get(d.distributorId)?.ring,
    type: upline.get(d.distributorId)?.type,
  }))
  const distributorsPaid = new Set(entries.map((e) => e.distributorId)).size
  if (entries.length + distributorsPaid + ORDER_FIXED_ITEMS > MAX_TRANSACT_ITEMS) {
    throw invalidField(
      'lines',
      `This order would need ${entries.length} commission entries; split rules so an order uses at most ${MAX_TRANSACT_ITEMS - ORDER_FIXED_ITEMS - distributorsPaid}.`,
    )
  }

  const next = nextBinding(facts.binding, attribution.distributorId, body.paidAt, p)
  // A customer's first order (by arrival) claims their FIRST marker; a referred customer is one whose first order was credited.
  const firstOrder =
    body.customerId && !customerFirst ? { orderId: body.orderId, referred: credited !== undefined } : undefined
  const order: StoredOrder = {
    orderId: body.orderId,
    brandId: brand.id,
    bodyHash,
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
      key: entryKey(e),
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
      referredCustomer: (firstOrder ?? customerFirst)?.referred ?? false,
    },
  }
  return { order, entries, binding: next ? { next, previous: facts.binding } : null, firstOrder }
}
