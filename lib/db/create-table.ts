import { CreateTableCommand, DescribeTableCommand, UpdateTimeToLiveCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb'
import { db } from './client'
import { table } from './table'

/** Maps the shared table definition to a CreateTable request (local runs and tests). */
export function createTableInput(name: string): CreateTableCommandInput {
  const keyNames = [table.partitionKey, table.sortKey, ...table.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey])]
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((n) => ({ AttributeName: n, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((i) => ({
      IndexName: i.indexName,
      KeySchema: [
        { AttributeName: i.partitionKey, KeyType: 'HASH' },
        { AttributeName: i.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  }
}

/** Creates the table if it does not exist yet; returns true when it was created. */
export async function ensureTable(name: string): Promise<boolean> {
  try {
    await db().send(new DescribeTableCommand({ TableName: name }))
    return false
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err
  }
  await db().send(new CreateTableCommand(createTableInput(name)))
  await db().send(
    new UpdateTimeToLiveCommand({ TableName: name, TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true } }),
  )
  return true
}
