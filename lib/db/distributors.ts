import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys, timeSortKey } from './keys'
import { getItem, queryPage, strip, type Page, readOne, type KeyedRead } from './items'
import { tableName } from './table'
import type { Distributor } from '../schemas/distributor'
import type { TeamCounts } from '../domain/team'
import { transactOrExplain, type TransactItem } from './transact'
import { phoneClaimPut } from './phones'

/**
 * The invite (coupon) code's item. It keeps the owner's recruiters as they were
 * when it was written: an order naming the code can fetch that upline together
 * with the owner, and checks it against the owner's fresh ancestors.
 */
export const inviteItem = (d: Distributor): Record<string, unknown> => ({
  ...keys.invite(d.inviteCode),
  entity: 'invite',
  brandId: d.brandId,
  distributorId: d.id,
  ancestors: d.ancestors,
})

/** The distributor item: its own key plus the two index entries (brand list, recruits of parent). */
export function distributorItem(d: Distributor): Record<string, unknown> {
  return {
    ...keys.distributor(d.id),
    entity: 'distributor',
    ...d,
    gsi1pk: keys.distributorsOf(d.brandId),
    gsi1sk: timeSortKey(d.joinedAt, d.id),
    gsi2pk: d.parentId ? keys.recruitsOf(d.parentId) : undefined,
    gsi2sk: d.parentId ? timeSortKey(d.joinedAt, d.id) : undefined,
  }
}

