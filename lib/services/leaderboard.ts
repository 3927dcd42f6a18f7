import { getDistributors } from '../db/distributors-batch'
import { readDistributorTotals, readStoreTotals, type MemberTotals } from '../db/report-counters'
import { getBrandOrThrow } from './get-brand-or-throw'

export interface LeaderboardRequest {
  from: string
  to: string
  by: 'gmv' | 'orders' | 'recruits'
  group: 'distributor' | 'store'
  type?: string
  limit: number
}

/**
 * Distributors (or stores) ranked by GMV, orders or recruits over a range, from
 * the per-day counters. A distributor's rows under several types (a type change
 * in the range) merge into one unless a type is asked for; ties rank by id.
 * Names are read for the ranked rows only. `from` and `to` are the brand's local
 * days, so a month's board is its local month (docs/architecture.md §3.7).
 */
export async function leaderboardFor(brandId: string, q: LeaderboardRequest) {
  const [brand, rows] = await Promise.all([
    getBrandOrThrow(brandId),
    q.group === 'store' ? readStoreTotals(brandId, q.from, q.to) : readDistributorTotals(brandId, q.from, q.to),
  ])
  const merged = new Map<string, MemberTotals>()
  for (const r of rows) {
    if (q.type && r.type !== q.type) continue
    const seen = merged.get(r.id)
    if (!seen) merged.set(r.id, { ...r })
    else for (const f of ['clicks', 'orders', 'gmv', 'recruits'] as const) seen[f] += r[f]
  }
  const ranked = [...merged.values()]
    .filter((r) => r[q.by] !== 0)
    .sort((a, b) => b[q.by] - a[q.by] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, q.limit)
  const names = q.group === 'distributor' ? await getDistributors(ranked.map((r) => r.id)) : new Map()
  const items = ranked.map((r, i) => {
    const base = { rank: i + 1, id: r.id, orders: r.orders, gmv: r.gmv, recruits: r.recruits }
    if (q.group === 'store') return base
    const d = names.get(r.id)
    return { ...base, name: d?.name, type: d?.type ?? r.type, clicks: r.clicks }
  })
  return { timeZone: brand.programme.timeZone, from: q.from, to: q.to, by: q.by, group: q.group, items }
}
