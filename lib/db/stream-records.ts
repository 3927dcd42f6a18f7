import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { TableChange } from '../domain/click-counters'

/**
 * The part of a DynamoDB stream record that Ripple reads: the same JSON in a
 * Lambda `DynamoDBStreamEvent` and in a DynamoDB Streams GetRecords answer.
 * Typed here rather than adding @types/aws-lambda for three fields.
 */
export interface StreamRecord {
  eventID?: string
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE'
  dynamodb?: {
    Keys?: Record<string, AttributeValue>
    NewImage?: Record<string, AttributeValue>
    SequenceNumber?: string
    ApproximateCreationDateTime?: number
  }
  eventSourceARN?: string
}

/** What Lambda hands a function subscribed to the table's stream. */
export interface DynamoDBStreamEvent {
  Records: StreamRecord[]
}

/**
 * A stream record as a plain change: the new image unmarshalled to ordinary values.
 * An image that will not unmarshall is logged and dropped rather than thrown: a
 * throw would have Lambda retry the batch until the record expires, stalling the shard.
 */
export function toTableChange(record: StreamRecord): TableChange | undefined {
  if (!record.eventName) return undefined
  const image = record.dynamodb?.NewImage
  try {
    return { eventName: record.eventName, newImage: image ? unmarshall(image) : undefined }
  } catch (err) {
    console.error(JSON.stringify({ level: 'error', msg: 'stream image not readable', sequenceNumber: record.dynamodb?.SequenceNumber, error: String(err) }))
    return { eventName: record.eventName }
  }
}

/** The first sequence number of a batch: with the chunk index, it names what was applied. */
export function firstSequenceNumber(records: readonly StreamRecord[]): string | undefined {
  return records.find((r) => r.dynamodb?.SequenceNumber)?.dynamodb?.SequenceNumber
}
