import { getTeamCounts } from '../db/distributors'

/** How many distributors stand at one level below someone (1 = their direct recruits). */
export interface TeamLevel {
  level: number
  count: number
}

/**
 * A distributor's team size by level, nearest level first: one GetItem on their team counter item.
 * What GET /api/me, GET /api/me/team, /m and the console's distributor page show.
 * @example await teamLevels('d_1') // [{ level: 1, count: 3 }, { level: 2, count: 7 }]
 */
export async function teamLevels(distributorId: string): Promise<TeamLevel[]> {
  const counts = await getTeamCounts(distributorId)
  return Object.entries(counts)
    .map(([level, count]) => ({ level: Number(level), count }))
    .sort((a, b) => a.level - b.level)
}
