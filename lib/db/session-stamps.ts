import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem } from './items'
import { tableName } from './table'

/**
 * Refuses the distributor's sessions issued before `atMs` (a suspension): their record's
 * `sessionsNotBefore`, which the one GetItem a session request makes anyway reads back
 * (and a team move's Put of the whole record keeps).
 */
export async function stampDistributorSessions(id: string, atMs: number): Promise<void> {
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.distributor(id),
      UpdateExpression: 'SET sessionsNotBefore = :t',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':t': atMs },
    }),
  )
}

/** The brand's "sign every distributor out" stamp (unix ms), if it ever signed everyone out. */
export async function getBrandSessionStamp(brandId: string): Promise<number | undefined> {
  const item = await getItem(keys.sessionStamp(brandId))
  return typeof item?.notBefore === 'number' ? item.notBefore : undefined
}

/** Refuses every distributor session of the brand issued before `atMs`. */
export async function putBrandSessionStamp(brandId: string, atMs: number): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.sessionStamp(brandId), entity: 'sessionStamp', brandId, notBefore: atMs },
    }),
  )
}
