/**
 * How long one request may spend on resumable work (closing a settlement, marking
 * it paid, a staff import slice, a hand-over) before it answers "in progress" and
 * the caller asks again. It must end well inside the api function's timeout
 * (cdk/config.ts, asserted by tests/cdk/stack.test.ts): the last step and the
 * answer need time too, and a Lambda killed at its timeout answers a 5xx.
 */
export const REQUEST_BUDGET_MS = 6_000
