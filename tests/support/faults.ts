import {
  InternalServerError,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb'
import { rawClientForTests } from '../../lib/db/client'

/**
 * DynamoDB's failures that DynamoDB Local never produces, injected into the one
 * client (tests only). Each is raised inside the SDK's retry loop, exactly where a
 * real response would be, so the SDK's own retries (lib/db/client.ts: standard
 * mode, 3 attempts) see it as they would see DynamoDB's answer:
 * - `conflict`, `txThrottle`, `txProvisioned`: TransactionCanceledException with
 *   reason TransactionConflict, ThrottlingError or ProvisionedThroughputExceeded on
 *   the first item (a 400: the SDK does not retry it; nothing is written);
 * - `throttle`, `provisioned`: ThrottlingException, ProvisionedThroughputExceededException;
 * - `internal`: InternalServerError (500);
 * - `timeoutAfterWrite`: the request reaches DynamoDB and is applied, then the
 *   client gives up waiting (a TimeoutError);
 * - `unprocessed`: BatchGetItem answers with part of its keys (every other one,
 *   all of a single key) in UnprocessedKeys.
 */
export type FaultKind =
  | 'conflict'
  | 'txThrottle'
  | 'txProvisioned'
  | 'throttle'
  | 'provisioned'
  | 'internal'
  | 'timeoutAfterWrite'
  | 'unprocessed'

/** One attempt of one call as the fault layer saw it. */
export interface DbCall {
  /** The operation without "Command": TransactWriteItems, BatchGetItem, UpdateItem … */
  command: string
  /** 1-based: the how-many-th attempt of this operation since the faults were switched on. */
  n: number
  /** 1-based attempt within the SDK's own retries of one send (1 = first try). */
  attempt: number
  /** The input as the document client was given it (plain values, not AttributeValues). */
  // why any: any operation's input; predicates read the fields they need
  input: Record<string, any>
  /** The fault raised on this attempt, if any. */
  fault?: FaultKind
}

/** Fault `fault` on attempts of `command` that are the `nth` (one or several) and/or satisfy `when`. */
export interface FaultRule {
  command: string
  nth?: number | readonly number[]
  when?: (call: DbCall) => boolean
  fault: FaultKind
  /** At most this many injections by this rule (default: unlimited, or the count of `nth`). */
  times?: number
}

export type FaultPlan = readonly FaultRule[] | ((call: DbCall) => FaultKind | undefined)

/** The record of a run with faults on; `stop()` switches them off (also `using` / Symbol.dispose). */
export interface FaultRun {
  readonly calls: DbCall[]
  /** Attempts of `command` (every operation when omitted), only those given `fault` when named. */
  count(command?: string, fault?: FaultKind): number
  /** SDK retries seen: attempts after the first of one send. */
  sdkRetries(command?: string): number
  stop(): void
  [Symbol.dispose](): void
}

interface Active {
  plan: FaultPlan
  used: Map<FaultRule, number>
  seen: Map<string, number>
  calls: DbCall[]
}

let active: Active | undefined
let installed = false
/** Each call's document-level input, captured before it is marshalled. */
const inputs = new WeakMap<object, Record<string, unknown>>()

/**
 * Switches faults on for the client under `db()` until the returned run is stopped.
 * One plan at a time; a plan of `[]` only records calls.
 * @example
 * const run = injectFaults([{ command: 'TransactWriteItems', nth: 1, fault: 'txThrottle' }])
 * try { … } finally { run.stop() }
 * expect(run.count('TransactWriteItems')).toBe(2)
 */
export function injectFaults(plan: FaultPlan): FaultRun {
  if (active) throw new Error('injectFaults: a fault plan is already active')
  install()
  const state: Active = { plan, used: new Map(), seen: new Map(), calls: [] }
  active = state
  const stop = () => {
    if (active === state) active = undefined
  }
  return {
    calls: state.calls,
    count: (command, fault) =>
      state.calls.filter((c) => (!command || c.command === command) && (!fault || c.fault === fault)).length,
    sdkRetries: (command) => state.calls.filter((c) => (!command || c.command === command) && c.attempt > 1).length,
    stop,
    [Symbol.dispose]: stop,
  }
}

function install(): void {
  if (installed) return
  installed = true
  const stack = rawClientForTests().middlewareStack
  stack.add(
    (next, context) => async (args) => {
      inputs.set(context, args.input as Record<string, unknown>)
      return next(args)
    },
    { step: 'initialize', name: 'faultInputs', priority: 'high' },
  )
  // After the SDK's retry middleware: once per attempt, and what it throws is what the retry decides on.
  type Args = { input: unknown; request: unknown }
  type Next = (args: Args) => Promise<{ output: unknown; response: unknown }>
  const injector = (next: Next, context: { commandName?: string }) => async (args: Args) => {
    const run = active
    if (!run) return next(args)
    const command = String(context.commandName ?? '').replace(/Command$/, '')
    const n = (run.seen.get(command) ?? 0) + 1
    run.seen.set(command, n)
    const header = (args.request as { headers?: Record<string, string> }).headers?.['amz-sdk-request'] ?? ''
    const attempt = Number(/attempt=(\d+)/.exec(header)?.[1] ?? 1)
    const call: DbCall = { command, n, attempt, input: inputs.get(context) ?? {} }
    const fault = choose(run, call)
    run.calls.push({ ...call, fault })
    if (!fault) return next(args)
    if (fault === 'timeoutAfterWrite') {
      await next(args)
      throw Object.assign(new Error('Injected: the request was applied, then the client timed out.'), {
        name: 'TimeoutError',
      })
    }
    if (fault === 'unprocessed') {
      const result = await next(args)
      leaveUnprocessed(call.input, result.output as BatchGetOutput)
      return result
    }
    throw errorFor(fault, call)
  }
  // The stack's own middleware types are generic over every operation's input and output.
  stack.addRelativeTo(injector as unknown as Parameters<typeof stack.addRelativeTo>[0], {
    relation: 'after',
    toMiddleware: 'retryMiddleware',
    name: 'faultInjector',
  })
}

function choose(run: Active, call: DbCall): FaultKind | undefined {
  if (typeof run.plan === 'function') return run.plan(call)
  for (const rule of run.plan) {
    if (rule.command !== call.command) continue
    const nth = rule.nth === undefined ? undefined : typeof rule.nth === 'number' ? [rule.nth] : rule.nth
    if (nth && !nth.includes(call.n)) continue
    if (rule.when && !rule.when(call)) continue
    const used = run.used.get(rule) ?? 0
    if (used >= (rule.times ?? nth?.length ?? Number.POSITIVE_INFINITY)) continue
    run.used.set(rule, used + 1)
    return rule.fault
  }
  return undefined
}

const REASONS = {
  conflict: 'TransactionConflict',
  txThrottle: 'ThrottlingError',
  txProvisioned: 'ProvisionedThroughputExceeded',
}

function errorFor(fault: Exclude<FaultKind, 'timeoutAfterWrite' | 'unprocessed'>, call: DbCall): Error {
  const meta = (httpStatusCode: number) => ({ $metadata: { httpStatusCode } })
  switch (fault) {
    case 'conflict':
    case 'txThrottle':
    case 'txProvisioned': {
      const items = (call.input.TransactItems as unknown[] | undefined)?.length ?? 1
      const code = REASONS[fault]
      return new TransactionCanceledException({
        ...meta(400),
        message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${code}]`,
        CancellationReasons: Array.from({ length: items }, (_, i) =>
          i === 0 ? { Code: code, Message: `Injected ${code}` } : { Code: 'None' },
        ),
      })
    }
    case 'throttle':
      return new ThrottlingException({
        ...meta(400),
        message: 'Injected: rate of requests exceeds the allowed throughput.',
      })
    case 'provisioned':
      return new ProvisionedThroughputExceededException({
        ...meta(400),
        message: 'Injected: the level of configured provisioned throughput for the table was exceeded.',
      })
    case 'internal':
      return new InternalServerError({ ...meta(500), message: 'Injected: internal server error.' })
  }
}

type Key = Record<string, unknown>
interface BatchGetOutput {
  Responses?: Record<string, Key[]>
  UnprocessedKeys?: Record<string, { Keys?: Key[]; ConsistentRead?: boolean }>
}

/** Moves every other requested key (a lone key too) from the answer to UnprocessedKeys. */
function leaveUnprocessed(input: DbCall['input'], output: BatchGetOutput): void {
  const requested = (input.RequestItems ?? {}) as Record<string, { Keys: Key[]; ConsistentRead?: boolean }>
  for (const [table, { Keys, ConsistentRead }] of Object.entries(requested)) {
    const left = Keys.length === 1 ? Keys : Keys.filter((_, i) => i % 2 === 1)
    const ids = new Set(left.map((k) => `${k.pk}\u0000${k.sk}`))
    output.Responses ??= {}
    output.Responses[table] = (output.Responses[table] ?? []).filter((item) => !ids.has(`${item.pk}\u0000${item.sk}`))
    output.UnprocessedKeys ??= {}
    const already = output.UnprocessedKeys[table]?.Keys ?? []
    output.UnprocessedKeys[table] = { Keys: [...already, ...left], ConsistentRead }
  }
}