/** ADD per-level deltas to one distributor's TEAM item. */
export function teamUpdate(ancestorId: string, delta: TeamCounts): TransactItem {
  const names: Record<string, string> = {}
  const values: Record<string, number> = {}
  const parts = Object.entries(delta).map(([level, n]) => {
    names[`#l${level}`] = `l${level}`
    values[`:l${level}`] = n
    return `#l${level} :l${level}`
  })
  return {
    Update: {
      TableName: tableName(),
      Key: keys.team(ancestorId),
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  }
}

export type CreateDistributorResult =
  | { created: true }
  | { created: false; reason: 'id_taken' | 'invite_taken' }
  | { created: false; reason: 'external_id_taken'; existingId: string }
  | { created: false; reason: 'phone_taken'; holderId: string }

/**
 * Writes a new distributor, its invite code, its external id and phone claims and its
 * recruiters' team counts in one transaction. Nothing is written when any claim
 * is already taken; the result says which, so the caller can retry or answer.
 */
export async function createDistributor(
  d: Distributor,
  recruiterDeltas: Map<string, TeamCounts>,
): Promise<CreateDistributorResult> {
  const T = tableName()
  const items: TransactItem[] = [
    { Put: { TableName: T, Item: distributorItem(d), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: T,
        Item: inviteItem(d),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ]
  if (d.externalId) {
    items.push({
      Put: {
        TableName: T,
        Item: { ...keys.externalId(d.brandId, d.externalId), entity: 'externalId', distributorId: d.id },
        ConditionExpression: 'attribute_not_exists(pk)',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    })
  }
  const phoneAt = d.phone ? items.push(phoneClaimPut(d.brandId, d.phone, d.id)) - 1 : -1
  for (const [ancestorId, delta] of recruiterDeltas) items.push(teamUpdate(ancestorId, delta))
  const r = await transactOrExplain(items)
  if (r.ok) return { created: true }
  if (r.failed.has(0)) return { created: false, reason: 'id_taken' }
  if (d.externalId && r.failed.has(2))
    return { created: false, reason: 'external_id_taken', existingId: String(r.failed.get(2)?.distributorId) }
  if (r.failed.has(phoneAt))
    return { created: false, reason: 'phone_taken', holderId: String(r.failed.get(phoneAt)?.distributorId) }
  return { created: false, reason: 'invite_taken' }
}

/** One distributor by id (any brand: callers check the brand), or undefined. */
export async function getDistributor(id: string): Promise<Distributor | undefined> {
  const item = await getItem(keys.distributor(id))
  return item ? strip<Distributor>(item) : undefined
}

/** Which distributor an invite code belongs to. */
export const getInvite = (code: string): Promise<Invite | undefined> => readOne(inviteRead(code))
export interface Invite {
  brandId: string
  distributorId: string
  /** The owner's recruiters when the code was written (a guess to fetch with the owner; absent on old codes). */
  ancestors?: string[]
}
export const inviteRead = (code: string): KeyedRead<Invite> => ({ key: keys.invite(code), parse: strip<Invite> })

/** The brand's distributors, oldest first, a page at a time (GSI1). */
export function listDistributors(
  brandId: string,
  opts: { cursor?: string; limit?: number },
): Promise<Page<Distributor>> {
  return queryPage<Distributor>(
    {
      IndexName: 'GSI1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.distributorsOf(brandId) },
      Limit: opts.limit ?? 50,
    },
    opts.cursor,
  )
}

/** A distributor's direct recruits, oldest first, a page at a time (GSI2). */
export function listRecruits(parentId: string, opts: { cursor?: string; limit?: number }): Promise<Page<Distributor>> {
  return queryPage<Distributor>(
    {
      IndexName: 'GSI2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.recruitsOf(parentId) },
      Limit: opts.limit ?? 50,
    },
    opts.cursor,
  )
}

/** Team size by level (1 = direct recruits), from the counters kept on every join and move. */
export async function getTeamCounts(id: string): Promise<TeamCounts> {
  const item = await getItem(keys.team(id))
  const counts: TeamCounts = {}
  for (const [k, v] of Object.entries(item ?? {})) {
    const m = /^l(\d+)$/.exec(k)
    if (m && typeof v === 'number' && v > 0) counts[Number(m[1])] = v
  }
  return counts
}

/**
 * Changes fields that do not move the distributor in the tree (name, status,
 * type within a circle, store, payee reference); a null removes an optional field.
 */
export async function updateDistributorFields(
  id: string,
  fields: Partial<Pick<Distributor, 'name' | 'status' | 'type'>> & {
    store?: string | null
    payeeReference?: string | null
  },
): Promise<Distributor> {
  const entries = Object.entries(fields).filter(([, v]) => v !== undefined)
  const set = entries.filter(([, v]) => v !== null)
  const remove = entries.filter(([, v]) => v === null)
  const r = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.distributor(id),
      UpdateExpression: [
        set.length ? `SET ${set.map(([k]) => `#${k} = :${k}`).join(', ')}` : '',
        remove.length ? `REMOVE ${remove.map(([k]) => `#${k}`).join(', ')}` : '',
      ]
        .join(' ')
        .trim(),
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
      ...(set.length ? { ExpressionAttributeValues: Object.fromEntries(set.map(([k, v]) => [`:${k}`, v])) } : {}),
      ReturnValues: 'ALL_NEW',
    }),
  )
  return strip<Distributor>(r.Attributes ?? {})
}

/**
 * Rewrites one chunk of a moved team (each member's new placement, guarded by its
 * old parent, depth, ring and recruiters, so a concurrent move, or a second run of
 * the same move, fails instead of interleaving or counting twice), the recruiters'
 * team counts for exactly these members, and any `extra` items (a hand-over's
 * progress), all in one transaction. Returns false when a guard failed.
 */
export async function writeMove(
  members: Array<{ before: Distributor; after: Distributor }>,
  deltas: Map<string, TeamCounts>,
  extra: TransactItem[] = [],
): Promise<boolean> {
  const items: TransactItem[] = members.map(({ before, after }) => ({
    Put: {
      TableName: tableName(),
      Item: distributorItem(after),
      ConditionExpression: `#depth = :depth AND #ring = :ring AND ancestors = :ancestors AND ${before.parentId ? 'parentId = :parent' : 'attribute_type(parentId, :null)'}`,
      ExpressionAttributeNames: { '#depth': 'depth', '#ring': 'ring' },
      ExpressionAttributeValues: {
        ':depth': before.depth,
        ':ring': before.ring,
        ':ancestors': before.ancestors,
        ...(before.parentId ? { ':parent': before.parentId } : { ':null': 'NULL' }),
      },
    },
  }))
  for (const [ancestorId, delta] of deltas) items.push(teamUpdate(ancestorId, delta))
  items.push(...extra)
  return (await transactOrExplain(items)).ok
}

/** Members Put per move transaction; the rest of its 100 items are team counts (at most 20 recruiters: the root's old and new upline). */
export const MAX_MOVE_MEMBERS = 80
