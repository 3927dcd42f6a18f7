import { tableName } from './table'
import { keys } from './keys'
import { readOne, strip } from './items'
import { transactOrExplain, type TransactItem } from './transact'
import { AppError } from '../errors'

/**
 * A phone number's claim, written in the distributor's own transaction so a number
 * belongs to one distributor of a brand. Giving a number up does not delete the item
 * (no function holds DeleteItem: cdk/config.ts) but empties it: a claim without
 * `distributorId` is free, and TTL sweeps it.
 */
export function phoneClaimPut(brandId: string, phone: string, distributorId: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...keys.phone(brandId, phone), entity: 'phone', brandId, distributorId },
      ConditionExpression: 'attribute_not_exists(distributorId) OR distributorId = :d',
      ExpressionAttributeValues: { ':d': distributorId },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  }
}

/** Frees a number a distributor held (only if they still hold it); TTL removes the empty claim a day later. */
function phoneRelease(brandId: string, phone: string, distributorId: string, now: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.phone(brandId, phone),
      UpdateExpression: 'REMOVE distributorId SET #ttl = :ttl',
      ConditionExpression: 'attribute_not_exists(distributorId) OR distributorId = :d',
      ExpressionAttributeNames: { '#ttl': 'ttl' },
      ExpressionAttributeValues: { ':d': distributorId, ':ttl': Math.floor(now / 1000) + 86_400 },
    },
  }
}

/** Who holds a phone number in a brand: one GetItem, undefined when nobody does. */
export async function getPhoneHolder(brandId: string, phone: string): Promise<string | undefined> {
  const claim = await readOne({ key: keys.phone(brandId, phone), parse: strip<{ distributorId?: string }> })
  return claim?.distributorId
}

/**
 * Sets, changes or removes (`to: null`) a distributor's number in one transaction:
 * the record (guarded by the number it had), the new claim and the old one freed.
 * A number another distributor holds is a 409 on `phone`; a record changed meanwhile, a 409 to retry.
 */
export async function changeDistributorPhone(
  brandId: string,
  distributorId: string,
  from: string | undefined,
  to: string | null,
  now = Date.now(),
): Promise<void> {
  if ((from ?? null) === to) return
  const record: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: keys.distributor(distributorId),
      UpdateExpression: to ? 'SET phone = :to' : 'REMOVE phone',
      ConditionExpression: from ? 'phone = :from' : 'attribute_exists(pk) AND attribute_not_exists(phone)',
      ...(to || from
        ? { ExpressionAttributeValues: { ...(to ? { ':to': to } : {}), ...(from ? { ':from': from } : {}) } }
        : {}),
    },
  }
  const items: TransactItem[] = [record]
  if (to) items.push(phoneClaimPut(brandId, to, distributorId))
  if (from) items.push(phoneRelease(brandId, from, distributorId, now))
  const r = await transactOrExplain(items)
  if (r.ok) return
  if (to && r.failed.has(1)) throw phoneTaken(String(r.failed.get(1)?.distributorId))
  throw new AppError({ code: 'conflict', message: 'The distributor changed meanwhile; read it again and retry.' })
}

/** The 409 for a number another distributor of the brand holds. */
export const phoneTaken = (holder: string): AppError =>
  new AppError({
    code: 'conflict',
    message: `This phone number already belongs to distributor ${holder}.`,
    fields: { phone: `Already used by ${holder}.` },
  })
