import { randomUUID } from 'node:crypto'
import { AVAILABLE_SHARDS, SETTLED_SHARDS, entryKey, getEntries } from '../db/ledger'
import {
  createOrGetBatch,
  finishClosing,
  getBatch,
  listAvailable,
  listBatchEntries,
  listLines,
  listUnmovedParts,
  markPartMoved,
  markPlanned,
  moveEntries,
  releaseSettlementLock,
  setBatchStatus,
  takeSettlementLock,
  type Batch,
} from '../db/settlements'
import {
  addToTally,
  batchTotals,
  moveChunks,
  movedLines,
  periodEnd,
  type SettlementLine,
  type Tally,
} from '../domain/settlement'
import { AppError } from '../errors'
import { getBrandOrThrow } from './get-brand-or-throw'
import { inBatch, plan, writeLinesFrom } from './plan-settlement'
import { REQUEST_BUDGET_MS, requestBudget, type RequestBudget as Budget } from './request-budget'

// The preview tallies with the plan's own code.
export { decide, tallyShard } from './plan-settlement'

/** A run's lock outlives its time budget by this much before another request may take over (a crashed run). */
const LEASE_MARGIN_MS = 30_000

export type CloseRequest = { period: string } | { from: string; to: string }

/**
 * Closes a period into a settlement batch, resumably. The batch is created once
 * per brand and period (a repeat returns it). Planning reads the available
 * entries a page at a time and stores the entries it takes with their tally, then
 * writes the lines with carry-forward decided; moving settles exactly those listed
 * entries a chunk per transaction, each guarded by the entry's status, so an entry
 * the plan did not see waits for the next batch (docs/architecture.md §6.4).
 * Re-running the same request continues where a crash or the time budget stopped;
 * the batch turns `closed` only when the ledger's movement equals its lines.
 */
export async function closeSettlement(
  brandId: string,
  request: CloseRequest,
  opts: { now?: Date; budgetMs?: number } = {},
): Promise<{ batch: Batch; created: boolean }> {
  const now = opts.now ?? new Date()
  const budgetMs = opts.budgetMs ?? REQUEST_BUDGET_MS
  const budget = requestBudget(budgetMs)
  const brand = await getBrandOrThrow(brandId)
  const p = closablePeriod(request, now, brand.programme.timeZone)
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
    return { batch: await continueClose(batch, brand.programme.payoutThreshold, budget), created }
  } finally {
    await releaseSettlementLock(brandId, holder)
  }
}

/** The period's id, label and end in the brand's zone; a 422 naming the field when it has not ended by `now`. */
export function closablePeriod(request: CloseRequest, now: Date, timeZone: string) {
  const p = periodEnd(request, timeZone)
  if (p.end > now.toISOString()) {
    const field = 'period' in request ? 'period' : 'to'
    throw new AppError({
      code: 'invalid_input',
      message: `The period ${p.label} has not ended yet.`,
      reason: 'settlement.period_not_ended',
      params: { period: p.label },
      fields: { [field]: { reason: 'settlement.period_not_ended', params: { period: p.label } } },
    })
  }
  return p
}

/** Resumes a closing batch (under the brand's lock) until done or out of time; returns the batch as stored. */
async function continueClose(batch: Batch, payoutThreshold: number, budget: Budget): Promise<Batch> {
  const reread = async () => (await getBatch(batch.brandId, batch.batchId)) as Batch
  if (!batch.planned && !(await plan(batch, payoutThreshold, budget))) return reread()
  const planned = batch.planned ? batch : await reread()
  const carried = await carriedForward(planned, budget)
  if (!carried) return reread()
  for (let shard = 0; shard < AVAILABLE_SHARDS; shard++) {
    const moved = planned.listed
      ? await moveListed(planned, shard, carried, budget)
      : await moveUnlisted(planned, shard, carried, budget)
    if (!moved) return reread()
  }
  let stored = await reread()
  if (!reconciles(stored)) {
    // A plan that listed its entries moved exactly them: a difference is a bug, never a race.
    if (stored.listed) {
      throw new AppError({
        code: 'internal',
        message: `Batch ${batch.batchId} does not reconcile: moved ${stored.movedAmount} in ${stored.movedEntries} entries, lines say ${stored.totals?.net} in ${stored.totals?.entries}.`,
      })
    }
    // Planned by an older release, whose move could take entries its plan never counted: the lines are
    // restated from what the batch moved (the ledger is the truth), then it closes.
    if (!(await restateFromLedger(stored, budget))) return reread()
    stored = await reread()
    if (!reconciles(stored)) return stored
  }
  await setBatchStatus(batch.brandId, batch.batchId, 'closing', 'closed', { closedAt: new Date().toISOString() })
  await finishClosing(batch.brandId, batch.batchId)
  return reread()
}

