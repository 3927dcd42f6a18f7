import { BatchGetCommand } from '@aws-sdk/lib-dynamodb'
import { AppError } from '../errors'
import { db } from './client'
import { tableName } from './table'
import type { KeyedRead } from './items'

type Key = { pk: string; sk: string }

/** BatchGetItem calls for one slice of keys, the first included, while DynamoDB leaves keys unprocessed. */
export const BATCH_GET_TRIES = 6

/**
 * Many items by key (BatchGetItem: keyed reads only, 100 keys a call), asking
 * again for whatever DynamoDB leaves unprocessed (it does when throttled or past
 * 16 MB) after a capped, jittered pause, at most BATCH_GET_TRIES calls per slice;
 * keys still unprocessed then are an AppError 'unavailable' (503, Retry-After).
 * Missing items are simply absent.
 * @example await batchGet([keys.distributor('d1'), keys.distributor('d2')])
 */
export async function batchGet(itemKeys: readonly Key[], consistent = false): Promise<Record<string, unknown>[]> {
  const T = tableName()
  const unique = [...new Map(itemKeys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()]
  const out: Record<string, unknown>[] = []
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
      [T]: { Keys: unique.slice(i, i + 100), ConsistentRead: consistent },
    }
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      if (attempt === BATCH_GET_TRIES)
        throw new AppError({ code: 'unavailable', message: 'The database is busy; try again shortly.' })
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.random() * Math.min(1000, 50 * 2 ** attempt)))
      const r = await db().send(new BatchGetCommand({ RequestItems: request }))
      out.push(...(r.Responses?.[T] ?? []))
      request = r.UnprocessedKeys as typeof request
    }
  }
  return out
}

/** What to read: per name, one item (or nothing, when the fact does not apply) or a list of items. */
type Reads = Record<string, KeyedRead<unknown> | readonly KeyedRead<unknown>[] | undefined | false | ''>

type ReadResults<R extends Reads> = {
  [K in keyof R]: R[K] extends readonly KeyedRead<infer T>[]
    ? T[]
    : R[K] extends KeyedRead<infer T>
      ? T | undefined
      : undefined
}

const keyId = (k: Key) => `${k.pk}\u0000${k.sk}`

/**
 * Items of different kinds in one BatchGetItem (consistent reads), each parsed by
 * its own reader: one round trip instead of one per item, for a use case that
 * needs several facts before it decides (an order's brand, click, code, binding).
 * A name given one reader gets its item or undefined; a name given a list gets
 * the items found, in the order asked; a name given nothing gets undefined.
 * @example const { brand, order } = await batchRead({ brand: brandRead(b), order: orderRead(b, o) })
 */
export async function batchRead<R extends Reads>(reads: R): Promise<ReadResults<R>> {
  const all = Object.values(reads).flatMap((r) => (!r ? [] : Array.isArray(r) ? r : [r])) as KeyedRead<unknown>[]
  const found = new Map(
    (all.length
      ? await batchGet(
          all.map((r) => r.key),
          true,
        )
      : []
    ).map((item) => [keyId(item as Key), item]),
  )
  const parse = (r: KeyedRead<unknown>) => {
    const item = found.get(keyId(r.key))
    return item ? r.parse(item) : undefined
  }
  const out: Record<string, unknown> = {}
  for (const [name, r] of Object.entries(reads)) {
    out[name] = !r
      ? undefined
      : Array.isArray(r)
        ? (r as KeyedRead<unknown>[]).map(parse).filter((x) => x !== undefined)
        : parse(r as KeyedRead<unknown>)
  }
  return out as ReadResults<R> // why: built name by name; ReadResults states what each name holds
}
