import type { DistributorType } from '../schemas/distributor'

/** Types of the brand's own people; the rest are the external circle. */
export const INTERNAL_TYPES: readonly DistributorType[] = ['employee', 'guide', 'online_rep', 'offline_rep']

/** The ancestor list is capped at the engine's level limit: deeper levels never earn. */
export const MAX_ANCESTORS = 10

export type Circle = 'internal' | 'external'

export const circleOf = (type: DistributorType): Circle => (INTERNAL_TYPES.includes(type) ? 'internal' : 'external')

/** The recruitment position a distributor derives from its recruiter. */
export interface Placement {
  parentId: string | null
  ancestors: string[]
  depth: number
  ring: number
}

/**
 * Where a distributor sits: a root is ring 1 if internal and ring 2 if external
 * (the brand is ring 0); a recruit is one ring further out than its recruiter.
 * @example placementUnder(null, 'member') → { ring: 2, depth: 0, ancestors: [] }
 */
export function placementUnder(
  parent: { id: string; ancestors: string[]; depth: number; ring: number } | null,
  type: DistributorType,
): Placement {
  if (!parent) return { parentId: null, ancestors: [], depth: 0, ring: circleOf(type) === 'internal' ? 1 : 2 }
  return {
    parentId: parent.id,
    ancestors: [parent.id, ...parent.ancestors].slice(0, MAX_ANCESTORS),
    depth: parent.depth + 1,
    ring: parent.ring + 1,
  }
}