/** The batch's lines agree with the ledger's movement, to the minor unit and the entry. */
const reconciles = (b: Batch) =>
  b.totals !== undefined && b.movedAmount === b.totals.net && b.movedEntries === b.totals.entries

/** Distributor ids the plan carries forward (their entries stay available); undefined when out of time. */
async function carriedForward(batch: Batch, budget: Budget): Promise<Set<string> | undefined> {
  const out = new Set<string>()
  let cursor: string | undefined
  do {
    if (!budget.allows()) return undefined
    const page = await listLines(batch.brandId, batch.batchId, cursor, 500)
    for (const l of page.items) if (l.carriedForward) out.add(l.distributorId)
    cursor = page.nextCursor
  } while (cursor)
  return out
}

/**
 * Settles exactly the entries the plan listed for one shard, read again by key
 * (consistently, not through the index): those still available move a chunk per
 * transaction, those already settled moved in an earlier run. False when out of time.
 */
async function moveListed(batch: Batch, shard: number, carried: Set<string>, budget: Budget): Promise<boolean> {
  const settledAt = new Date().toISOString()
  let cursor: string | undefined
  do {
    if (!budget.allows()) return false
    const page = await listUnmovedParts(batch.brandId, batch.batchId, shard, cursor)
    for (const part of page.items) {
      const taken = part.entries.filter((e) => !carried.has(e.distributorId))
      let complete = true
      for (let i = 0; i < taken.length; i += 100) {
        if (!budget.allows()) return false
        const current = await getEntries(taken.slice(i, i + 100).map(entryKey))
        for (const chunk of moveChunks(current.filter((e) => e.status === 'available'))) {
          if (!budget.allows()) return false
          // A failed guard: something else moved an entry meanwhile; a later run reads them again.
          if (await moveEntries(batch, chunk, 'settled', settledAt)) budget.did()
          else complete = false
        }
      }
      if (!complete) return false
      if (!budget.allows()) return false
      await markPartMoved(batch.brandId, batch.batchId, shard, part.part)
      budget.did()
    }
    cursor = page.nextCursor
  } while (cursor)
  return true
}

/**
 * A batch planned by an older release, which recorded tallies but not entries:
 * settles one shard's entries by the plan's rule read again from the index.
 * False when out of time.
 */
async function moveUnlisted(batch: Batch, shard: number, carried: Set<string>, budget: Budget): Promise<boolean> {
  const settledAt = new Date().toISOString()
  let cursor: string | undefined
  do {
    if (!budget.allows()) return false
    const page = await listAvailable(batch.brandId, shard, batch.end, cursor)
    const take = page.items.filter(inBatch(batch)).filter((e) => !carried.has(e.distributorId))
    for (const chunk of moveChunks(take)) {
      if (!budget.allows()) return false
      // A failed guard means an entry already moved (a concurrent re-run): the next pass skips it.
      await moveEntries(batch, chunk, 'settled', settledAt)
      budget.did()
    }
    cursor = page.nextCursor
  } while (cursor)
  return true
}

/**
 * Rewrites the lines and totals of a batch whose plan did not list its entries
 * from the entries it actually settled (the SETTLED index), keeping its
 * carried-forward lines. The index may lag the moves: until it shows exactly the
 * batch's own moved count and amount, the close stays `closing` and the next
 * request tries again. False when out of time or the index is behind.
 */
async function restateFromLedger(batch: Batch, budget: Budget): Promise<boolean> {
  const moved: Tally = new Map()
  for (let shard = 0; shard < SETTLED_SHARDS; shard++) {
    let cursor: string | undefined
    do {
      if (!budget.allows()) return false
      const page = await listBatchEntries(batch.brandId, batch.batchId, shard, cursor, 500)
      for (const e of page.items) addToTally(moved, e)
      cursor = page.nextCursor
    } while (cursor)
  }
  const sum = [...moved.values()].reduce((s, t) => ({ amount: s.amount + t.gross + t.reversals, n: s.n + t.entries }), {
    amount: 0,
    n: 0,
  })
  if (sum.amount !== batch.movedAmount || sum.n !== batch.movedEntries) return false
  const old: SettlementLine[] = []
  let cursor: string | undefined
  do {
    if (!budget.allows()) return false
    const page = await listLines(batch.brandId, batch.batchId, cursor, 500)
    old.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  const lines = movedLines(
    moved,
    old.filter((l) => l.carriedForward),
    old.filter((l) => !l.carriedForward).map((l) => l.distributorId),
  )
  if (!(await writeLinesFrom(batch, lines, 0, budget))) return false
  if (!budget.allows()) return false
  await markPlanned(batch.brandId, batch.batchId, batchTotals(lines), false)
  budget.did()
  return true
}
