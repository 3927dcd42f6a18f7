import { batchGet } from './batch-get'
import { distributorItem, inviteItem, teamUpdate } from './distributors'
import { strip } from './items'
import { keys } from './keys'
import { tableName } from './table'
import { phoneClaimPut } from './phones'
import { MAX_TRANSACT_ITEMS, transactOrExplain, type TransactItem } from './transact'
import type { Distributor } from '../schemas/distributor'
import type { TeamCounts } from '../domain/team'

/** Items one new distributor takes in a transaction at most: itself, its invite code, its external id and phone claims. */
export const ITEMS_PER_NEW_DISTRIBUTOR = 4

/** Whether distributors with these recruiter team-count updates fit in one transaction. */
export const fitsOneTransaction = (count: number, ancestorsTouched: number): boolean =>
  count * ITEMS_PER_NEW_DISTRIBUTOR + ancestorsTouched <= MAX_TRANSACT_ITEMS

/**
 * Creates several distributors (each with an external id) and their recruiters'
 * combined team counts in one transaction: all or nothing. False when any id,
 * invite code, external id or phone number was already taken; the caller then goes row by row.
 */
export async function createDistributorsTogether(
  ds: readonly Distributor[],
  deltas: Map<string, TeamCounts>,
): Promise<boolean> {
  const T = tableName()
  const items: TransactItem[] = ds.flatMap((d) => [
    { Put: { TableName: T, Item: distributorItem(d), ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: T, Item: inviteItem(d), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: T,
        Item: { ...keys.externalId(d.brandId, d.externalId ?? ''), entity: 'externalId', distributorId: d.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...(d.phone ? [phoneClaimPut(d.brandId, d.phone, d.id)] : []),
  ])
  for (const [ancestorId, delta] of deltas) items.push(teamUpdate(ancestorId, delta))
  return (await transactOrExplain(items)).ok
}

/** Distributors by id, read consistently (just written by an earlier request of the same import). */
export async function getDistributorsConsistently(ids: readonly string[]): Promise<Distributor[]> {
  return (
    await batchGet(
      ids.map((id) => keys.distributor(id)),
      true,
    )
  ).map((item) => strip<Distributor>(item))
}
