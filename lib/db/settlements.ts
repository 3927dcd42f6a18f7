import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem, queryPage, strip, type Page } from './items'
import { tableName } from './table'
import { balanceUpdate, statusIndex, type LedgerEntry } from './ledger'
import { transactOrExplain, transactWrite, writeOrExplain, type TransactItem } from './transact'
import type { SettlementLine } from '../domain/settlement'

export type BatchStatus = 'closing' | 'closed' | 'paying' | 'paid'

/** A settlement batch: one brand, one period, closed once, never changed after. */
export interface Batch {
  batchId: string
  brandId: string
  period: string
  from?: string
  end: string
  currency: string
  status: BatchStatus
  /** Only entries that became available before this instant are taken. */
  startedAt: string
  planned: boolean
  closedAt?: string
  paidAt?: string
  reference?: string
  /** Filled as the close moves entries: the ledger's own movement, for reconciliation. */
  movedEntries: number
  movedAmount: number
  paidEntries: number
  paidAmount: number
  totals?: {
    distributors: number
    gross: number
    reversals: number
    net: number
    entries: number
    carriedForward: number
  }
}

/** Creates the batch if this brand and period has none; returns the stored one either way. */
export async function createOrGetBatch(batch: Batch): Promise<{ batch: Batch; created: boolean }> {
  const put = await writeOrExplain(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.settlement(batch.brandId, batch.batchId),
        entity: 'settlement',
        ...batch,
        gsi1pk: keys.settlementsOf(batch.brandId),
        gsi1sk: `${batch.startedAt}#${batch.batchId}`,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
  if (put.ok) return { batch, created: true }
  return { batch: (await getBatch(batch.brandId, batch.batchId)) as Batch, created: false }
}

export async function getBatch(brandId: string, batchId: string): Promise<Batch | undefined> {
  const item = await getItem(keys.settlement(brandId, batchId), true)
  return item ? strip<Batch>(item) : undefined
}

/** The brand's batches, newest first. */
export function listBatches(brandId: string, opts: { cursor?: string; limit?: number }): Promise<Page<Batch>> {
  return queryPage<Batch>(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.settlementsOf(brandId) },
      ScanIndexForward: false,
      Limit: opts.limit ?? 20,
    },
    opts.cursor,
  )
}

/** Who holds the brand's settlement lock when another run asked for it. */
export type LockAnswer = { taken: true } | { taken: false; batchId: string }

/**
 * One run at a time per brand (a close or a mark-paid). The lock is a lease: it
 * names the batch and the run holding it, and expires `leaseMs` after it was
 * taken, so a run that crashed is resumed by the next request once its lease
 * has lapsed, while a request arriving during a live run learns which batch is
 * busy (the caller answers with that batch's progress instead of racing it).
 *
 * A close also marks the brand as `closing` that batch until it is closed
 * (finishClosing), across runs: no other period starts meanwhile, because its
 * plan would count entries the unfinished batch has planned but not yet moved.
 */
export async function takeSettlementLock(
  brandId: string,
  batchId: string,
  holder: string,
  leaseMs: number,
  opts: { closing?: boolean } = {},
): Promise<LockAnswer> {
  const now = Date.now()
  const lease = '(attribute_not_exists(batchId) OR expiresAt < :now OR holder = :h)'
  const take = await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.settlementLock(brandId),
      UpdateExpression: `SET batchId = :b, holder = :h, takenAt = :at, expiresAt = :exp${opts.closing ? ', closing = :b' : ''}`,
      ConditionExpression: opts.closing ? `${lease} AND (attribute_not_exists(closing) OR closing = :b)` : lease,
      ExpressionAttributeValues: {
        ':b': batchId,
        ':h': holder,
        ':at': new Date(now).toISOString(),
        ':exp': now + leaseMs,
        ':now': now,
      },
    }),
  )
  if (take.ok) return { taken: true }
  const lock = await getItem(keys.settlementLock(brandId), true)
  const leased = lock?.batchId !== undefined && Number(lock.expiresAt) >= now
  return { taken: false, batchId: String(leased ? lock?.batchId : (lock?.closing ?? lock?.batchId ?? '')) }
}

