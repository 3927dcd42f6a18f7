import { getDistributors } from '../db/distributors-batch'
import { readDistributorTotals, type MemberTotals } from '../db/report-counters'
import { type Place, placeOf, standings } from '../domain/my-rank'
import type { Distributor } from '../schemas/distributor'
import type { MyRank } from '../schemas/me'

type Field = 'gmv' | 'newCustomers'

/**
 * My place this month (UTC, the 1st to today) by GMV and by new customers,
 * among distributors of my type and within my store. Reads the brand's per-day
 * distributor counters for the month (lib/db/report-counters.ts, DDAY: one
 * Query per shard), the same ones the leaderboard ranks from; for the store
 * place, the records of only those ranked above me (BatchGetItem), to learn their store.
 */
export async function myRank(me: Distributor, now = new Date()): Promise<MyRank> {
  const to = now.toISOString().slice(0, 10)
  const month = to.slice(0, 7)
  const from = `${month}-01`
  const rows = await readDistributorTotals(me.brandId, from, to)
  const ofType = rows.filter((r) => r.type === me.type)
  const byType = (f: Field) =>
    placeOf(
      me.id,
      standings(ofType, (r) => r[f]),
    )
  const store = me.store ?? null
  const storePlaces = store ? await placesInStore(me, rows, store) : null
  return {
    month,
    from,
    to,
    type: me.type,
    store,
    gmv: { type: byType('gmv'), store: storePlaces?.gmv ?? null },
    newCustomers: { type: byType('newCustomers'), store: storePlaces?.newCustomers ?? null },
  }
}

/** My place among my store's members: only those ahead of me are read, to learn whether they share my store. */
async function placesInStore(
  me: Distributor,
  rows: readonly MemberTotals[],
  store: string,
): Promise<Record<Field, Place>> {
  const all = { gmv: standings(rows, (r) => r.gmv), newCustomers: standings(rows, (r) => r.newCustomers) }
  const mine = (f: Field) => all[f].find((s) => s.id === me.id)?.value ?? 0
  const ahead = new Set(
    (['gmv', 'newCustomers'] as const).flatMap((f) =>
      all[f].filter((s) => s.id !== me.id && s.value > mine(f)).map((s) => s.id),
    ),
  )
  const known = await getDistributors([...ahead])
  const inStore = (id: string) =>
    id === me.id || (known.get(id)?.store === store && known.get(id)?.brandId === me.brandId)
  const place = (f: Field): Place => {
    const p = placeOf(
      me.id,
      all[f].filter((s) => (s.id === me.id || s.value > mine(f)) && inStore(s.id)),
    )
    // Only those ahead were read: the store's count of ranked members is not known.
    return { ...p, of: null }
  }
  return { gmv: place('gmv'), newCustomers: place('newCustomers') }
}
