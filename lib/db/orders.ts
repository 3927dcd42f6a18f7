import { keys } from './keys'
import { getItem, strip, readOne, type KeyedRead } from './items'
import { tableName } from './table'
import { balanceDeltas, balanceUpdate, putEntry, type LedgerEntry } from './ledger'
import { transactOrExplain, type TransactItem } from './transact'
import { bindingItem } from './bindings'
import type { Candidate, AttributionSource } from '../domain/attribution'
import type { ChainMember, LineCommission } from '../domain/commission'
import type { PaidChain } from '../domain/chain'
import type { RefundState } from '../domain/refund'

export interface Binding {
  distributorId: string
  boundAt: string
  expiresAt: string | null
}

/** A commission as the order remembers it: enough to answer, refund and find the entry. */
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
  key: { pk: string; sk: string }
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

/** A customer's first order with a brand: whether a distributor brought them. */
export interface CustomerFirst {
  orderId: string
  referred: boolean
}

export interface StoredOrder {
  orderId: string
  brandId: string
  bodyHash: string
  customerId?: string
  clickId?: string
  refCode?: string
  currency: string
  paidAt: string
  lines: Array<{ sku: string; qty: number; unitPrice: number; discount?: number; category?: string; base: number }>
  total: number
  attribution: {
    distributorId: string | null
    source: AttributionSource | null
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

export const orderRead = (brandId: string, orderId: string): KeyedRead<StoredOrder> => ({
  key: keys.order(brandId, orderId),
  parse: strip<StoredOrder>,
})
export const bindingRead = (brandId: string, customerId: string): KeyedRead<Binding> => ({
  key: keys.binding(brandId, customerId),
  parse: strip<Binding>,
})
export const customerFirstRead = (brandId: string, customerId: string): KeyedRead<CustomerFirst> => ({
  key: keys.customerFirst(brandId, customerId),
  parse: (item) => ({ orderId: String(item.orderId), referred: item.referred === true }),
})

/** The stored order, read consistently (it decides idempotency), or undefined. */
export const getOrder = (brandId: string, orderId: string): Promise<StoredOrder | undefined> =>
  readOne(orderRead(brandId, orderId), true)

/** The customer's current binding to a distributor, if any. */
export const getBinding = (brandId: string, customerId: string): Promise<Binding | undefined> =>
  readOne(bindingRead(brandId, customerId), true)

/** Items an order's transaction writes besides its entries and balances. */
export const ORDER_FIXED_ITEMS = 3

export type WriteOrderResult = 'written' | 'exists' | 'retry'

/**
 * Writes an order, its ledger entries, the balance changes and the customer's
 * new binding in one TransactWriteItems. The order's conditional create is the
 * idempotency: a second delivery fails it and writes nothing. The binding is
 * guarded by the value it was decided from, so concurrent orders of one
 * customer cannot both rebind. A customer's first order also claims their FIRST
 * marker (only when the read found none): if another order claimed it meanwhile,
 * the transaction fails as 'retry' and the order is decided again as a repeat.
 */
export async function writeOrder(
  order: StoredOrder,
  entries: LedgerEntry[],
  binding: { next: Binding; previous: Binding | undefined } | null,
  firstOrder?: CustomerFirst,
): Promise<WriteOrderResult> {
  const T = tableName()
  const items: TransactItem[] = [
    {
      Put: {
        TableName: T,
        Item: { ...keys.order(order.brandId, order.orderId), entity: 'order', ...order },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]
  if (binding && order.customerId) {
    items.push({
      Put: {
        TableName: T,
        Item: bindingItem(order.brandId, order.customerId, binding.next),
        ...(binding.previous
          ? {
              ConditionExpression: 'boundAt = :b AND distributorId = :d',
              ExpressionAttributeValues: { ':b': binding.previous.boundAt, ':d': binding.previous.distributorId },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    })
  }
  if (firstOrder && order.customerId) {
    items.push({
      Put: {
        TableName: T,
        Item: {
          ...keys.customerFirst(order.brandId, order.customerId),
          entity: 'customerFirst',
          ...firstOrder,
          at: order.paidAt,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    })
  }
  items.push(...entries.map(putEntry))
  for (const [distributorId, delta] of balanceDeltas(entries))
    items.push(balanceUpdate(distributorId, order.currency, delta))
  return writeOutcome(items)
}

/** A stored refund: its body hash (a different body for the same id is a conflict) and what it reversed. */
export interface StoredRefund {
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

export async function getRefund(brandId: string, orderId: string, refundId: string): Promise<StoredRefund | undefined> {
  const item = await getItem(keys.refund(brandId, orderId, refundId), true)
  return item ? strip<StoredRefund>(item) : undefined
}

/**
 * Writes a refund in one transaction: the refund record (conditional create,
 * the idempotency), the order's new refund state (guarded by its version), the
 * reversal or adjustment entries, a check that each reversed entry still has the
 * status the reversal was decided from, and the balance changes.
 */
export async function writeRefund(
  brandId: string,
  order: StoredOrder,
  refund: StoredRefund,
  entries: LedgerEntry[],
  checked: ReadonlyArray<{ key: { pk: string; sk: string }; status: string }>,
): Promise<WriteOrderResult> {
  const T = tableName()
  const items: TransactItem[] = [
    {
      Put: {
        TableName: T,
        Item: { ...keys.refund(brandId, order.orderId, refund.refundId), entity: 'refund', ...refund },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: T,
        Key: keys.order(brandId, order.orderId),
        UpdateExpression: 'SET refunds = :r, reversed = :rev, refundIds = list_append(refundIds, :id), version = :next',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: {
          ':r': order.refunds,
          ':rev': order.reversed,
          ':id': [refund.refundId],
          ':next': order.version + 1,
          ':v': order.version,
        },
      },
    },
    ...entries.map(putEntry),
    ...checked.map((c) => ({
      ConditionCheck: {
        TableName: T,
        Key: c.key,
        ConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': c.status },
      },
    })),
  ]
  for (const [distributorId, delta] of balanceDeltas(entries))
    items.push(balanceUpdate(distributorId, order.currency, delta))
  return writeOutcome(items)
}

/**
 * Sends an order or refund transaction whose first item is the idempotency
 * record: 'exists' when that record is already there, 'retry' when another
 * condition failed (something changed since the caller read it).
 */
async function writeOutcome(items: TransactItem[]): Promise<WriteOrderResult> {
  // Any cancellation, a clash that outlasted transactWrite's retries too: the caller reads again and decides again.
  const r = await transactOrExplain(items, { anyCancellation: true })
  if (r.ok) return 'written'
  return r.failed.has(0) ? 'exists' : 'retry'
}