/** Lets go of the brand's lock if this holder still has it (a no-op once another run took over an expired lease). */
export async function releaseSettlementLock(brandId: string, holder: string): Promise<void> {
  await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.settlementLock(brandId),
      UpdateExpression: 'REMOVE batchId, holder, expiresAt',
      ConditionExpression: 'holder = :h',
      ExpressionAttributeValues: { ':h': holder },
    }),
  )
}

/** The batch is closed: the brand may start closing another period. */
export async function finishClosing(brandId: string, batchId: string): Promise<void> {
  // A failed condition: another run already finished it.
  await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.settlementLock(brandId),
      UpdateExpression: 'REMOVE closing',
      ConditionExpression: 'closing = :b',
      ExpressionAttributeValues: { ':b': batchId },
    }),
  )
}

/**
 * Available entries of one shard that a close of a period ending at `end` may
 * take, oldest first (the status index): those available by `end`, and every
 * negative adjustment whatever its date (a refund after settlement is recovered
 * in the next batch closed). The adjustments are found by a filter on the rest of
 * the shard, so a page may come back empty with a cursor: keep paging.
 */
export function listAvailable(
  brandId: string,
  shard: number,
  end: string,
  cursor?: string,
): Promise<Page<LedgerEntry>> {
  return queryPage<LedgerEntry>(
    {
      IndexName: 'GSI2',
      KeyConditionExpression: 'gsi2pk = :pk',
      FilterExpression: '#at < :end OR (#kind = :adj AND #amount < :zero)',
      ExpressionAttributeNames: { '#at': 'availableAt', '#kind': 'kind', '#amount': 'amount' },
      ExpressionAttributeValues: {
        ':pk': keys.availableOf(brandId, shard),
        ':end': end,
        ':adj': 'adjustment',
        ':zero': 0,
      },
      Limit: 500,
    },
    cursor,
  )
}

/** One shard of a batch's settled (or paid) entries, by distributor. */
export function listBatchEntries(
  brandId: string,
  batchId: string,
  shard: number,
  cursor?: string,
  limit = 200,
): Promise<Page<LedgerEntry>> {
  return queryPage<LedgerEntry>(
    {
      IndexName: 'GSI2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.settledIn(brandId, batchId, shard) },
      Limit: limit,
    },
    cursor,
  )
}

/**
 * Writes the batch's lines (idempotent: same keys, same values) and marks the
 * plan complete. Lines go in transactions of 50 Puts rather than BatchWriteItem,
 * whose IAM action would also let the API delete.
 */
export async function writePlan(
  brandId: string,
  batchId: string,
  lines: Array<SettlementLine & Record<string, unknown>>,
  totals: NonNullable<Batch['totals']>,
): Promise<void> {
  for (let i = 0; i < lines.length; i += 50) {
    await transactWrite(
      lines.slice(i, i + 50).map((l) => ({
        Put: {
          TableName: tableName(),
          Item: { ...keys.settlementLine(brandId, batchId, l.distributorId), entity: 'settlementLine', ...l },
        },
      })),
    )
  }
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.settlement(brandId, batchId),
      UpdateExpression: 'SET planned = :t, totals = :totals',
      ExpressionAttributeValues: { ':t': true, ':totals': totals },
    }),
  )
}

/** A page of the batch's lines in distributor order (carried-forward lines included, flagged). */
export function listLines(
  brandId: string,
  batchId: string,
  cursor?: string,
  limit = 200,
): Promise<Page<SettlementLine & Record<string, unknown>>> {
  const k = keys.settlement(brandId, batchId)
  return queryPage(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': k.pk, ':p': 'LINE#' },
      Limit: limit,
    },
    cursor,
  )
}

/**
 * Moves entries from one status to the next for a batch, with their balances
 * and the batch's running movement, in one transaction. Each entry is guarded
 * by its current status, so a re-run moves nothing twice. Returns false when a
 * guard failed (something else moved it: the caller re-reads).
 */
