import { keys } from './keys'
import { tableName } from './table'
import { transactOrExplain, type TransactItem } from './transact'
import {
  ACTIVE_SHARDS,
  DISTRIBUTOR_DAY_SHARDS,
  HEADCOUNT_SHARDS,
  LINK_SHARDS,
  RING_DAY_SHARDS,
  STORE_DAY_SHARDS,
  TEAM_DAY_SHARDS,
  increment,
  linkScope,
  randomShard,
  counterShardOf,
} from './counters'
import { headcountSks, memberAttribute, ringDaySk } from './report-layout'
import type { CounterDelta, DistributorField, StoreField } from '../domain/counter-deltas'

/** Counter updates per transaction: under DynamoDB's 100 items, with room for the stream batch's chunk marker. */
export const UPDATES_PER_CHUNK = 90
/** Attributes (or set members) per update: keeps an UpdateExpression far below its 4 KB limit. */
const ATTRIBUTES_PER_UPDATE = 60
/** Markers only need to outlive the stream's retries (records live 24 hours). */
const MARKER_TTL_SECONDS = 2 * 86_400

/** One UpdateItem of a counter item, with the item it touches (a transaction may touch an item once). */
export interface CounterUpdate {
  item: string
  op: TransactItem
}

const keyOf = (op: TransactItem) => {
  const k = (op.Update?.Key ?? {}) as { pk: string; sk: string }
  return `${k.pk}\u0000${k.sk}`
}
const asUpdate = (op: TransactItem): CounterUpdate => ({ item: keyOf(op), op })

/** ADDs to many top-level attributes of one item, split so no update grows too long. */
function addAttributes(key: { pk: string; sk: string }, adds: ReadonlyArray<[string, number]>): CounterUpdate[] {
  const out: CounterUpdate[] = []
  for (let i = 0; i < adds.length; i += ATTRIBUTES_PER_UPDATE) {
    const part = adds.slice(i, i + ATTRIBUTES_PER_UPDATE)
    const op = {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: `ADD ${part.map((_, j) => `#a${j} :a${j}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(part.map(([name], j) => [`#a${j}`, name])),
        ExpressionAttributeValues: Object.fromEntries(part.map(([, n], j) => [`:a${j}`, n])),
      },
    }
    out.push(asUpdate(op))
  }
  return out
}

/** Groups per-member adds by the item they land in (brand, day, fixed shard). */
function byItem(entries: Array<{ key: { pk: string; sk: string }; name: string; n: number }>): CounterUpdate[] {
  const items = new Map<string, { key: { pk: string; sk: string }; adds: Map<string, number> }>()
  for (const e of entries) {
    const id = `${e.key.pk}\u0000${e.key.sk}`
    const it = items.get(id) ?? { key: e.key, adds: new Map() }
    it.adds.set(e.name, (it.adds.get(e.name) ?? 0) + e.n)
    items.set(id, it)
  }
  return [...items.values()].flatMap((it) =>
    addAttributes(
      it.key,
      [...it.adds].filter(([, n]) => n !== 0),
    ),
  )
}

/**
 * The UpdateItems that apply a batch's deltas, in a stable order. Ring/type rows,
 * headcounts and team days go to a random shard (readers sum all shards); a
 * distributor's, a store's and the active sets go to the shard of their id, many
 * members an item.
 */
