import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { moveDeltas, teamDeltas, wouldCycle, type TeamCounts } from '../../../lib/domain/team'
import { MAX_ANCESTORS } from '../../../lib/domain/ring'

/** A forest as parent pointers: parents[i] is i's recruiter (always < i) or null for a root. */
type Forest = Array<number | null>

const ancestorsOf = (parents: Forest, i: number): number[] => {
  const out: number[] = []
  for (let p = parents[i]; p !== null && p !== undefined; p = parents[p]) out.push(p)
  return out
}

/** Team counts from scratch: for each node, descendants exactly k levels below, k ≤ 10. */
function countsFromScratch(parents: Forest): Map<number, TeamCounts> {
  const counts = new Map<number, TeamCounts>()
  parents.forEach((_, i) => {
    ancestorsOf(parents, i).forEach((a, k) => {
      const level = k + 1
      if (level > MAX_ANCESTORS) return
      const c = counts.get(a) ?? {}
      c[level] = (c[level] ?? 0) + 1
      counts.set(a, c)
    })
  })
  return counts
}

const isInSubtree = (parents: Forest, root: number, i: number) => i === root || ancestorsOf(parents, i).includes(root)

/** Random forests: a mix of bushy and chain-like ones (chains exercise the 10-level cap). */
const forest = fc
  .array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 40 })
  .chain((choices) =>
    fc.boolean().map((chainy) =>
      choices.map(([pick, rootChance], i): number | null => {
        if (i === 0 || rootChance === 0) return null
        return chainy ? i - 1 - (pick % Math.min(i, 2)) : pick % i
      }),
    ),
  )

/** A forest plus a valid move: a node and a new recruiter outside its own team (or null: becomes a root). */
const forestAndMove = forest.chain((parents) =>
  fc
    .tuple(fc.constant(parents), fc.nat({ max: parents.length - 1 }), fc.nat({ max: parents.length }))
    .map(([ps, node, pick]) => {
      const candidates = ps.map((_, i) => i).filter((i) => !isInSubtree(ps, node, i))
      const newParent = pick >= candidates.length ? null : candidates[pick]!
      return { parents: ps, node, newParent }
    }),
)

describe('teamDeltas', () => {
  it('moves a subtree: counts before + deltas = counts after, for every recruiter', () => {
    fc.assert(
      fc.property(forestAndMove, ({ parents, node, newParent }) => {
        const before = countsFromScratch(parents)
        const after = parents.slice()
        after[node] = newParent
        const expected = countsFromScratch(after)

        // Subtree members by distance below the moved node (r = 0 is the node), every level.
        const levelCounts: number[] = []
        parents.forEach((_, i) => {
          if (!isInSubtree(parents, node, i)) return
          const r = i === node ? 0 : ancestorsOf(parents, i).indexOf(node) + 1
          levelCounts[r] = (levelCounts[r] ?? 0) + 1
        })
        for (let r = 0; r < levelCounts.length; r++) levelCounts[r] ??= 0

        const cap = (xs: number[]) => xs.slice(0, MAX_ANCESTORS).map(String)
        const oldAncestors = cap(ancestorsOf(parents, node))
        const newAncestors = newParent === null ? [] : cap([newParent, ...ancestorsOf(parents, newParent)])
        const deltas = teamDeltas(oldAncestors, newAncestors, levelCounts)

        const applied = new Map<number, TeamCounts>()
        for (const [id, c] of before) applied.set(id, { ...c })
        for (const [id, d] of deltas) {
          expect(Object.values(d).every((n) => n !== 0)).toBe(true) // zero deltas are dropped
          const c = applied.get(Number(id)) ?? {}
          for (const [level, n] of Object.entries(d)) {
            expect(Number(level)).toBeLessThanOrEqual(MAX_ANCESTORS)
            c[Number(level)] = (c[Number(level)] ?? 0) + n
          }
          applied.set(Number(id), c)
        }
        const normalise = (m: Map<number, TeamCounts>) =>
          Object.fromEntries(
            [...m]
              .map(([id, c]) => [id, Object.fromEntries(Object.entries(c).filter(([, n]) => n !== 0))] as const)
              .filter(([, c]) => Object.keys(c).length > 0),
          )
        expect(normalise(applied)).toEqual(normalise(expected))
      }),
      { numRuns: 500 },
    )
  })

  it('gives a new recruit +1 at each level up its chain', () => {
    expect(teamDeltas([], ['p'], [1])).toEqual(new Map([['p', { 1: 1 }]]))
    expect(teamDeltas([], ['p', 'g'], [1])).toEqual(
      new Map([
        ['p', { 1: 1 }],
        ['g', { 2: 1 }],
      ]),
    )
  })

  it('drops ancestors whose counts do not change and combines shared ones', () => {
    // Moving from under a (child of g) to under b (child of g): g's level-2 count is unchanged.
    const d = teamDeltas(['a', 'g'], ['b', 'g'], [1, 2])
    expect(d.get('a')).toEqual({ 1: -1, 2: -2 })
    expect(d.get('b')).toEqual({ 1: 1, 2: 2 })
    expect(d.has('g')).toBe(false)
    expect(teamDeltas(['a'], ['a'], [1, 3])).toEqual(new Map())
  })

  it('never counts levels deeper than 10', () => {
    const ancestors = Array.from({ length: 10 }, (_, i) => `a${i}`)
    const d = teamDeltas([], ancestors, [1, 1, 1])
    expect(d.get('a9')).toEqual({ 10: 1 })
    expect(d.get('a8')).toEqual({ 9: 1, 10: 1 })
  })
})

