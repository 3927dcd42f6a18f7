import { BatchGetCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { tableName } from './table'
import type { KeyedRead } from './items'

type Key = { pk: string; sk: string }

/**
 * Many items by key (BatchGetItem: keyed reads only, 100 keys a call), retrying
 * whatever DynamoDB leaves unprocessed. Missing items are simply absent.
 * @example await batchGet([keys.distributor('d1'), keys.distributor('d2')])
 */
export async function batchGet(itemKeys: readonly Key[], consistent = false): Promise<Record<string, unknown>[]> {
  const T = tableName()
  const unique = [...new Map(itemKeys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()]
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = { [T]: { Keys: unique.slice(i, i + 100), ConsistentRead: consistent } }
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)))
      const r = await db().send(new BatchGetCommand({ RequestItems: request }))
      out.push(...(r.Responses?.[T] ?? []))
      request = r.UnprocessedKeys as typeof request
    }
  }
  return out
}

type ReadResults<R extends readonly KeyedRead<unknown>[]> = { [I in keyof R]: R[I] extends KeyedRead<infer T> ? T | undefined : never }

const keyId = (k: Key) => `${k.pk}\u0000${k.sk}`

/**
 * Items of different kinds in one BatchGetItem (consistent reads), each parsed by
 * its own reader and returned in the order asked; absent items are undefined.
 * One round trip instead of one per item: a use case that needs several facts
 * before it decides (an order's brand, click, code, binding) reads them at once.
 * @example const [brand, order] = await batchRead([brandRead(b), orderRead(b, o)] as const)
 */
export async function batchRead<R extends readonly KeyedRead<unknown>[]>(reads: R): Promise<ReadResults<R>> {
  const found = new Map((await batchGet(reads.map((r) => r.key), true)).map((item) => [keyId(item as Key), item]))
  return reads.map((r) => {
    const item = found.get(keyId(r.key))
    return item ? r.parse(item) : undefined
  }) as ReadResults<R> // why: map() loses the tuple's per-position types that ReadResults restores
}
