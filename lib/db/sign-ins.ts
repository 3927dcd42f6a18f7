import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { tableName } from './table'
import { writeOrExplain } from './transact'

/** Stores a single-use sign-in token by its hash; DynamoDB's TTL sweeps it a day after expiry. */
export async function putSignIn(
  tokenHash: string,
  rec: { brandId: string; distributorId: string; expiresAt: string },
): Promise<void> {
  const ttl = Math.floor(Date.parse(rec.expiresAt) / 1000) + 86_400
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.signIn(tokenHash), entity: 'signIn', ...rec, ttl },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  )
}

export type SignInResult =
  | { ok: true; brandId: string; distributorId: string }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'used' | 'expired'; brandId: string }

/**
 * Uses a sign-in token exactly once: one conditional update marks it used only
 * if it exists, is unused and unexpired. Two tabs opening the same link: one wins.
 */
export async function consumeSignIn(tokenHash: string, now = new Date()): Promise<SignInResult> {
  const r = await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.signIn(tokenHash),
      UpdateExpression: 'SET usedAt = :now',
      ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now',
      ExpressionAttributeValues: { ':now': now.toISOString() },
      ReturnValues: 'ALL_NEW',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  )
  if (r.ok)
    return { ok: true, brandId: String(r.attributes?.brandId), distributorId: String(r.attributes?.distributorId) }
  if (!r.item) return { ok: false, reason: 'unknown' }
  return { ok: false, reason: r.item.usedAt ? 'used' : 'expired', brandId: String(r.item.brandId) }
}
