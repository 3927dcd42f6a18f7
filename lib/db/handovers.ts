import { UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { getItem, strip } from './items'
import { keys } from './keys'
import { tableName } from './table'
import { transactOrExplain, writeOrExplain, type TransactItem } from './transact'
import type { Handover } from '../schemas/handover'

/** A distributor's hand-over record, if they have left. */
export async function getHandover(distributorId: string): Promise<Handover | undefined> {
  const item = await getItem(keys.handover(distributorId), true)
  return item ? strip<Handover>(item) : undefined
}

/**
 * Starts a hand-over: the record and the leaver's status `left`, in one
 * transaction. False when a record already exists (the caller reads it and resumes).
 */
export async function startHandover(h: Handover): Promise<boolean> {
  const T = tableName()
  const items: TransactItem[] = [
    {
      Put: {
        TableName: T,
        Item: { ...keys.handover(h.leaverId), entity: 'handover', ...h },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Update: {
        TableName: T,
        Key: keys.distributor(h.leaverId),
        UpdateExpression: 'SET #s = :left',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':left': 'left' },
      },
    },
  ]
  const r = await transactOrExplain(items)
  if (r.ok) return true
  if (r.failed.has(0)) return false
  throw r.error
}

/** The transaction item that adds moved customers to the record's count (sent with the bindings it counts). */
export const countCustomersMoved = (leaverId: string, n: number, at: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.handover(leaverId),
    UpdateExpression: 'ADD customersMoved :n SET updatedAt = :at',
    ExpressionAttributeValues: { ':n': n, ':at': at },
  },
})

/**
 * The transaction item that counts a recruit as moved and marks their team as
 * moving (sent with the recruit's own move, so it counts once, and a run that
 * stops halfway leaves the mark for the next to finish). One team moves at a
 * time: a second run starting another recruit meanwhile fails and answers in progress.
 */
export const countRecruitMoving = (leaverId: string, recruitId: string, at: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.handover(leaverId),
    UpdateExpression: 'ADD recruitsMoved :one SET movingRecruitId = :id, updatedAt = :at',
    ConditionExpression: 'attribute_not_exists(movingRecruitId)',
    ExpressionAttributeValues: { ':one': 1, ':id': recruitId, ':at': at },
  },
})

/** Clears the mark once the recruit's whole team is placed (a no-op when another run already did). */
export async function finishRecruitMove(leaverId: string, recruitId: string): Promise<void> {
  await writeOrExplain(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.handover(leaverId),
      UpdateExpression: 'REMOVE movingRecruitId',
      ConditionExpression: 'movingRecruitId = :id',
      ExpressionAttributeValues: { ':id': recruitId },
    }),
  )
}

/** Writes one run's outcome (status, recruits that could not move) and returns the record with its counts. */
export async function finishRun(
  leaverId: string,
  outcome: Pick<Handover, 'status' | 'recruitFailures' | 'updatedAt' | 'finishedAt'>,
): Promise<Handover> {
  const r = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: keys.handover(leaverId),
      UpdateExpression: `SET #s = :s, recruitFailures = :f, updatedAt = :u${outcome.finishedAt ? ', finishedAt = :fin' : ''}`,
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: {
        ':s': outcome.status,
        ':f': outcome.recruitFailures,
        ':u': outcome.updatedAt,
        ...(outcome.finishedAt ? { ':fin': outcome.finishedAt } : {}),
      },
      ReturnValues: 'ALL_NEW',
    }),
  )
  return strip<Handover>(r.Attributes ?? {})
}
