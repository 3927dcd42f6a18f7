import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { transactOrExplain, writeOrExplain } from './transact'
import { keys } from './keys'
import { getItem, queryPage, type Page } from './items'
import { tableName } from './table'
import { balanceUpdate, statusIndex, type LedgerEntry } from './ledger'

/** Pending entries due by `until` in one day's shard of the hold index (GSI2, sparse: pending entries only). */
export function listDueHolds(day: string, shard: number, until: string, cursor?: string): Promise<Page<LedgerEntry>> {
  return queryPage<LedgerEntry>(
    {
      IndexName: 'GSI2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk <= :until',
      ExpressionAttributeValues: { ':pk': keys.holdDue(day, shard), ':until': `${until}\uffff` },
      Limit: 100,
    },
    cursor,
  )
}

/**
 * Moves one entry from pending to available with its balance, in one
 * transaction conditional on the entry still being pending: two jobs running at
 * once move it once. Returns false when it had already moved.
 */
export async function releaseHold(e: LedgerEntry, now = new Date()): Promise<boolean> {
  const index = statusIndex({ ...e, status: 'available' })
  const written = await transactOrExplain([
    {
      Update: {
        TableName: tableName(),
        Key: keys.ledgerEntry(e.distributorId, e.at, e.entryId),
        UpdateExpression: 'SET #s = :available, availableSince = :now, gsi2pk = :pk, gsi2sk = :sk',
        ConditionExpression: '#s = :pending',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':available': 'available',
          ':pending': 'pending',
          ':now': now.toISOString(),
          ':pk': index.gsi2pk,
          ':sk': index.gsi2sk,
        },
      },
    },
    balanceUpdate(e.distributorId, e.currency, { pending: -e.amount, available: e.amount }),
  ])
  return written.ok
}

/** The first day the hold-release job has not finished yet (a watermark), or undefined on the first run. */
export async function getHoldWatermark(): Promise<string | undefined> {
  const item = await getItem(keys.job('hold-release'), true)
  return item ? String(item.doneBefore) : undefined
}

/** Moves the watermark forward only (never back), so concurrent runs cannot undo each other. */
export async function advanceHoldWatermark(doneBefore: string): Promise<void> {
  // A failed condition means another run already moved it as far or further.
  await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.job('hold-release'),
      UpdateExpression: 'SET doneBefore = :d',
      ConditionExpression: 'attribute_not_exists(doneBefore) OR doneBefore < :d',
      ExpressionAttributeValues: { ':d': doneBefore },
    }),
  )
}
