import { randomUUID } from 'node:crypto'
import { getDistributors } from '../db/distributors-batch'
import { AVAILABLE_SHARDS, type LedgerEntry } from '../db/ledger'
import {
  createOrGetBatch,
  finishClosing,
  getBatch,
  getTallies,
  listAvailable,
  listLines,
  moveEntries,
  putTally,
  releaseSettlementLock,
  setBatchStatus,
  takeSettlementLock,
  writePlan,
  type Batch,
} from '../db/settlements'
import {
  addToTally,
  batchTotals,
  linesFrom,
  mergeTallies,
  moveChunks,
  periodEnd,
  takenByClose,
  type Tally,
} from '../domain/settlement'
import { AppError } from '../errors'
import { getBrandOrThrow } from './get-brand-or-throw'
import { REQUEST_BUDGET_MS, requestBudget, type RequestBudget as Budget } from './request-budget'

/** Distributors per stored tally part: keeps each part far below DynamoDB's 400 KB item limit. */
const TALLY_PART = 3000
/** A run's lock outlives its time budget by this much before another request may take over (a crashed run). */
const LEASE_MARGIN_MS = 30_000

export type CloseRequest = { period: string } | { from: string; to: string }

/**
 * Closes a period into a settlement batch, resumably. The batch is created once
 * per brand and period (a repeat returns it). Planning tallies the available
 * entries shard by shard (each shard's tally stored, so a restart skips it) into
 * lines with carry-forward decided; moving then settles the planned entries a
 * chunk per transaction, each guarded by the entry's status. Re-running the same
 * request, or the scheduled job, continues where a crash or the time budget
 * stopped; the batch turns `closed` only when the ledger's movement equals its lines.
 */
export async function closeSettlement(
  brandId: string,
  request: CloseRequest,
  opts: { now?: Date; budgetMs?: number } = {},
): Promise<{ batch: Batch; created: boolean }> {
  const now = opts.now ?? new Date()
  const budgetMs = opts.budgetMs ?? REQUEST_BUDGET_MS
  const brand = await getBrandOrThrow(brandId)
  const p = closablePeriod(request, now)
  const batchId = `st_${p.id}`
  const existing = await getBatch(brandId, batchId)
  if (existing && existing.status !== 'closing') return { batch: existing, created: false }
  const fresh: Batch = {
    batchId,
    brandId,
    period: p.label,
    from: p.from,
    end: p.end,
    currency: brand.programme.currency,
    status: 'closing',
    startedAt: now.toISOString(),
    planned: false,
    movedEntries: 0,
    movedAmount: 0,
    paidEntries: 0,
    paidAmount: 0,
  }
  const holder = randomUUID()
  const lock = await takeSettlementLock(brandId, batchId, holder, budgetMs + LEASE_MARGIN_MS, { closing: true })
  if (!lock.taken) {
    // The same period being closed right now by another request: its progress, nothing moved twice.
    if (lock.batchId === batchId)
      return { batch: (await getBatch(brandId, batchId)) ?? (await createOrGetBatch(fresh)).batch, created: false }
    throw new AppError({
      code: 'conflict',
      message: `Settlement ${lock.batchId} is still closing for this brand; finish it (POST its period again) before closing another period.`,
    })
  }
  try {
    const { batch, created } = await createOrGetBatch(fresh)
    if (batch.status !== 'closing') return { batch, created }
    return { batch: await continueClose(batch, brand.programme.payoutThreshold, requestBudget(budgetMs)), created }
  } finally {
    await releaseSettlementLock(brandId, holder)
  }
}

/** The period's id, label and end; a 422 naming the field when it has not ended by `now`. */
export function closablePeriod(request: CloseRequest, now: Date) {
  const p = periodEnd(request)
  if (p.end > now.toISOString()) {
    const field = 'period' in request ? 'period' : 'to'
    throw new AppError({
      code: 'invalid_input',
      message: `The period ${p.label} has not ended yet.`,
      fields: { [field]: 'Close a period after it ends.' },
    })
  }
  return p
}

/** Resumes a closing batch (under the brand's lock) until done or out of time; returns the batch as stored. */
async function continueClose(batch: Batch, payoutThreshold: number, budget: Budget): Promise<Batch> {
  const reread = async () => (await getBatch(batch.brandId, batch.batchId)) as Batch
  if (!batch.planned && !(await plan(batch, payoutThreshold, budget))) return reread()
  const carried = await carriedForward(batch)
  for (let shard = 0; shard < AVAILABLE_SHARDS; shard++) {
    if (!(await moveShard(batch, shard, carried, budget))) return reread()
  }
  const stored = await reread()
  const totals = stored.totals
  if (!totals || stored.movedAmount !== totals.net || stored.movedEntries !== totals.entries) {
    throw new AppError({
      code: 'internal',
      message: `Batch ${batch.batchId} does not reconcile: moved ${stored.movedAmount} in ${stored.movedEntries} entries, lines say ${totals?.net} in ${totals?.entries}.`,
    })
  }
  await setBatchStatus(batch.brandId, batch.batchId, 'closing', 'closed', { closedAt: new Date().toISOString() })
  await finishClosing(batch.brandId, batch.batchId)
  return reread()
}

