import { MAX_ANCESTORS } from './ring'

/** Team size by level: `{ 1: 3, 2: 7 }` means 3 direct recruits and 7 of theirs. */
export type TeamCounts = Record<number, number>

/**
 * How each recruiter's team counts change when a subtree moves from one chain of
 * ancestors to another. `levelCounts[r]` is how many subtree members sit r levels
 * below the moved distributor (r = 0 is the distributor itself). An ancestor on
 * both chains gets one combined delta; zero deltas are dropped.
 * @example teamDeltas([], ['p'], [1]) → Map { 'p' => { 1: 1 } }  (a new recruit under p)
 */
export function teamDeltas(
  oldAncestors: readonly string[],
  newAncestors: readonly string[],
  levelCounts: readonly number[],
): Map<string, TeamCounts> {
  const deltas = new Map<string, TeamCounts>()
  const add = (ancestors: readonly string[], sign: 1 | -1) => {
    ancestors.forEach((ancestorId, i) => {
      levelCounts.forEach((count, r) => {
        const level = i + 1 + r
        if (level > MAX_ANCESTORS || count === 0) return
        const d = deltas.get(ancestorId) ?? {}
        d[level] = (d[level] ?? 0) + sign * count
        deltas.set(ancestorId, d)
      })
    })
  }
  add(oldAncestors, -1)
  add(newAncestors, 1)
  for (const [id, d] of deltas) {
    for (const level of Object.keys(d).map(Number)) if (d[level] === 0) delete d[level]
    if (Object.keys(d).length === 0) deltas.delete(id)
  }
  return deltas
}

/** True when `candidate` is `node` itself or one of its known ancestors. */
export const wouldCycle = (nodeId: string, candidate: { id: string; ancestors: readonly string[] }): boolean =>
  candidate.id === nodeId || candidate.ancestors.includes(nodeId)

/** One distributor's recruiters before and after a move. */
export interface AncestorsMove {
  before: { ancestors: readonly string[] }
  after: { ancestors: readonly string[] }
}

/**
 * The team-count deltas of moving exactly these distributors, each counted from
 * its own stored recruiters to its new ones. Applied in the same transaction as
 * the moves, team counts always equal what the stored ancestor lists say, so a
 * team moved in chunks (or a move resumed after a crash) ends exactly where a
 * one-shot move would. Recruiters inside the moved team keep their level and
 * cancel out, so a chunk touches at most the old and new upline of its root.
 * @example moveDeltas([{ before: { ancestors: ['a'] }, after: { ancestors: ['b'] } }]) → Map { 'a' => { 1: -1 }, 'b' => { 1: 1 } }
 */
export function moveDeltas(moves: readonly AncestorsMove[]): Map<string, TeamCounts> {
  const total = new Map<string, TeamCounts>()
  for (const m of moves) {
    for (const [id, delta] of teamDeltas(m.before.ancestors, m.after.ancestors, [1])) {
      const d = total.get(id) ?? {}
      for (const [level, n] of Object.entries(delta)) d[Number(level)] = (d[Number(level)] ?? 0) + n
      total.set(id, d)
    }
  }
  for (const [id, d] of total) {
    for (const level of Object.keys(d).map(Number)) if (d[level] === 0) delete d[level]
    if (Object.keys(d).length === 0) total.delete(id)
  }
  return total
}
