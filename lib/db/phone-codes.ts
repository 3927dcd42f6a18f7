import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { tableName } from './table'
import { writeOrExplain } from './transact'

/** The code last sent to a number: a new one replaces it. */
export interface PhoneCode {
  codeHash: string
  distributorId: string
  expiresAt: string
  tries: number
}

/** Stores a freshly sent code (its HMAC only) with no tries yet; TTL removes it a day after it expires. */
export async function putPhoneCode(
  brandId: string,
  phone: string,
  rec: { codeHash: string; distributorId: string; expiresAt: string },
): Promise<void> {
  const ttl = Math.floor(Date.parse(rec.expiresAt) / 1000) + 86_400
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.phoneCode(brandId, phone), entity: 'phoneCode', ...rec, tries: 0, ttl },
    }),
  )
}

export type PhoneCodeTry = { ok: true; code: PhoneCode } | { ok: false; reason: 'none' | 'used' | 'expired' | 'burnt' }

/**
 * Spends one try of the number's code before it is compared: one conditional update
 * adds the try only while the code is unused, unexpired and under `maxTries`, so
 * parallel guesses cannot share a try. The caller compares the hash it gets back.
 */
export async function tryPhoneCode(
  brandId: string,
  phone: string,
  maxTries: number,
  now = new Date(),
): Promise<PhoneCodeTry> {
  const r = await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.phoneCode(brandId, phone),
      UpdateExpression: 'ADD tries :one',
      ConditionExpression:
        'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now AND tries < :max',
      ExpressionAttributeValues: { ':one': 1, ':now': now.toISOString(), ':max': maxTries },
      ReturnValues: 'ALL_NEW',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    }),
  )
  if (r.ok) {
    const a = r.attributes ?? {}
    return {
      ok: true,
      code: {
        codeHash: String(a.codeHash),
        distributorId: String(a.distributorId),
        expiresAt: String(a.expiresAt),
        tries: Number(a.tries),
      },
    }
  }
  if (!r.item) return { ok: false, reason: 'none' }
  if (r.item.usedAt) return { ok: false, reason: 'used' }
  if (String(r.item.expiresAt) <= now.toISOString()) return { ok: false, reason: 'expired' }
  return { ok: false, reason: 'burnt' }
}

/** Uses the code up, once: false when another request used it (or a new code replaced it) first. */
export async function usePhoneCode(
  brandId: string,
  phone: string,
  codeHash: string,
  now = new Date(),
): Promise<boolean> {
  const r = await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.phoneCode(brandId, phone),
      UpdateExpression: 'SET usedAt = :now',
      ConditionExpression: 'codeHash = :h AND attribute_not_exists(usedAt)',
      ExpressionAttributeValues: { ':now': now.toISOString(), ':h': codeHash },
    }),
  )
  return r.ok
}
