import {
  CreateTableCommand,
  DescribeTableCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb'
import { db } from './client'
import { table } from './table'

const streamSpecification = { StreamEnabled: true, StreamViewType: table.stream } as const

/** Maps the shared table definition to a CreateTable request (local runs and tests). */
export function createTableInput(name: string): CreateTableCommandInput {
  const keyNames = [
    table.partitionKey,
    table.sortKey,
    ...table.globalSecondaryIndexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  ]
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
    StreamSpecification: streamSpecification,
  }
}

/**
 * Creates the table if it does not exist yet; returns true when it was created.
 * A table made before the stream was part of the definition (an old `.data/`)
 * gets its stream turned on (or its view type changed), since the counters are fed from it.
 */
export async function ensureTable(name: string): Promise<boolean> {
  try {
    const { Table } = await db().send(new DescribeTableCommand({ TableName: name }))
    const stream = Table?.StreamSpecification
    if (stream?.StreamEnabled && stream.StreamViewType !== table.stream) {
      // A stream's view type cannot change in place: turn it off, then on with the new view (a new stream; the pump follows the latest).
      await db().send(new UpdateTableCommand({ TableName: name, StreamSpecification: { StreamEnabled: false } }))
    }
    if (!stream?.StreamEnabled || stream.StreamViewType !== table.stream)
      await db().send(new UpdateTableCommand({ TableName: name, StreamSpecification: streamSpecification }))
    return false
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err
  }
  await db().send(new CreateTableCommand(createTableInput(name)))
  await db().send(
    new UpdateTimeToLiveCommand({
      TableName: name,
      TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
    }),
  )
  return true
}
