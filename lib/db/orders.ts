import { stampFirstOrder } from './brands'
import { keys, timeSortKey } from './keys'
import { getItem, strip, readOne, type KeyedRead } from './items'
import { tableName } from './table'
import { balanceDeltas, balanceUpdate, entryKey, putEntry, type LedgerEntry } from './ledger'
import { transactOrExplain, type TransactItem } from './transact'
import { bindingItem } from './bindings'
import type { Binding, CustomerFirst, Order, OrderCommission, Refund } from '../domain/order'

// Orders and refunds are decided in lib/domain/order.ts; a stored commission also keeps its entry's key.
export type { Binding, CustomerFirst, OrderReporting } from '../domain/order'
export type StoredRefund = Refund

/** A commission as the stored order remembers it: the decided commission and the key of its ledger entry. */
export interface StoredCommission extends OrderCommission {
  key: { pk: string; sk: string }
}

export interface StoredOrder extends Omit<Order, 'commissions'> {
  commissions: StoredCommission[]
}

/** The order as stored: each commission with the key of its entry (a commission entry is dated by the payment). */
export const storedOrder = (order: Order): StoredOrder => ({
  ...order,
  commissions: order.commissions.map((c) => ({ ...c, key: entryKey({ ...c, at: order.paidAt }) })),
})

/**
 * The order item: its key, and, when a distributor is credited for a known customer, its GSI1
 * entry under that customer and distributor, so "my customer's orders with me" is one Query.
 */
export function orderItem(order: StoredOrder): Record<string, unknown> {
  const creditedId = order.attribution.distributorId
  return {
    ...keys.order(order.brandId, order.orderId),
    entity: 'order',
    ...order,
    ...(creditedId && order.customerId
      ? {
          gsi1pk: keys.customerOrdersWith(order.brandId, order.customerId, creditedId),
          gsi1sk: timeSortKey(order.paidAt, order.orderId),
        }
      : {}),
  }
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
export const ORDER_FIXED_ITEMS = 4

export type WriteOrderResult = 'written' | 'exists' | 'retry' | 'entryTaken'

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
  /** The brand's first order: stamp it on the brand, which fixes the brand's time zone. */
  brandFirstOrder = false,
): Promise<WriteOrderResult> {
  const T = tableName()
  const items: TransactItem[] = [
    {
      Put: {
        TableName: T,
        Item: orderItem(order),
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
  if (brandFirstOrder) items.push(stampFirstOrder(order.brandId, order.createdAt))
  items.push(...entries.map(putEntry))
  for (const [distributorId, delta] of balanceDeltas(entries))
    items.push(balanceUpdate(distributorId, order.currency, delta))
  return writeOutcome(items)
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
 * record: 'exists' when that record is already there, 'entryTaken' when a
 * ledger entry's key is already used (ids derive from the order: reading again
 * cannot help), 'retry' when another condition failed (something changed since
 * the caller read it) or a clash or throttling outlasted transactWrite's retries.
 */
async function writeOutcome(items: TransactItem[]): Promise<WriteOrderResult> {
  const r = await transactOrExplain(items, { anyCancellation: true })
  if (r.ok) return 'written'
  if (r.failed.has(0)) return 'exists'
  return [...r.failed.keys()].some((i) => items[i]?.Put?.Item?.entity === 'ledger') ? 'entryTaken' : 'retry'
}
