import type { ChainMember } from './commission'
import type { CandidateDistributor } from './attribution'

export interface PaidChain {
  members: ChainMember[]
  /** Levels whose distributor was suspended: nobody is paid there, the brand keeps the share. */
  skipped: Array<{ level: number; distributorId: string; reason: 'suspended' | 'missing' }>
}

/**
 * The chain an order pays up (docs/architecture.md §4.2): the credited distributor at
 * level 1, their recruiter at 2, … up to `maxLevels`. A suspended (or vanished)
 * distributor is skipped without shifting the levels above.
 * @example chainFor('a', ['b', 'c'], byId, 2) → levels 1 (a) and 2 (b)
 */
export function chainFor(
  creditedId: string,
  ancestors: readonly string[],
  byId: ReadonlyMap<string, CandidateDistributor>,
  maxLevels: number,
): PaidChain {
  const members: ChainMember[] = []
  const skipped: PaidChain['skipped'] = []
  ;[creditedId, ...ancestors].slice(0, maxLevels).forEach((id, i) => {
    const d = byId.get(id)
    const level = i + 1
    if (!d) skipped.push({ level, distributorId: id, reason: 'missing' })
    else if (d.status !== 'active') skipped.push({ level, distributorId: id, reason: 'suspended' })
    else members.push({ level, distributorId: id, type: d.type })
  })
  return { members, skipped }
}
