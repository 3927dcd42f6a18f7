import type { DistributorField, StoreField } from '../domain/counter-deltas'
import { ringTypeDimension } from '../domain/counter-deltas'

/**
 * How report counters are laid out inside their items: sort keys and attribute
 * names, spelled once for the writer (counter-writes.ts) and the readers
 * (report-counters.ts).
 *
 * | scope (keys.reportScope) | sk                           | attributes                                  |
 * |--------------------------|------------------------------|---------------------------------------------|
 * | RPT, 4 random shards     | day#ring#r#type#t            | clicks, links, orders, gmv, commission, …   |
 * | HC, 4 random shards      | Y#yyyy / M#yyyy-mm / D#day + #ring#r#type#t | distributors (signed deltas) |
 * | DDAY, 16 shards by id    | day                          | `<f>:<type>:<distributorId>`, f ∈ c o g r n |
 * | SDAY, 2 shards by store  | day                          | `<f>:<type>:<store>`, f ∈ o g r             |
 * | ACT, 8 shards by id      | day                          | ids: string set of `ring|type|distributorId`|
 *
 * A distributor's team days sit under their own key (keys.teamCounters), four
 * random shards in the sort key, `<day>#<shard>`, attributes clicks, orders, gmv,
 * newMembers: their 30-day team series is one Query of at most 120 small items.
 */

export const ringDaySk = (day: string, ring: number, type: string) => `${day}#${ringTypeDimension(ring, type)}`

/** `2026-11-25#ring#2#type#member` → its parts. */
export function parseRingDaySk(sk: string): { day: string; ring: number; type: string } | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})#ring#(\d+)#type#(.+)$/.exec(sk)
  return m ? { day: m[1] as string, ring: Number(m[2]), type: m[3] as string } : undefined
}

/** Headcount deltas are kept at three grains so the count at any day is a few bounded reads. */
export const headcountSks = (day: string, ring: number, type: string) => {
  const dim = ringTypeDimension(ring, type)
  return [`Y#${day.slice(0, 4)}#${dim}`, `M#${day.slice(0, 7)}#${dim}`, `D#${day}#${dim}`]
}

export function parseHeadcountSk(sk: string): { ring: number; type: string } | undefined {
  const m = /#ring#(\d+)#type#(.+)$/.exec(sk)
  return m ? { ring: Number(m[1]), type: m[2] as string } : undefined
}

const LETTER: Record<DistributorField, string> = {
  clicks: 'c',
  orders: 'o',
  gmv: 'g',
  recruits: 'r',
  newCustomers: 'n',
}
const FIELD: Record<string, DistributorField> = { c: 'clicks', o: 'orders', g: 'gmv', r: 'recruits', n: 'newCustomers' }

/** The attribute holding one distributor's (or store's) field for a day: `g:guide:d_abc`. */
export const memberAttribute = (field: DistributorField | StoreField, type: string, id: string) =>
  `${LETTER[field]}:${type}:${id}`

export function parseMemberAttribute(name: string): { field: DistributorField; type: string; id: string } | undefined {
  const m = /^([cogrn]):([a-z_]+):(.+)$/s.exec(name)
  const field = m ? FIELD[m[1] as string] : undefined
  return m && field ? { field, type: m[2] as string, id: m[3] as string } : undefined
}

/** The attributes that can hold a distributor's own figures, whatever type they had (for a projection). */
export const attributesOf = (id: string, types: readonly string[]) =>
  types.flatMap((t) => (Object.keys(LETTER) as DistributorField[]).map((f) => memberAttribute(f, t, id)))
