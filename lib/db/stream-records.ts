import type { AttributeValue } from '@aws-sdk/client-dynamodb'
import { unmarshall } from '@aws-sdk/util-dynamodb'
import type { TableChange } from '../domain/report-events'
import { errorInput, logger } from '../log'

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
    OldImage?: Record<string, AttributeValue>
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
 * A stream record as a plain change: the images unmarshalled to ordinary values,
 * and the record's time (which dates a distributor's move or departure).
 * An image that will not unmarshall is logged and dropped rather than thrown: a
 * throw would have Lambda retry the batch until the record expires, stalling the shard.
 */
export function toTableChange(record: StreamRecord): TableChange | undefined {
  if (!record.eventName) return undefined
  const { NewImage, OldImage, ApproximateCreationDateTime: seconds } = record.dynamodb ?? {}
  const at = seconds ? new Date(seconds * 1000).toISOString() : undefined
  try {
    return {
      eventName: record.eventName,
      newImage: NewImage ? unmarshall(NewImage) : undefined,
      oldImage: OldImage ? unmarshall(OldImage) : undefined,
      at,
    }
  } catch (err) {
    logger.error('stream image not readable', { sequenceNumber: record.dynamodb?.SequenceNumber }, errorInput(err))
    return { eventName: record.eventName, at }
  }
}

/** The first sequence number of a batch: with the chunk index, it names what was applied. */
export function firstSequenceNumber(records: readonly StreamRecord[]): string | undefined {
  return records.find((r) => r.dynamodb?.SequenceNumber)?.dynamodb?.SequenceNumber
}
