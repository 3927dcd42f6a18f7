import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { cursorAfter, startKeyOf } from './items'
import { keys } from './keys'
import { tableName } from './table'
import { transactOrExplain, type TransactItem } from './transact'
import type { Binding } from './orders'

/**
 * The binding item as every writer stores it: the customer's key, the binding,
 * and its GSI2 entry `BOUND#<distributorId>` / customerId, so a distributor's
 * bound customers are one Query (a hand-over moves them without a scan).
 * @example bindingItem('b1', 'c9', { distributorId: 'd1', boundAt, expiresAt: null })
 */
export function bindingItem(brandId: string, customerId: string, binding: Binding): Record<string, unknown> {
  return {
    ...keys.binding(brandId, customerId),
    entity: 'binding',
    ...binding,
    customerId,
    gsi2pk: keys.boundTo(binding.distributorId),
    gsi2sk: customerId,
  }
}

export interface BoundCustomer {
  key: { pk: string; sk: string }
  customerId: string
  distributorId: string
  boundAt: string
  expiresAt: string | null
}

/** A page of the customers bound to a distributor (GSI2, eventually consistent: a mover checks each one's current holder). */
export async function listBoundCustomers(
  distributorId: string,
  opts: { cursor?: string; limit?: number },
): Promise<{ items: BoundCustomer[]; nextCursor?: string }> {
  const input = {
    IndexName: 'GSI2',
    KeyConditionExpression: 'gsi2pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.boundTo(distributorId) },
    Limit: opts.limit ?? 100,
  }
  const start = startKeyOf(input, opts.cursor)
  const r = await db().send(new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }))
  const items = (r.Items ?? []).map((i) => ({
    key: { pk: String(i.pk), sk: String(i.sk) },
    customerId: String(i.gsi2sk),
    distributorId: String(i.distributorId),
    boundAt: String(i.boundAt ?? ''),
    expiresAt: typeof i.expiresAt === 'string' ? i.expiresAt : null,
  }))
  return { items, nextCursor: cursorAfter(input, r.LastEvaluatedKey) }
}

/**
 * Moves bindings from one distributor to another in one transaction, each guarded
 * by its current holder (a customer an order just rebound elsewhere is left
 * alone), together with `extra` (the hand-over's count). The binding window
 * (boundAt, expiresAt) is kept. Returns how many moved; a binding whose guard
 * failed is dropped and the rest retried.
 */
export async function moveBindings(
  customers: readonly BoundCustomer[],
  fromId: string,
  toId: string,
  extra: (moved: number) => TransactItem,
  at: string,
): Promise<number> {
  let chunk = [...customers]
  while (chunk.length > 0) {
    const items: TransactItem[] = chunk.map((c) => ({
      Update: {
        TableName: tableName(),
        Key: c.key,
        UpdateExpression: 'SET distributorId = :to, gsi2pk = :pk, handedOverFrom = :from, handedOverAt = :at',
        ConditionExpression: 'distributorId = :from',
        ExpressionAttributeValues: { ':to': toId, ':pk': keys.boundTo(toId), ':from': fromId, ':at': at },
      },
    }))
    items.push(extra(chunk.length))
    const r = await transactOrExplain(items)
    if (r.ok) return chunk.length
    chunk = chunk.filter((_, i) => !r.failed.has(i))
  }
  return 0
}
