import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { tableName } from './table'
import {
  ACTIVE_SHARDS,
  DISTRIBUTOR_DAY_SHARDS,
  HEADCOUNT_SHARDS,
  RING_DAY_SHARDS,
  STORE_DAY_SHARDS,
  counterShardOf,
} from './counters'
import { attributesOf, parseHeadcountSk, parseMemberAttribute, parseRingDaySk } from './report-layout'
import {
  DISTRIBUTOR_FIELDS,
  RING_FIELDS,
  TEAM_FIELDS,
  type DistributorField,
  type RingField,
  type TeamField,
} from '../domain/counter-deltas'

/**
 * Reads of the report counters. Every read is one Query per shard over a day
 * range of one key, so the items read grow with days × rows × shards and never
 * with the orders, clicks or ledger entries behind them.
 */

type Scope = Parameters<typeof keys.reportScope>[1]

/** Every item of one shard's sort-key range, all pages. */
const queryRange = (scope: string, shard: number, from: string, to: string, extra: Partial<QueryCommandInput> = {}) =>
  queryKey(keys.counter(scope, shard, '').pk, from, to, extra)

/** Every item of one partition key's sort-key range, all pages. */
async function queryKey(
  pk: string,
  from: string,
  to: string,
  extra: Partial<QueryCommandInput> = {},
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = []
  let start: Record<string, unknown> | undefined
  do {
    const r = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
        ExclusiveStartKey: start,
        ...extra,
      }),
    )
    out.push(...(r.Items ?? []))
    start = r.LastEvaluatedKey
  } while (start)
  return out
}

/** All shards of a scope over a range, in parallel. */
const allShards = (brandId: string, kind: Scope, shards: number, from: string, to: string) =>
  Promise.all(Array.from({ length: shards }, (_, n) => queryRange(keys.reportScope(brandId, kind), n, from, to))).then(
    (xs) => xs.flat(),
  )

/** The end of a day's sort keys: every `day#…` sorts before it. */
const endOf = (prefix: string) => `${prefix}#\uffff`

export type RingDayRow = { day: string; ring: number; type: string } & Record<RingField, number>

/** Ring/type rows per day from `from` to `to` (inclusive), summed over shards. */
export async function readRingDays(brandId: string, from: string, to: string): Promise<RingDayRow[]> {
  const rows = new Map<string, RingDayRow>()
  for (const item of await allShards(brandId, 'RPT', RING_DAY_SHARDS, from, endOf(to))) {
    const at = parseRingDaySk(String(item.sk))
    if (!at) continue
    const id = String(item.sk)
    const row = rows.get(id) ?? ({ ...at, ...Object.fromEntries(RING_FIELDS.map((f) => [f, 0])) } as RingDayRow)
    for (const f of RING_FIELDS) row[f] += Number(item[f] ?? 0)
    rows.set(id, row)
  }
  return [...rows.values()]
}

/**
 * Distributors per ring and type at the end of `day`: the sum of every headcount
 * delta up to it, read as whole years before its year, whole months before its
 * month, and days of its month (three Queries per shard, whatever the history).
 */
export async function readHeadcountAt(
  brandId: string,
  day: string,
): Promise<Map<string, { ring: number; type: string; distributors: number }>> {
  const year = day.slice(0, 4)
  const month = day.slice(0, 7)
  const ranges: Array<[string, string]> = [[`Y#0000`, `Y#${year}`]]
  if (!month.endsWith('-01')) ranges.push([`M#${year}-01`, `M#${month}`])
  ranges.push([`D#${month}-01`, endOf(`D#${day}`)])
  const scope = keys.reportScope(brandId, 'HC')
  const items = await Promise.all(
    Array.from({ length: HEADCOUNT_SHARDS }, (_, n) => ranges.map(([a, b]) => queryRange(scope, n, a, b))).flat(),
  )
  const out = new Map<string, { ring: number; type: string; distributors: number }>()
  for (const item of items.flat()) {
    const at = parseHeadcountSk(String(item.sk))
    if (!at) continue
    const id = `${at.ring}|${at.type}`
    const row = out.get(id) ?? { ...at, distributors: 0 }
    row.distributors += Number(item.distributors ?? 0)
    out.set(id, row)
  }
  return out
}

