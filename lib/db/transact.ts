import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb'
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb'
import { db } from './client'

/** One item of a TransactWriteItems request, as the document client takes it. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** DynamoDB's limit on items in one transaction. */
export const MAX_TRANSACT_ITEMS = 100

const CONFLICT_RETRIES = 4

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
 * decide what it means).
 * @example await transactWrite([{ Put: { TableName, Item } }, { Update: { … } }])
 */
export async function transactWrite(items: TransactItem[]): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }))
      return
    } catch (err) {
      if (attempt >= CONFLICT_RETRIES || !onlyConflicts(err)) throw err
      await new Promise((r) => setTimeout(r, Math.random() * 15 * 2 ** attempt))
    }
  }
}
