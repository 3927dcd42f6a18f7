import { getBalance } from '../db/balances'
import { readOwnDays, readTeamDays } from '../db/report-counters'
import { denseDays, totalsOf } from '../domain/day-series'
import { lastLocalDays } from '../domain/time-zone'
import { DISTRIBUTOR_TYPES } from '../schemas/distributor'
import type { MyDashboard, MyResults } from '../schemas/me'
import { getBrandOrThrow } from './get-brand-or-throw'

/** Days a distributor's own and team figures cover, today included. */
export const MY_DAYS = 30

const SERIES = ['clicks', 'orders', 'gmv'] as const

/**
 * A distributor's team figures per day and in total over the last 30 days
 * (the brand's local days, `timeZone`): one Query on their team counter key.
 * Nothing reads the team's orders.
 */
export async function myTeamStats(
  brandId: string,
  distributorId: string,
  timeZone: string,
  now = new Date(),
): Promise<MyResults['teamStats']> {
  const { from, to, days } = lastLocalDays(now, MY_DAYS, timeZone)
  const rows = await readTeamDays(brandId, distributorId, from, to)
  return { from, to, ...totalsOf(rows, [...SERIES, 'newMembers'] as const), daily: denseDays(days, rows, SERIES) }
}

/**
 * Own and team figures over the last 30 local days, per day and in total: two
 * Queries, each one key over 30 days (own: their counter shard, one item a day;
 * team: their team key). Nothing scans orders, clicks or the ledger.
 * @example const { stats, teamStats } = await myResults('b_1', 'd_1') // stats.daily.length === 30
 */
export async function myResults(
  brandId: string,
  distributorId: string,
  timeZone: string,
  now = new Date(),
): Promise<MyResults> {
  const { from, to, days } = lastLocalDays(now, MY_DAYS, timeZone)
  const [own, teamStats] = await Promise.all([
    readOwnDays(brandId, distributorId, from, to, DISTRIBUTOR_TYPES),
    myTeamStats(brandId, distributorId, timeZone, now),
  ])
  const stats = { from, to, ...totalsOf(own, [...SERIES, 'recruits'] as const), daily: denseDays(days, own, SERIES) }
  return { stats, teamStats }
}

/** My results and my balance: what GET /api/me adds to the distributor. */
export async function myDashboard(brandId: string, distributorId: string, now = new Date()): Promise<MyDashboard> {
  const brand = await getBrandOrThrow(brandId)
  // The balance is kept per currency: the brand's programme currency is the one its orders pay in.
  const [results, earnings] = await Promise.all([
    myResults(brandId, distributorId, brand.programme.timeZone, now),
    getBalance(distributorId, brand.programme.currency),
  ])
  return { ...results, earnings }
}
