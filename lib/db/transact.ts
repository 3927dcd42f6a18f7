import {
  TransactWriteCommand,
  type DeleteCommand,
  type PutCommand,
  type TransactWriteCommandInput,
  type UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { AppError } from '../errors'
import { db } from './client'
import { CONFLICT, retryOnConflict } from './retry-on-conflict'

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** DynamoDB's limit on items in one transaction. */
export const MAX_TRANSACT_ITEMS = 100

/** A stored item as DynamoDB returned it with a failed condition (ALL_OLD), unmarshalled. */
type StoredItem = Record<string, unknown>

/** Attempts of one transaction while it is only cancelled for clashes or throttling. */
export const TRANSACT_TRIES = 5

/**
 * Cancellation reasons that say nothing about the items, only about the moment:
 * another transaction held an item, or DynamoDB throttled the table or an index.
 * The same transaction may succeed a moment later.
 */
const TRANSIENT_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded'])

/** True when a cancellation was only transient (a clash or throttling), no failed condition or invalid item. */
function onlyTransient(err: unknown): err is TransactionCanceledException {
  if (!(err instanceof TransactionCanceledException)) return false
  const codes = (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None')
  return codes.some((c) => TRANSIENT_REASONS.has(c)) && codes.every((c) => c === 'None' || TRANSIENT_REASONS.has(c))
}

/**
 * A transient cancellation that outlasted the retries becomes a 503 with
 * Retry-After (lib/http/on-error.ts): the same request may succeed later.
 */
function unavailableIfTransient(err: unknown): unknown {
  if (!onlyTransient(err)) return err
  return new AppError({ code: 'unavailable', message: 'The data is busy; try again shortly.', cause: err })
}

/**
 * Sends the transaction, again with capped, jittered backoff while DynamoDB
 * cancels it only for a clash with another in-flight transaction or for
 * throttling (reasons the SDK's own retries do not cover: a cancellation is a
 * 400); throws the last cancellation when they outlast the tries.
 */
async function sendRetrying(items: TransactItem[]): Promise<void> {
  let clash: unknown
  await retryOnConflict(
    async () => {
      try {
        await db().send(new TransactWriteCommand({ TransactItems: items }))
      } catch (err) {
        if (!onlyTransient(err)) throw err
        clash = err
        return CONFLICT
      }
    },
    { tries: TRANSACT_TRIES, baseMs: 25, capMs: 400, exhausted: () => clash },
  )
}

/**
 * TransactWriteItems, retried with jitter when DynamoDB cancels it only because
 * another transaction touched the same items at that moment or it was throttled
 * (real DynamoDB does both; a failed condition is never retried here: callers
 * decide what it means, through `transactOrExplain`). Still cancelled after
 * TRANSACT_TRIES: an AppError 'unavailable' (503).
 * @example await transactWrite([{ Put: { TableName, Item } }, { Update: { … } }])
 */
export async function transactWrite(items: TransactItem[]): Promise<void> {
  try {
    await sendRetrying(items)
  } catch (err) {
    throw unavailableIfTransient(err)
  }
}

/** What a transaction came to: written, or cancelled with the items whose condition failed. */
export type TransactOutcome =
  | { ok: true }
  | {
      ok: false
      /** The items whose condition failed, by index, each with its stored form when the item asked for ALL_OLD. */
      failed: ReadonlyMap<number, StoredItem | undefined>
      /** The cancellation itself, to rethrow when the failure is not one the caller expects. */
      error: TransactionCanceledException
    }

/**
 * `transactWrite` that says which conditions failed instead of throwing: `ok: false`
 * when DynamoDB cancelled the transaction because at least one item's condition
 * failed. Any other error throws, a cancellation too (a clash or throttling that
 * outlasted the retries, as a 503 AppError), unless `anyCancellation` asks for every cancellation as
 * `ok: false` (then `failed` may be empty): for a caller that reads again and
 * decides again whatever changed.
 * @example
 * const r = await transactOrExplain([putLink, putLinkTarget])
 * if (!r.ok && r.failed.has(1)) return { created: false, existingCode: String(r.failed.get(1)?.code) }
 */
export async function transactOrExplain(
  items: TransactItem[],
  opts: { anyCancellation?: boolean } = {},
): Promise<TransactOutcome> {
  try {
    await sendRetrying(items)
    return { ok: true }
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err
    const failed = new Map<number, StoredItem | undefined>()
    err.CancellationReasons?.forEach((reason, i) => {
      if (reason.Code === 'ConditionalCheckFailed') failed.set(i, reason.Item ? unmarshall(reason.Item) : undefined)
    })
    if (failed.size === 0 && !opts.anyCancellation) throw unavailableIfTransient(err)
    return { ok: false, failed, error: err }
  }
}

/** What one conditional write came to: written (with any attributes it asked back), or refused with the stored item. */
export type WriteOutcome =
  | { ok: true; attributes?: StoredItem }
  | {
      ok: false
      /** The item as stored, when the write asked for ALL_OLD on a failed condition. */
      item?: StoredItem
    }

/**
 * One conditional Put, Update or Delete that answers `ok: false` when its
 * condition failed instead of throwing; any other error throws.
 * @example if (!(await writeOrExplain(new PutCommand({ …, ConditionExpression: 'attribute_not_exists(pk)' }))).ok) return false
 */
export async function writeOrExplain(command: PutCommand | UpdateCommand | DeleteCommand): Promise<WriteOutcome> {
  try {
    // One overload per command class: the union is sent as any one of them (the output shapes agree on Attributes).
    const r = await db().send(command as UpdateCommand)
    return { ok: true, attributes: r.Attributes }
  } catch (err) {
    if (!(err instanceof ConditionalCheckFailedException)) throw err
    return { ok: false, item: err.Item ? unmarshall(err.Item) : undefined }
  }
}