export async function moveEntries(
  batch: Batch,
  entries: LedgerEntry[],
  to: 'settled' | 'paid',
  at: string,
): Promise<boolean> {
  const from = to === 'settled' ? 'available' : 'settled'
  const items: TransactItem[] = entries.map((e) => {
    const index = statusIndex({ ...e, status: to, settlementId: batch.batchId })
    return {
      Update: {
        TableName: tableName(),
        Key: keys.ledgerEntry(e.distributorId, e.at, e.entryId),
        UpdateExpression: `SET #s = :to, settlementId = :b, gsi2pk = :pk, gsi2sk = :sk, ${to === 'settled' ? 'settledAt' : 'paidOutAt'} = :at`,
        ConditionExpression: '#s = :from',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':to': to,
          ':from': from,
          ':b': batch.batchId,
          ':pk': index.gsi2pk,
          ':sk': index.gsi2sk,
          ':at': at,
        },
      },
    }
  })
  const perDistributor = new Map<string, number>()
  for (const e of entries) perDistributor.set(e.distributorId, (perDistributor.get(e.distributorId) ?? 0) + e.amount)
  for (const [d, amount] of perDistributor)
    items.push(balanceUpdate(d, batch.currency, { [from]: -amount, [to]: amount }))
  const total = entries.reduce((s, e) => s + e.amount, 0)
  const [countField, amountField] = to === 'settled' ? ['movedEntries', 'movedAmount'] : ['paidEntries', 'paidAmount']
  items.push({
    Update: {
      TableName: tableName(),
      Key: keys.settlement(batch.brandId, batch.batchId),
      UpdateExpression: `ADD ${countField} :n, ${amountField} :a`,
      ExpressionAttributeValues: { ':n': entries.length, ':a': total },
    },
  })
  return (await transactOrExplain(items)).ok
}

/** Sets the batch's status (and any finishing fields), guarded by the status it leaves. */
export async function setBatchStatus(
  brandId: string,
  batchId: string,
  from: BatchStatus,
  to: BatchStatus,
  fields: Record<string, string> = {},
): Promise<void> {
  const names = Object.keys(fields)
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.settlement(brandId, batchId),
      UpdateExpression: `SET #s = :to${names.map((n) => `, #${n} = :${n}`).join('')}`,
      ConditionExpression: '#s = :from',
      ExpressionAttributeNames: { '#s': 'status', ...Object.fromEntries(names.map((n) => [`#${n}`, n])) },
      ExpressionAttributeValues: {
        ':to': to,
        ':from': from,
        ...Object.fromEntries(names.map((n) => [`:${n}`, fields[n]])),
      },
    }),
  )
}

/** Per-shard tallies written during planning, so a close that runs out of time resumes without recounting. */
export async function putTally(
  brandId: string,
  batchId: string,
  shard: number,
  part: number,
  tally: Record<string, [number, number, number]>,
): Promise<void> {
  const k = keys.settlement(brandId, batchId)
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { pk: k.pk, sk: `TALLY#${shard}#${part}`, shard, part, tally: JSON.stringify(tally) },
    }),
  )
}

/** Every tally part written so far, by shard. */
export async function getTallies(
  brandId: string,
  batchId: string,
): Promise<Array<{ shard: number; part: number; tally: Record<string, [number, number, number]> }>> {
  const k = keys.settlement(brandId, batchId)
  const out: Array<{ shard: number; part: number; tally: Record<string, [number, number, number]> }> = []
  let cursor: string | undefined
  do {
    const page = await queryPage<{ shard: number; part: number; tally: string }>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': k.pk, ':p': 'TALLY#' },
      },
      cursor,
    )
    for (const t of page.items)
      out.push({ shard: t.shard, part: t.part, tally: JSON.parse(t.tally) as Record<string, [number, number, number]> })
    cursor = page.nextCursor
  } while (cursor)
  return out
}
