/** One member's figure in a ranking. */
export interface Standing {
  id: string
  value: number
}

/** A place in a ranking: competition ranking (ties share a place), null while the figure is zero. */
export interface Place {
  rank: number | null
  /** How many have a non-zero figure (me included when mine is); null where not counted. */
  of: number | null
  value: number
}

/**
 * My place among `members` by one figure: 1 + how many have more; members with
 * zero are not ranked. Pure: the service reads the month's counters.
 * @example placeOf('b', [{ id: 'a', value: 5 }, { id: 'b', value: 3 }]) → { rank: 2, of: 2, value: 3 }
 */
export function placeOf(myId: string, members: readonly Standing[]): Place {
  const value = members.find((m) => m.id === myId)?.value ?? 0
  const ranked = members.filter((m) => m.value > 0)
  return {
    rank: value > 0 ? 1 + ranked.filter((m) => m.value > value).length : null,
    of: ranked.length,
    value,
  }
}

/** Sums rows of the same id (a distributor under several types in one month) into one standing each. */
export function standings<R extends { id: string }>(rows: readonly R[], value: (r: R) => number): Standing[] {
  const out = new Map<string, number>()
  for (const r of rows) out.set(r.id, (out.get(r.id) ?? 0) + value(r))
  return [...out].map(([id, v]) => ({ id, value: v }))
}
