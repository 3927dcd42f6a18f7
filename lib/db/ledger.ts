import { createHash } from 'node:crypto'
import { batchGet } from './batch-get'
import { keys } from './keys'
import { queryPage, strip, type Page } from './items'
import { tableName } from './table'
import type { TransactItem } from './transact'
import type { EntryStatus, LedgerEntry } from '../domain/ledger'

// The entry's shape and id are ledger rules (lib/domain/ledger.ts); this file keys, stores and queries entries.
export { entryIdFor, type EntryKind, type EntryStatus, type LedgerEntry } from '../domain/ledger'

export const LEDGER_SHARDS = 4
export const HOLD_SHARDS = 4
export const AVAILABLE_SHARDS = 8
export const SETTLED_SHARDS = 8

/**
 * The fixed index shard of a ledger entry id (the first byte of its MD5). Stored index keys depend on it:
 * never change it, nor merge it with the counters' `counterShardOf`, which hashes differently.
 */
const ledgerShardOf = (id: string, n: number) => (createHash('md5').update(id).digest()[0] ?? 0) % n

/** The key of an entry: a distributor's ledger in time order. */
export const entryKey = (e: Pick<LedgerEntry, 'distributorId' | 'at' | 'entryId'>) =>
  keys.ledgerEntry(e.distributorId, e.at, e.entryId)

/**
 * GSI2 follows the entry's status, so each stage of the lifecycle is one Query
 * on one key: pending entries by the day they fall due (hold release), available
 * ones by brand (settlement close), settled and paid ones by batch (exports, paid).
 */
export function statusIndex(
  e: Pick<LedgerEntry, 'status' | 'brandId' | 'entryId' | 'availableAt' | 'distributorId' | 'settlementId'>,
): { gsi2pk: string; gsi2sk: string } {
  if (e.status === 'pending')
    return {
      gsi2pk: keys.holdDue(e.availableAt.slice(0, 10), ledgerShardOf(e.entryId, HOLD_SHARDS)),
      gsi2sk: `${e.availableAt}#${e.entryId}`,
    }
  if (e.status === 'available')
    return {
      gsi2pk: keys.availableOf(e.brandId, ledgerShardOf(e.entryId, AVAILABLE_SHARDS)),
      gsi2sk: `${e.availableAt}#${e.entryId}`,
    }
  return {
    gsi2pk: keys.settledIn(e.brandId, e.settlementId ?? '', ledgerShardOf(e.entryId, SETTLED_SHARDS)),
    gsi2sk: `${e.distributorId}#${e.entryId}`,
  }
}

/** The stored item: brand-month index for listings, and the status index. */
export function entryItem(e: LedgerEntry): Record<string, unknown> {
  return {
    ...entryKey(e),
    entity: 'ledger',
    ...e,
    gsi1pk: keys.brandLedger(e.brandId, e.at.slice(0, 7), ledgerShardOf(e.entryId, LEDGER_SHARDS)),
    gsi1sk: `${e.at}#${e.entryId}`,
    ...statusIndex(e),
  }
}

/** A Put of a new entry for a transaction; never overwrites. */
export const putEntry = (e: LedgerEntry): TransactItem => ({
  Put: { TableName: tableName(), Item: entryItem(e), ConditionExpression: 'attribute_not_exists(pk)' },
})

export type BalanceDelta = Partial<Record<EntryStatus, number>>

/** ADDs to a distributor's balance for one currency, for a transaction. Merge deltas per distributor first: one op per item. */
export function balanceUpdate(distributorId: string, currency: string, delta: BalanceDelta): TransactItem {
  const parts = Object.entries(delta).filter(([, v]) => v !== 0)
  const add = parts.length ? ` ADD ${parts.map(([k]) => `#${k} :${k}`).join(', ')}` : ''
  return {
    Update: {
      TableName: tableName(),
      Key: keys.balance(distributorId, currency),
      UpdateExpression: `SET currency = :c${add}`,
      ...(parts.length ? { ExpressionAttributeNames: Object.fromEntries(parts.map(([k]) => [`#${k}`, k])) } : {}),
      ExpressionAttributeValues: { ':c': currency, ...Object.fromEntries(parts.map(([k, v]) => [`:${k}`, v])) },
    },
  }
}

/** Sums entry amounts into per-distributor balance deltas by status. */
export function balanceDeltas(
  entries: ReadonlyArray<Pick<LedgerEntry, 'distributorId' | 'status' | 'amount'>>,
): Map<string, BalanceDelta> {
  const out = new Map<string, BalanceDelta>()
  for (const e of entries) {
    const d = out.get(e.distributorId) ?? {}
    d[e.status] = (d[e.status] ?? 0) + e.amount
    out.set(e.distributorId, d)
  }
  return out
}

/** Entries by key, many at once, read consistently (refunds decide from them). */
export async function getEntries(entryKeys: ReadonlyArray<{ pk: string; sk: string }>): Promise<LedgerEntry[]> {
  return (await batchGet(entryKeys, true)).map((item) => strip<LedgerEntry>(item))
}

export interface LedgerFilter {
  status?: EntryStatus
  from?: string
  to?: string
  cursor?: string
  limit?: number
}

/** Time range and status filter on an entry listing (status filters within the one key's Query). */
function rangeAndFilter(keyName: string, skName: string, key: string, f: LedgerFilter) {
  const values: Record<string, string> = { ':pk': key, ':from': f.from ?? '0', ':to': `${f.to ?? '9999'}\uffff` }
  return {
    KeyConditionExpression: `${keyName} = :pk AND ${skName} BETWEEN :from AND :to`,
    ...(f.status ? { FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
    ExpressionAttributeValues: f.status ? { ...values, ':s': f.status } : values,
    ScanIndexForward: false,
    Limit: f.limit ?? 50,
  }
}

/** A distributor's entries, newest first, by paid time range and status. */
export function listLedgerOf(distributorId: string, f: LedgerFilter): Promise<Page<LedgerEntry>> {
  return queryPage<LedgerEntry>(ledgerOfQuery(distributorId, f), f.cursor)
}

/** The Query `listLedgerOf` sends: a caller checks a cursor against it before other reads. */
export const ledgerOfQuery = (distributorId: string, f: LedgerFilter) =>
  rangeAndFilter('pk', 'sk', keys.ledgerOf(distributorId), f)

/** One write shard of a brand's entries for a month, newest first. */
export function listBrandLedgerShard(
  brandId: string,
  month: string,
  shard: number,
  f: LedgerFilter,
): Promise<Page<LedgerEntry>> {
  return queryPage<LedgerEntry>(
    { IndexName: 'GSI1', ...rangeAndFilter('gsi1pk', 'gsi1sk', keys.brandLedger(brandId, month, shard), f) },
    f.cursor,
  )
}