export function counterUpdates(deltas: readonly CounterDelta[]): CounterUpdate[] {
  const out: CounterUpdate[] = []
  const members: Array<{ key: { pk: string; sk: string }; name: string; n: number }> = []
  const active = new Map<string, { key: { pk: string; sk: string }; ids: string[] }>()
  for (const d of deltas) {
    switch (d.counter) {
      case 'link':
        out.push(asUpdate(increment(linkScope(d.code), LINK_SHARDS, 'total', d.add)))
        break
      case 'ringDay':
        out.push(
          asUpdate(
            increment(
              keys.reportScope(d.brandId, 'RPT'),
              RING_DAY_SHARDS,
              ringDaySk(d.day, d.ring, d.type),
              d.add as Record<string, number>,
            ),
          ),
        )
        break
      case 'headcount':
        for (const sk of headcountSks(d.day, d.ring, d.type))
          out.push(asUpdate(increment(keys.reportScope(d.brandId, 'HC'), HEADCOUNT_SHARDS, sk, d.add)))
        break
      case 'distributorDay': {
        const key = keys.counter(
          keys.reportScope(d.brandId, 'DDAY'),
          counterShardOf(d.distributorId, DISTRIBUTOR_DAY_SHARDS),
          d.day,
        )
        for (const [f, n] of Object.entries(d.add))
          members.push({ key, name: memberAttribute(f as DistributorField, d.type, d.distributorId), n })
        break
      }
      case 'teamDay':
        out.push(
          ...addAttributes(
            keys.teamCounter(d.brandId, d.distributorId, d.day, randomShard(TEAM_DAY_SHARDS)),
            Object.entries(d.add),
          ),
        )
        break
      case 'storeDay': {
        const key = keys.counter(keys.reportScope(d.brandId, 'SDAY'), counterShardOf(d.store, STORE_DAY_SHARDS), d.day)
        for (const [f, n] of Object.entries(d.add))
          members.push({ key, name: memberAttribute(f as StoreField, d.type, d.store), n })
        break
      }
      case 'active': {
        const id = d.member.slice(d.member.lastIndexOf('|') + 1)
        const key = keys.counter(keys.reportScope(d.brandId, 'ACT'), counterShardOf(id, ACTIVE_SHARDS), d.day)
        const at = `${key.pk}\u0000${key.sk}`
        const set = active.get(at) ?? { key, ids: [] }
        set.ids.push(d.member)
        active.set(at, set)
        break
      }
    }
  }
  out.push(...byItem(members))
  for (const { key, ids } of active.values()) {
    for (let i = 0; i < ids.length; i += ATTRIBUTES_PER_UPDATE) {
      const op = {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'ADD #ids :ids',
          ExpressionAttributeNames: { '#ids': 'ids' },
          ExpressionAttributeValues: { ':ids': new Set(ids.slice(i, i + ATTRIBUTES_PER_UPDATE)) },
        },
      }
      out.push(asUpdate(op))
    }
  }
  return out
}

/** Splits updates into transactions of ≤ 90, never two updates of one item in the same one. Deterministic. */
export function chunkUpdates(updates: readonly CounterUpdate[]): CounterUpdate[][] {
  const chunks: CounterUpdate[][] = []
  let current: CounterUpdate[] = []
  let items = new Set<string>()
  for (const u of updates) {
    if (current.length >= UPDATES_PER_CHUNK || items.has(u.item)) {
      chunks.push(current)
      current = []
      items = new Set()
    }
    current.push(u)
    items.add(u.item)
  }
  if (current.length) chunks.push(current)
  return chunks
}

/**
 * Adds a stream batch's deltas to the counters, at most once per batch: each
 * chunk of ≤ 90 updates goes in one TransactWriteItems with a conditional Put of
 * `STREAMBATCH#<first sequence number>#<chunk>`, so when Lambda (or the local
 * pump) retries the batch, chunks already applied fail their marker and are
 * skipped while the rest go through.
 * @returns how many chunks were applied now (skipped ones were applied before)
 * @example await applyCounterDeltas('000000000000000000042', counterDeltas(changes))
 */
export async function applyCounterDeltas(
  firstSequenceNumber: string,
  deltas: readonly CounterDelta[],
): Promise<{ applied: number; skipped: number }> {
  return applyChunks(firstSequenceNumber, chunkUpdates(counterUpdates(deltas)))
}

/** Applies chunks by index (exported for tests that stop a stream batch halfway). */
export async function applyChunks(
  firstSequenceNumber: string,
  chunks: readonly CounterUpdate[][],
  only?: number,
): Promise<{ applied: number; skipped: number }> {
  const T = tableName()
  const ttl = Math.floor(Date.now() / 1000) + MARKER_TTL_SECONDS
  let applied = 0
  let skipped = 0
  for (const [chunk, part] of chunks.entries()) {
    if (only !== undefined && chunk !== only) continue
    const marker = {
      Put: {
        TableName: T,
        Item: { ...keys.streamBatch(firstSequenceNumber, chunk), entity: 'streamBatch', updates: part.length, ttl },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    }
    const r = await transactOrExplain([marker, ...part.map((u) => u.op)])
    if (r.ok) applied++
    // Only the marker has a condition: a failed one means this chunk was applied by an earlier try.
    else if (r.failed.has(0)) skipped++
    else throw r.error
  }
  return { applied, skipped }
}
