import { openSealed, seal } from '../auth/sealed'
import { PayoutDetails, type PayoutMasked } from '../schemas/payout'
import { batchGet } from './batch-get'
import { tableName } from './table'
import { keys } from './keys'
import { transactWrite } from './transact'

const PURPOSE = 'payout'

/**
 * Stores a distributor's payout details: the details themselves AES-256-GCM sealed
 * in their own item (`DIST#id / PAYOUT`, never returned by a distributor read) and
 * the masked form on the distributor, which every answer and page shows; one
 * transaction, the distributor must exist.
 */
export async function writePayout(distributorId: string, details: PayoutDetails, masked: PayoutMasked): Promise<void> {
  await transactWrite([
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...keys.payout(distributorId),
          sealed: seal(JSON.stringify(details), PURPOSE),
          updatedAt: masked.updatedAt,
        },
      },
    },
    {
      Update: {
        TableName: tableName(),
        Key: keys.distributor(distributorId),
        UpdateExpression: 'SET payout = :masked',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':masked': masked },
      },
    },
  ])
}

/** The payout details of these distributors, opened, by id (the settlement export's `payee_reference`). */
export async function getPayouts(distributorIds: readonly string[]): Promise<Map<string, PayoutDetails>> {
  const items = await batchGet(distributorIds.map(keys.payout))
  const out = new Map<string, PayoutDetails>()
  for (const item of items) {
    const opened = typeof item.sealed === 'string' ? openSealed(item.sealed, PURPOSE) : null
    const parsed = opened ? PayoutDetails.safeParse(JSON.parse(opened)) : undefined
    if (parsed?.success) out.set(String(item.pk).slice('DIST#'.length), parsed.data)
  }
  return out
}