/** Every `ring|type|distributorId` with a click or an order on a day in the range. */
export async function readActiveMembers(brandId: string, from: string, to: string): Promise<Set<string>> {
  const out = new Set<string>()
  for (const item of await allShards(brandId, 'ACT', ACTIVE_SHARDS, from, to))
    for (const m of (item.ids as Set<string> | undefined) ?? []) out.add(m)
  return out
}

export type MemberTotals = { type: string; id: string } & Record<DistributorField, number>

/** Sums `<f>:<type>:<id>` attributes of day items into one row per (type, id). */
function sumMembers(items: Record<string, unknown>[]): MemberTotals[] {
  const rows = new Map<string, MemberTotals>()
  for (const item of items) {
    for (const [name, value] of Object.entries(item)) {
      const a = parseMemberAttribute(name)
      if (!a || typeof value !== 'number') continue
      const id = `${a.type}|${a.id}`
      const row = rows.get(id) ?? { type: a.type, id: a.id, clicks: 0, orders: 0, gmv: 0, recruits: 0, newCustomers: 0 }
      row[a.field] += value
      rows.set(id, row)
    }
  }
  return [...rows.values()]
}

/** Per distributor and type: clicks, orders, GMV and recruits over the range. */
export async function readDistributorTotals(brandId: string, from: string, to: string): Promise<MemberTotals[]> {
  return sumMembers(await allShards(brandId, 'DDAY', DISTRIBUTOR_DAY_SHARDS, from, to))
}

/** Per store and type (the id is the store): orders, GMV and recruits over the range. */
export async function readStoreTotals(brandId: string, from: string, to: string): Promise<MemberTotals[]> {
  return sumMembers(await allShards(brandId, 'SDAY', STORE_DAY_SHARDS, from, to))
}

export type OwnDay = { day: string } & Record<DistributorField, number>

/**
 * One distributor's own figures per day over the range, days without any left
 * out: one Query of their shard (one item a day), projecting only their attributes.
 */
export async function readOwnDays(
  brandId: string,
  distributorId: string,
  from: string,
  to: string,
  types: readonly string[],
): Promise<OwnDay[]> {
  const names = ['sk', ...attributesOf(distributorId, types)]
  const items = await queryRange(
    keys.reportScope(brandId, 'DDAY'),
    counterShardOf(distributorId, DISTRIBUTOR_DAY_SHARDS),
    from,
    to,
    {
      ProjectionExpression: names.map((_, i) => `#p${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#p${i}`, n])),
    },
  )
  return items.map((item) => {
    const day: OwnDay = { day: String(item.sk), clicks: 0, orders: 0, gmv: 0, recruits: 0, newCustomers: 0 }
    for (const row of sumMembers([item])) for (const f of DISTRIBUTOR_FIELDS) day[f] += row[f]
    return day
  })
}

export type TeamDay = { day: string } & Record<TeamField, number>

/**
 * What everyone below a distributor did, per day over the range, shards summed,
 * days without any left out: one Query on their team key (at most days × 4 small items).
 */
export async function readTeamDays(
  brandId: string,
  distributorId: string,
  from: string,
  to: string,
): Promise<TeamDay[]> {
  const days = new Map<string, TeamDay>()
  for (const item of await queryKey(keys.teamCounters(brandId, distributorId), from, endOf(to))) {
    const day = String(item.sk).slice(0, 10)
    const row = days.get(day) ?? ({ day, ...Object.fromEntries(TEAM_FIELDS.map((f) => [f, 0])) } as TeamDay)
    for (const f of TEAM_FIELDS) row[f] += Number(item[f] ?? 0)
    days.set(day, row)
  }
  return [...days.values()]
}
