const DAY_MS = 86_400_000

/** UTC calendar days. */
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The last `n` UTC days up to `now`, oldest first: what a "last 30 days" figure covers.
 * @example lastDays(new Date('2026-11-25T10:00:00Z'), 3) → { from: '2026-11-23', to: '2026-11-25', days: ['2026-11-23', '2026-11-24', '2026-11-25'] }
 */
export function lastDays(now: Date, n: number): { from: string; to: string; days: string[] } {
  const days = Array.from({ length: n }, (_, i) => isoDay(now.getTime() - (n - 1 - i) * DAY_MS))
  return { from: days[0] ?? isoDay(now.getTime()), to: isoDay(now.getTime()), days }
}

/**
 * Sparse day rows (only days with something) as one row per day, zeros filled,
 * in the order of `days`, keeping only `fields`; rows outside `days` are ignored.
 * @example denseDays(['d1', 'd2'], [{ day: 'd2', orders: 3 }], ['orders']) → [{ day: 'd1', orders: 0 }, { day: 'd2', orders: 3 }]
 */
export function denseDays<F extends string>(
  days: readonly string[],
  rows: ReadonlyArray<{ day: string } & Partial<Record<F, number>>>,
  fields: readonly F[],
): Array<{ day: string } & Record<F, number>> {
  const byDay = new Map(rows.map((r) => [r.day, r]))
  return days.map((day) => {
    const row = byDay.get(day)
    return { day, ...(Object.fromEntries(fields.map((f) => [f, row?.[f] ?? 0])) as Record<F, number>) }
  })
}

/** Each field summed over the rows. */
export function totalsOf<F extends string>(
  rows: ReadonlyArray<Record<F, number>>,
  fields: readonly F[],
): Record<F, number> {
  return Object.fromEntries(fields.map((f) => [f, rows.reduce((n, r) => n + r[f], 0)])) as Record<F, number>
}
