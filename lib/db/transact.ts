import {
  TransactWriteCommand,
  type DeleteCommand,
  type PutCommand,
  type TransactWriteCommandInput,
  type UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import { db } from './client'
import { CONFLICT, retryOnConflict } from './retry-on-conflict'

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** DynamoDB's limit on items in one transaction. */
export const MAX_TRANSACT_ITEMS = 100

/** A stored item as DynamoDB returned it with a failed condition (ALL_OLD), unmarshalled. */
type StoredItem = Record<string, unknown>

/** True when a cancellation was only a clash with another in-flight transaction, not a failed condition. */
function onlyConflicts(err: unknown): boolean {
  if (!(err instanceof TransactionCanceledException)) return false
  const codes = (err.CancellationReasons ?? []).map((r) => r.Code ?? 'None')
  return codes.includes('TransactionConflict') && codes.every((c) => c === 'None' || c === 'TransactionConflict')
}

/**
 * TransactWriteItems, retried with jitter when DynamoDB cancels it only because
 * another transaction touched the same items at that moment (real DynamoDB does
 * this under concurrency; a failed condition is never retried here: callers
 * decide what it means, through `transactOrExplain`).
 * @example await transactWrite([{ Put: { TableName, Item } }, { Update: { … } }])
 */
export async function transactWrite(items: TransactItem[]): Promise<void> {
  let clash: unknown
  await retryOnConflict(
    async () => {
      try {
        await db().send(new TransactWriteCommand({ TransactItems: items }))
      } catch (err) {
        if (!onlyConflicts(err)) throw err
        clash = err
        return CONFLICT
      }
    },
    { tries: 5, baseMs: 15, exhausted: () => clash },
  )
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
 * failed. Any other error throws, a cancellation too (a clash that outlasted the
 * retries, throttling), unless `anyCancellation` asks for every cancellation as
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
    await transactWrite(items)
    return { ok: true }
  } catch (err) {
    if (!(err instanceof TransactionCanceledException)) throw err
    const failed = new Map<number, StoredItem | undefined>()
    err.CancellationReasons?.forEach((reason, i) => {
      if (reason.Code === 'ConditionalCheckFailed') failed.set(i, reason.Item ? unmarshall(reason.Item) : undefined)
    })
    if (failed.size === 0 && !opts.anyCancellation) throw err
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