describe('moveDeltas', () => {
  const cap = (xs: number[]) => xs.slice(0, MAX_ANCESTORS).map(String)
  const plain = (m: Map<string, TeamCounts>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)))

  it('member by member, in any chunks, adds up to the one-shot subtree deltas; a chunk touches at most 20 recruiters', () => {
    fc.assert(
      fc.property(forestAndMove, fc.integer({ min: 1, max: 7 }), ({ parents, node, newParent }, chunkSize) => {
        const after = parents.slice()
        after[node] = newParent
        const members = parents.map((_, i) => i).filter((i) => isInSubtree(parents, node, i))
        const moves = members.map((i) => ({
          before: { ancestors: cap(ancestorsOf(parents, i)) },
          after: { ancestors: cap(ancestorsOf(after, i)) },
        }))
        const levelCounts: number[] = []
        for (const i of members) {
          const r = i === node ? 0 : ancestorsOf(parents, i).indexOf(node) + 1
          levelCounts[r] = (levelCounts[r] ?? 0) + 1
        }
        for (let r = 0; r < levelCounts.length; r++) levelCounts[r] ??= 0
        const oneShot = teamDeltas(cap(ancestorsOf(parents, node)), cap(ancestorsOf(after, node)), levelCounts)
        expect(plain(moveDeltas(moves))).toEqual(plain(oneShot))

        const summed: Array<{ before: { ancestors: string[] }; after: { ancestors: string[] } }> = []
        for (let i = 0; i < moves.length; i += chunkSize) {
          const chunk = moves.slice(i, i + chunkSize)
          expect(moveDeltas(chunk).size).toBeLessThanOrEqual(2 * MAX_ANCESTORS)
          summed.push(...chunk)
        }
        expect(plain(moveDeltas(summed))).toEqual(plain(oneShot))
      }),
      { numRuns: 300 },
    )
  })

  it('counts each member from its own stored recruiters', () => {
    expect(moveDeltas([{ before: { ancestors: ['a'] }, after: { ancestors: ['b'] } }])).toEqual(
      new Map([
        ['a', { 1: -1 }],
        ['b', { 1: 1 }],
      ]),
    )
    // A member whose recruiter already moved still has its old upline stored: that is what it leaves.
    expect(moveDeltas([{ before: { ancestors: ['p', 'old'] }, after: { ancestors: ['p', 'new'] } }])).toEqual(
      new Map([
        ['old', { 2: -1 }],
        ['new', { 2: 1 }],
      ]),
    )
  })
})

describe('wouldCycle', () => {
  it('is true for the node itself and for anyone with the node among its ancestors', () => {
    expect(wouldCycle('n', { id: 'n', ancestors: [] })).toBe(true)
    expect(wouldCycle('n', { id: 'c', ancestors: ['n'] })).toBe(true)
    expect(wouldCycle('n', { id: 'gc', ancestors: ['c', 'n', 'x'] })).toBe(true)
  })
  it('is false for the node’s own recruiters and for strangers', () => {
    expect(wouldCycle('n', { id: 'p', ancestors: ['g'] })).toBe(false)
    expect(wouldCycle('n', { id: 's', ancestors: [] })).toBe(false)
    expect(wouldCycle('n', { id: 'nn', ancestors: ['xn', 'n2'] })).toBe(false)
  })
})
