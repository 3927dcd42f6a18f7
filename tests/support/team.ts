import { expect } from 'vitest'
import { call } from './client'
import { getTeamCounts } from '../../lib/db/distributors'
import { MAX_ANCESTORS } from '../../lib/domain/ring'

export interface StoredDistributor {
  id: string
  parentId: string | null
  ancestors: string[]
  depth: number
  ring: number
  type: string
}

/** Every distributor of the brand, through the API. */
export async function listAll(adminKey: string): Promise<StoredDistributor[]> {
  const out: StoredDistributor[] = []
  let cursor: string | undefined
  do {
    const r = await call('GET', `/api/distributors?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      token: adminKey,
    })
    out.push(...r.body.items)
    cursor = r.body.nextCursor
  } while (cursor)
  return out
}

/** Checks every stored team count against a brute-force recount of the stored ancestor lists. */
export async function expectCountsMatchAncestors(all: StoredDistributor[]) {
  const expected = new Map<string, Record<number, number>>()
  for (const d of all) {
    d.ancestors.forEach((a, i) => {
      const c = expected.get(a) ?? {}
      c[i + 1] = (c[i + 1] ?? 0) + 1
      expected.set(a, c)
    })
  }
  const counts = await Promise.all(all.map(async (d) => ({ id: d.id, counts: await getTeamCounts(d.id) })))
  expect(counts).toEqual(all.map((d) => ({ id: d.id, counts: expected.get(d.id) ?? {} })))
}

/** Checks every stored placement against the parent pointers alone, and every team count. */
export async function expectConsistent(adminKey: string) {
  const all = await listAll(adminKey)
  const byId = new Map(all.map((d) => [d.id, d]))
  const chain = (d: StoredDistributor) => {
    const out: string[] = []
    for (let p = d.parentId; p; p = byId.get(p)!.parentId) out.push(p)
    return out
  }
  for (const d of all) {
    const up = chain(d)
    const root = byId.get(up.at(-1) ?? d.id)!
    const rootRing = ['employee', 'guide', 'online_rep', 'offline_rep'].includes(root.type) ? 1 : 2
    expect({ id: d.id, ancestors: d.ancestors, depth: d.depth, ring: d.ring }).toEqual({
      id: d.id,
      ancestors: up.slice(0, MAX_ANCESTORS),
      depth: up.length,
      ring: rootRing + up.length,
    })
  }
  await expectCountsMatchAncestors(all)
  return all
}
