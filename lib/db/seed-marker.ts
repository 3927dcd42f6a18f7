import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { tableName } from './table'

const KEY = { pk: 'LOCAL#DEMO', sk: 'META' }

/** The demo brand recorded in the table, so a second start never seeds twice (local runs only). */
export async function getDemoMarker(): Promise<{ brandId: string } | undefined> {
  const r = await db().send(new GetCommand({ TableName: tableName(), Key: KEY, ConsistentRead: true }))
  return r.Item ? { brandId: String(r.Item.brandId) } : undefined
}

export async function putDemoMarker(brandId: string): Promise<void> {
  await db().send(
    new PutCommand({ TableName: tableName(), Item: { ...KEY, brandId, seededAt: new Date().toISOString() } }),
  )
}
