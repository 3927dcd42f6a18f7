/** What an attempt returns when something changed under it and it should be run again. */
export const CONFLICT: unique symbol = Symbol('conflict')
export type Conflict = typeof CONFLICT

export interface RetryOptions {
  /** Attempts in all, the first included (default 8). */
  tries?: number
  /** The pause before the second attempt, at most; it doubles each time up to `capMs` (default 20). */
  baseMs?: number
  /** The longest pause between two attempts (default 200). */
  capMs?: number
  /** What to throw when every attempt conflicted (an AppError for the client, or the last error). */
  exhausted: () => unknown
}

/**
 * Runs `attempt` until it returns something other than CONFLICT, at most `tries`
 * times, pausing a random time (full jitter, doubling, capped) between tries so
 * racing requests spread out instead of clashing again. For read → decide →
 * write loops whose write is guarded by what was read.
 * @example
 * return retryOnConflict(async () => {
 *   const current = await getRule(brandId, ruleId)
 *   return (await writeRule(brandId, next(current), current.version)) ? next : CONFLICT
 * }, { exhausted: () => new AppError({ code: 'conflict', message: 'The rule changed while saving; retry.' }) })
 */
export async function retryOnConflict<T>(
  attempt: (n: number) => Promise<T | Conflict>,
  opts: RetryOptions,
): Promise<T> {
  const tries = opts.tries ?? 8
  const baseMs = opts.baseMs ?? 20
  const capMs = opts.capMs ?? 200
  for (let n = 0; n < tries; n++) {
    const result = await attempt(n)
    if (result !== CONFLICT) return result
    if (n + 1 < tries) await new Promise((r) => setTimeout(r, Math.random() * Math.min(capMs, baseMs * 2 ** n)))
  }
  throw opts.exhausted()
}
