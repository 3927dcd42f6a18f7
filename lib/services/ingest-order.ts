import { createHash } from 'node:crypto'
import { ORDER_FIXED_ITEMS, type StoredOrder, storedOrder, writeOrder } from '../db/orders'
import type { LedgerEntry } from '../db/ledger'
import { CONFLICT, retryOnConflict } from '../db/retry-on-conflict'
import { MAX_TRANSACT_ITEMS } from '../db/transact'
import { decideOrder } from '../domain/order'
import { AppError, invalidField } from '../errors'
import type { OrderBody } from '../schemas/order'
import { brandOrThrow } from './get-brand-or-throw'
import { readOrderFacts, readParties } from './order-inputs'
import { presentOrder, type OrderResult } from './present-order'

/** A stable hash of the validated body: the same order sent twice hashes the same. */
export const bodyHashOf = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('hex')

/**
 * Ingests a paid order exactly once: attribution, the paid chain, commissions,
 * entries, balances and the customer's binding are decided (lib/domain/order.ts)
 * from fresh reads and written in one transaction. A repeat of a stored order
 * returns the stored result (created: false) and writes nothing; a different
 * body for the same id is a 409. Concurrent deliveries race on the order's conditional create;
 * a lost race reads and decides again (docs/architecture.md §6.2).
 */
export async function ingestOrder(
  brandId: string,
  body: OrderBody,
  now = new Date(),
): Promise<{ result: OrderResult; created: boolean }> {
  const bodyHash = bodyHashOf(body)
  return retryOnConflict(async () => {
    // Everything that does not depend on another read is read at once (order-inputs.ts). The order
    // is read up front although the write's condition would catch a repeat: duplicate deliveries are
    // common, and a cancelled transaction costs far more than one more key in a batch.
    const { brand: found, existing, facts, rules, lines, customerFirst } = await readOrderFacts(brandId, body)
    const brand = brandOrThrow(found)
    if (existing) return { result: sameOrderOrThrow(existing, bodyHash), created: false }
    if (body.currency !== brand.programme.currency)
      throw invalidField('currency', { reason: 'money.wrong_currency', params: { currency: brand.programme.currency } })

    const order = { ...body, lines }
    const { attribution, upline, ruleSet } = await readParties(brand, order, facts, rules)
    const decided = decideOrder(
      { brandId, body: order, bodyHash, attribution, binding: facts.binding, customerFirst },
      upline,
      ruleSet,
      brand.programme,
      now,
    )
    const stored = storedOrder(decided.order)
    const entries = entriesFitOrThrow(decided.entries)
    const outcome = await writeOrder(stored, entries, decided.binding, decided.firstOrder, !brand.firstOrderAt)
    if (outcome === 'written') return { result: presentOrder(stored), created: true }
    if (outcome === 'entryTaken')
      throw new AppError({
        code: 'conflict',
        message: `Order ${body.orderId} cannot be written: one of its ledger entries already exists.`,
      })
    // 'exists' (another delivery won) or 'retry' (a binding changed, a clash or throttling): read and decide again.
    return CONFLICT
  }, ORDER_RETRIES)
}

/**
 * An order still losing races after its tries is not the sender's fault: 503 with
 * Retry-After (lib/http/on-error.ts), so a sender that treats 4xx as final
 * delivers it again instead of dropping it. A different body stays a 409.
 */
const ORDER_RETRIES = {
  tries: 8,
  exhausted: () =>
    new AppError({ code: 'unavailable', message: 'The order is being written by another request; retry shortly.' }),
}

function sameOrderOrThrow(existing: StoredOrder, bodyHash: string): OrderResult {
  if (existing.bodyHash !== bodyHash) {
    throw new AppError({
      code: 'conflict',
      message: `Order ${existing.orderId} was already received with a different body.`,
      fields: { orderId: { reason: 'order.id_reused' } },
    })
  }
  return presentOrder(existing)
}

/** An order is written in one transaction: its entries, one balance per distributor paid and the order's own items. */
function entriesFitOrThrow(entries: LedgerEntry[]): LedgerEntry[] {
  const distributorsPaid = new Set(entries.map((e) => e.distributorId)).size
  if (entries.length + distributorsPaid + ORDER_FIXED_ITEMS > MAX_TRANSACT_ITEMS) {
    throw invalidField('lines', {
      reason: 'order.too_many_entries',
      params: { entries: entries.length, maximum: MAX_TRANSACT_ITEMS - ORDER_FIXED_ITEMS - distributorsPaid },
    })
  }
  return entries
}