/** The entries a close takes (see takenByClose). */
const inBatch = (batch: Pick<Batch, 'end' | 'startedAt'>) => (e: LedgerEntry) =>
  takenByClose(e, batch.end, batch.startedAt)

/**
 * Tallies one shard of the brand's available entries that a close of `batch`
 * would take, into `tally`. The planner stores each shard's tally; the preview
 * (POST /api/settlements/preview) adds them up without writing: one code path.
 */
export async function tallyShard(
  brandId: string,
  shard: number,
  batch: Pick<Batch, 'end' | 'startedAt'>,
  tally: Tally = new Map(),
): Promise<Tally> {
  let cursor: string | undefined
  do {
    const page = await listAvailable(brandId, shard, batch.end, cursor)
    for (const e of page.items.filter(inBatch(batch))) addToTally(tally, e)
    cursor = page.nextCursor
  } while (cursor)
  return tally
}

/** The lines and totals a tally decides (carry-forward included): what the plan writes and the preview shows. */
export function decide(tally: Tally, payoutThreshold: number) {
  const lines = linesFrom(tally, payoutThreshold)
  return { lines, totals: batchTotals(lines) }
}

/** Tallies every shard not tallied yet; writes the lines when all are. False when out of time. */
async function plan(batch: Batch, payoutThreshold: number, budget: Budget): Promise<boolean> {
  const done = new Set((await getTallies(batch.brandId, batch.batchId)).map((t) => t.shard))
  for (let shard = 0; shard < AVAILABLE_SHARDS; shard++) {
    if (done.has(shard)) continue
    if (budget.over()) return false
    const tally = await tallyShard(batch.brandId, shard, batch)
    budget.did()
    const entries = [...tally].map(([d, t]): [string, [number, number, number]] => [
      d,
      [t.gross, t.reversals, t.entries],
    ])
    for (let part = 0; part * TALLY_PART < entries.length || part === 0; part++) {
      await putTally(
        batch.brandId,
        batch.batchId,
        shard,
        part,
        Object.fromEntries(entries.slice(part * TALLY_PART, (part + 1) * TALLY_PART)),
      )
    }
  }
  const merged = (await getTallies(batch.brandId, batch.batchId))
    .map(({ tally }) => storedTally(tally))
    .reduce(mergeTallies, new Map())
  const { lines, totals } = decide(merged, payoutThreshold)
  const people = new Map<string, { name: string; type: string; externalId?: string; payeeReference?: string }>()
  for (let i = 0; i < lines.length; i += 100) {
    for (const [id, d] of await getDistributors(lines.slice(i, i + 100).map((l) => l.distributorId)))
      people.set(id, d as typeof d & { payeeReference?: string })
  }
  const enriched = lines.map((l) => {
    const d = people.get(l.distributorId)
    return {
      ...l,
      name: d?.name ?? '',
      type: d?.type ?? '',
      externalId: d?.externalId ?? '',
      payeeReference: d?.payeeReference ?? '',
    }
  })
  await writePlan(batch.brandId, batch.batchId, enriched, totals)
  return true
}

/** A tally part as stored: per distributor, [gross, reversals, entries]. */
const storedTally = (part: Record<string, [number, number, number]>): Tally =>
  new Map(Object.entries(part).map(([d, [gross, reversals, entries]]) => [d, { gross, reversals, entries }]))

/** Distributor ids the plan carries forward (their entries stay available). */
async function carriedForward(batch: Batch): Promise<Set<string>> {
  const out = new Set<string>()
  let cursor: string | undefined
  do {
    const page = await listLines(batch.brandId, batch.batchId, cursor, 500)
    for (const l of page.items) if (l.carriedForward) out.add(l.distributorId)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/** Settles one shard's planned entries. False when out of time. */
async function moveShard(batch: Batch, shard: number, carried: Set<string>, budget: Budget): Promise<boolean> {
  const settledAt = new Date().toISOString()
  let cursor: string | undefined
  do {
    if (budget.over()) return false
    const page = await listAvailable(batch.brandId, shard, batch.end, cursor)
    const take = page.items.filter(inBatch(batch)).filter((e) => !carried.has(e.distributorId))
    for (const chunk of moveChunks(take)) {
      // A failed guard means an entry already moved (a concurrent re-run): the next pass skips it.
      await moveEntries(batch, chunk, 'settled', settledAt)
      budget.did()
    }
    cursor = page.nextCursor
  } while (cursor)
  return true
}
