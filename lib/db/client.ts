import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

/**
 * One document client per process, made once and reused across warm Lambda
 * invocations. `DYNAMODB_ENDPOINT` points it at DynamoDB Local; without it the
 * SDK's default chain finds the real service.
 */
function makeClient(): DynamoDBDocumentClient {
  const endpoint = process.env.DYNAMODB_ENDPOINT
  const base = new DynamoDBClient(
    endpoint
      ? {
          endpoint,
          region: process.env.AWS_REGION ?? 'local',
          // DynamoDB Local accepts any credentials; fixed ones keep a laptop without AWS config working.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          maxAttempts: 5,
        }
      : { maxAttempts: 5 },
  )
  return DynamoDBDocumentClient.from(base, {
    marshallOptions: { removeUndefinedValues: true },
  })
}

let client: DynamoDBDocumentClient | undefined

/** The shared client; created on first use so tests can set the endpoint first. */
export function db(): DynamoDBDocumentClient {
  client ??= makeClient()
  return client
}
