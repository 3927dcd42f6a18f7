import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem, queryPage, strip, type Page } from './items'
import { tableName } from './table'
import { balanceUpdate, statusIndex, type LedgerEntry } from './ledger'
import { transactOrExplain, transactWrite, writeOrExplain, type TransactItem } from './transact'
import { AppError } from '../errors'
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
  /** True when the plan recorded each entry it tallied (putPlannedPart): the close moves exactly those. */
  listed?: boolean
  /** Lines written so far while planning (a plan cut short resumes after them). */
  linesWritten?: number
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
 * Writes a run of the batch's lines (idempotent: same keys, same values) and
 * records how many lines are written, so a plan cut short by its time budget
 * resumes after them. Lines go in transactions of Puts rather than
 * BatchWriteItem, whose IAM action would also let the API delete.
 */
export async function writeLines(
  brandId: string,
  batchId: string,
  lines: Array<SettlementLine & Record<string, unknown>>,
  writtenThrough: number,
): Promise<void> {
  await transactWrite([
    ...lines.map((l) => ({
      Put: {
        TableName: tableName(),
        Item: { ...keys.settlementLine(brandId, batchId, l.distributorId), entity: 'settlementLine', ...l },
      },
    })),
    {
      Update: {
        TableName: tableName(),
        Key: keys.settlement(brandId, batchId),
        UpdateExpression: 'SET linesWritten = :n',
        ExpressionAttributeValues: { ':n': writtenThrough },
      },
    },
  ])
}

/**
 * Marks the plan complete with its totals. `listed` says the plan recorded the
 * entries it tallied (every shard planned by putPlannedPart): the move then
 * takes exactly those; a plan left by an older release did not.
 */
export async function markPlanned(
  brandId: string,
  batchId: string,
  totals: NonNullable<Batch['totals']>,
  listed: boolean,
): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.settlement(brandId, batchId),
      UpdateExpression: 'SET planned = :t, totals = :totals, listed = :listed',
      ExpressionAttributeValues: { ':t': true, ':totals': totals, ':listed': listed },
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
  const r = await writeOrExplain(
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
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  )
  // Already `to`: the SDK retried an attempt that was applied and then timed out, so its condition now fails.
  if (!r.ok && r.item?.status !== to)
    throw new AppError({
      code: 'conflict',
      message: `Settlement ${batchId} is ${String(r.item?.status)}, not ${from}.`,
    })
}

/** An entry the plan took: enough to find it by key and to check what it moves. */
export type PlannedEntry = Pick<LedgerEntry, 'distributorId' | 'at' | 'entryId' | 'amount'>

/** A stored part of the plan: one page of one AVAIL shard, as the planner took it. */
export interface PlannedPart {
  shard: number
  part: number
  /** Per distributor: [gross, reversals, entries] of the part's entries. */
  tally: Record<string, [number, number, number]>
  /** False for a tally written by an older release, which did not record its entries (the shard is done). */
  listed: boolean
  /** Where the shard's index query continues after this part; absent on its last part. */
  next?: string
  done: boolean
}

const tallyKey = (brandId: string, batchId: string, shard: number, part: number) => ({
  pk: keys.settlement(brandId, batchId).pk,
  sk: `TALLY#${shard}#${part}`,
})

/**
 * Stores one page of the plan: the entries it takes from one AVAIL shard, their
 * tally, and where the shard continues (or that it is done), so a close cut
 * short resumes on the next page and moves exactly these entries later.
 */
export async function putPlannedPart(
  brandId: string,
  batchId: string,
  shard: number,
  part: number,
  planned: ReadonlyArray<PlannedEntry>,
  tally: Record<string, [number, number, number]>,
  next: string | undefined,
): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...tallyKey(brandId, batchId, shard, part),
        shard,
        part,
        tally: JSON.stringify(tally),
        entries: JSON.stringify(planned.map((e) => [e.distributorId, e.at, e.entryId, e.amount])),
        entryCount: planned.length,
        ...(next ? { next } : {}),
        done: !next,
      },
    }),
  )
}

/** Every part of the plan written so far, without its entry lists. */
export async function getTallies(brandId: string, batchId: string): Promise<PlannedPart[]> {
  const out: PlannedPart[] = []
  let cursor: string | undefined
  do {
    const page = await queryPage<{
      shard: number
      part: number
      tally: string
      entryCount?: number
      next?: string
      done?: boolean
    }>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ProjectionExpression: '#shard, #part, #tally, #count, #next, #done',
        ExpressionAttributeNames: {
          '#shard': 'shard',
          '#part': 'part',
          '#tally': 'tally',
          '#count': 'entryCount',
          '#next': 'next',
          '#done': 'done',
        },
        ExpressionAttributeValues: { ':pk': keys.settlement(brandId, batchId).pk, ':p': 'TALLY#' },
      },
      cursor,
    )
    for (const t of page.items)
      out.push({
        shard: t.shard,
        part: t.part,
        tally: JSON.parse(t.tally) as PlannedPart['tally'],
        listed: t.entryCount !== undefined,
        ...(t.next ? { next: t.next } : {}),
        done: t.entryCount === undefined || t.done === true,
      })
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/** A page of one shard's plan parts not moved yet, with their entries. */
export async function listUnmovedParts(
  brandId: string,
  batchId: string,
  shard: number,
  cursor?: string,
): Promise<Page<{ part: number; entries: PlannedEntry[] }>> {
  const page = await queryPage<{ part: number; entries?: string }>(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      FilterExpression: 'attribute_not_exists(moved)',
      ExpressionAttributeValues: { ':pk': keys.settlement(brandId, batchId).pk, ':p': `TALLY#${shard}#` },
      Limit: 4,
    },
    cursor,
  )
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((p) => ({
      part: p.part,
      entries: (JSON.parse(p.entries ?? '[]') as Array<[string, string, string, number]>).map(
        ([distributorId, at, entryId, amount]) => ({ distributorId, at, entryId, amount }),
      ),
    })),
  }
}

/** Every entry of this plan part has been moved (or was carried forward): later runs skip it. */
export async function markPartMoved(brandId: string, batchId: string, shard: number, part: number): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: tallyKey(brandId, batchId, shard, part),
      UpdateExpression: 'SET moved = :t',
      ExpressionAttributeValues: { ':t': true },
    }),
  )
}
