import { getPayouts } from '../db/payouts'
import { payeeReferenceOf } from '../domain/payout'
import type { PayoutDetails } from '../schemas/payout'
import { getDistributors } from '../db/distributors-batch'
import { AVAILABLE_SHARDS, type LedgerEntry } from '../db/ledger'
import { getTallies, listAvailable, markPlanned, putPlannedPart, writeLines, type Batch } from '../db/settlements'
import {
  addToTally,
  batchTotals,
  linesFrom,
  mergeTallies,
  takenByClose,
  type SettlementLine,
  type Tally,
} from '../domain/settlement'
import type { Distributor } from '../schemas/distributor'
import type { RequestBudget as Budget } from './request-budget'

// The settlement close's plan (docs/architecture.md §6.4): the one place its inclusion rule is applied.

/** Lines per transaction while planning (one more item records the progress). */
const LINES_PER_WRITE = 50

/** The entries a close plans (see takenByClose). */
export const inBatch = (batch: Pick<Batch, 'end' | 'startedAt'>) => (e: LedgerEntry) =>
  takenByClose(e, batch.end, batch.startedAt)

/**
 * Tallies one shard of the brand's available entries that a close of `batch`
 * would take, into `tally`: what the preview (POST /api/settlements/preview)
 * adds up without writing, by the same rule and reads as the plan.
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

/** A tally in its stored form: per distributor, [gross, reversals, entries]. */
const storableTally = (tally: Tally): Record<string, [number, number, number]> =>
  Object.fromEntries([...tally].map(([d, t]) => [d, [t.gross, t.reversals, t.entries]]))

/** A tally part as stored back into a tally. */
const storedTally = (part: Record<string, [number, number, number]>): Tally =>
  new Map(Object.entries(part).map(([d, [gross, reversals, entries]]) => [d, { gross, reversals, entries }]))

/**
 * Plans the batch, a page of the status index at a time: each page's taken
 * entries are stored with their tally and where the shard continues, so a run
 * cut short resumes on the next page; then the lines are written 50 at a time.
 * Every DynamoDB call waits for the budget's leave. False when out of time.
 */
export async function plan(batch: Batch, payoutThreshold: number, budget: Budget): Promise<boolean> {
  const { brandId, batchId } = batch
  if (!budget.allows()) return false
  const stored = await getTallies(brandId, batchId)
  for (let shard = 0; shard < AVAILABLE_SHARDS; shard++) {
    const last = stored
      .filter((t) => t.shard === shard)
      .sort((a, b) => a.part - b.part)
      .at(-1)
    if (last?.done) continue
    let part = last ? last.part + 1 : 0
    let cursor = last?.next
    do {
      if (!budget.allows()) return false
      const page = await listAvailable(brandId, shard, batch.end, cursor)
      const taken = page.items.filter(inBatch(batch))
      const tally: Tally = new Map()
      for (const e of taken) addToTally(tally, e)
      if (!budget.allows()) return false
      await putPlannedPart(brandId, batchId, shard, part, taken, storableTally(tally), page.nextCursor)
      budget.did()
      part++
      cursor = page.nextCursor
    } while (cursor)
  }
  if (!budget.allows()) return false
  const parts = await getTallies(brandId, batchId)
  const { lines, totals } = decide(
    parts.map((p) => storedTally(p.tally)).reduce(mergeTallies, new Map()),
    payoutThreshold,
  )
  if (!(await writeLinesFrom(batch, lines, batch.linesWritten ?? 0, budget))) return false
  if (!budget.allows()) return false
  await markPlanned(
    brandId,
    batchId,
    totals,
    parts.every((p) => p.listed),
  )
  budget.did()
  return true
}

/** Writes lines from `from` on, 50 a transaction with their distributors' names. False when out of time. */
export async function writeLinesFrom(
  batch: Batch,
  lines: SettlementLine[],
  from: number,
  budget: Budget,
): Promise<boolean> {
  for (let i = from; i < lines.length; i += LINES_PER_WRITE) {
    const slice = lines.slice(i, i + LINES_PER_WRITE)
    if (!budget.allows()) return false
    const ids = slice.map((l) => l.distributorId)
    const [people, payouts] = await Promise.all([getDistributors(ids), getPayouts(ids)])
    const enriched = slice.map((l) => {
      const d = people.get(l.distributorId) as (Distributor & { payeeReference?: string }) | undefined
      return {
        ...l,
        name: d?.name ?? '',
        type: d?.type ?? '',
        externalId: d?.externalId ?? '',
        // The distributor's payout details when given (opened here, for finance's export), else the brand's reference.
        payeeReference: payoutReference(payouts.get(l.distributorId)) ?? d?.payeeReference ?? '',
      }
    })
    if (!budget.allows()) return false
    await writeLines(batch.brandId, batch.batchId, enriched, i + slice.length)
    budget.did()
  }
  return true
}

const payoutReference = (p: PayoutDetails | undefined) => (p ? payeeReferenceOf(p) : undefined)
