/**
 * How long one request may spend on resumable work (closing a settlement, marking
 * it paid, a staff import slice, a hand-over) before it answers "in progress" and
 * the caller asks again. It must end well inside the api function's timeout
 * (cdk/config.ts, asserted by tests/cdk/stack.test.ts): the last step and the
 * answer need time too, and a Lambda killed at its timeout answers a 5xx.
 */
export const REQUEST_BUDGET_MS = 6_000

/** The time one DynamoDB call (a Query page, a transaction) may take: a call starts only with this much left. */
export const CALL_MS = 1_000

/** A request's time budget for resumable work, spent only once the run has made progress. */
export interface RequestBudget {
  /** Asked before each DynamoDB call: true while this run has done nothing yet or a call's time (`callMs`) is left. */
  allows: (callMs?: number) => boolean
  /** True once time is up and this run has done something (`!allows(0)`). */
  over: () => boolean
  /** Records a unit of work done (a page planned, a chunk moved, a slice of rows written). */
  did: () => void
}

/**
 * A time budget from `startedAt` that is only spent once a run has made progress:
 * every call does at least one unit of work however small the budget, so a
 * re-POST loop always ends.
 * @example
 * const budget = requestBudget(budgetMs)
 * for (const chunk of chunks) {
 *   if (!budget.allows()) return 'in_progress'
 *   await write(chunk)
 *   budget.did()
 * }
 */
export function requestBudget(ms = REQUEST_BUDGET_MS, startedAt = Date.now()): RequestBudget {
  const deadline = startedAt + ms
  let progressed = false
  const allows = (callMs = CALL_MS) => !progressed || Date.now() + callMs <= deadline
  return {
    allows,
    over: () => !allows(0),
    did: () => {
      progressed = true
    },
  }
}
