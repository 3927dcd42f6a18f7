import { getDistributors } from '../db/distributors-batch'
import { AVAILABLE_SHARDS } from '../db/ledger'
import { getBatch } from '../db/settlements'
import type { SettlementLine, Tally } from '../domain/settlement'
import { closablePeriod, decide, tallyShard, type CloseRequest } from './close-settlement'
import { getBrandOrThrow } from './get-brand-or-throw'

/** Lines of each kind the preview names; the totals always count every line. */
const SHOWN = 50

/**
 * What closing this period now would do, writing nothing: the planner's own
 * tally and carry-forward decision (tallyShard, decide) over the available
 * entries, with the largest included lines and the carried-forward ones named.
 * If the period already has a batch, that batch is named instead of a plan.
 */
export async function previewSettlement(brandId: string, request: CloseRequest, now = new Date()) {
  const brand = await getBrandOrThrow(brandId)
  const p = closablePeriod(request, now, brand.programme.timeZone)
  const batchId = `st_${p.id}`
  const existing = await getBatch(brandId, batchId)
  const base = {
    batchId,
    period: p.label,
    end: p.end,
    timeZone: brand.programme.timeZone,
    currency: brand.programme.currency,
    payoutThreshold: brand.programme.payoutThreshold,
  }
  if (existing)
    return {
      ...base,
      existing: { status: existing.status, totals: existing.totals },
      totals: existing.totals,
      included: [],
      carriedForward: [],
      more: false,
    }
  const tally: Tally = new Map()
  for (let shard = 0; shard < AVAILABLE_SHARDS; shard++)
    await tallyShard(brandId, shard, { end: p.end, startedAt: now.toISOString() }, tally)
  const { lines, totals } = decide(tally, brand.programme.payoutThreshold)
  const included = lines
    .filter((l) => !l.carriedForward)
    .sort((a, b) => b.net - a.net)
    .slice(0, SHOWN)
  const carried = lines.filter((l) => l.carriedForward).slice(0, SHOWN)
  const people = await getDistributors([...included, ...carried].map((l) => l.distributorId))
  const named = (l: SettlementLine) => ({
    ...l,
    name: people.get(l.distributorId)?.name ?? '',
    type: people.get(l.distributorId)?.type ?? '',
  })
  return {
    ...base,
    totals,
    included: included.map(named),
    carriedForward: carried.map(named),
    more: included.length + carried.length < lines.length,
  }
}
