import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'

/**
 * The SDK settings every DynamoDB call relies on. The SDK's `standard` retry
 * mode retries throttling, 5xx, timeouts and connection errors with capped,
 * jittered exponential backoff (100 ms base, 500 ms for throttling), within a
 * client-wide retry quota. A frozen database costs at most 3 × 1 s plus ≤ 0.6 s
 * of backoff, inside the redirect function's 5 s and the api's 10 s
 * (cdk/config.ts), so the answer is a 503 (lib/http/on-error.ts), not a timeout.
 */
export const DYNAMODB_SDK = {
  retryMode: 'standard',
  maxAttempts: 3,
  /** TCP connect (DNS included). */
  connectionTimeoutMs: 1000,
  /** One attempt, request sent to response read; DynamoDB answers in milliseconds. */
  requestTimeoutMs: 1000,
  /**
   * DynamoDB Local on a loaded 2-core machine was seen past 10 s for one request,
   * and a timed-out write that was applied would be retried into a condition
   * failure: locally the timeout only guards against a hung engine.
   * `DYNAMODB_REQUEST_TIMEOUT_MS` overrides either (the outage test uses it).
   */
  localRequestTimeoutMs: 60_000,
  /** Connecting to DynamoDB Local: fifty concurrent requests on a loaded 2-core machine were seen past 1 s. */
  localConnectionTimeoutMs: 10_000,
} as const

/** The client's configuration for this environment (exported for its unit test). */
export function dynamoClientConfig(env: NodeJS.ProcessEnv = process.env): DynamoDBClientConfig {
  const endpoint = env.DYNAMODB_ENDPOINT
  const requestTimeout =
    Number(env.DYNAMODB_REQUEST_TIMEOUT_MS) ||
    (endpoint ? DYNAMODB_SDK.localRequestTimeoutMs : DYNAMODB_SDK.requestTimeoutMs)
  const common: DynamoDBClientConfig = {
    retryMode: DYNAMODB_SDK.retryMode,
    maxAttempts: DYNAMODB_SDK.maxAttempts,
    // Without throwOnRequestTimeout the handler only logs a warning when requestTimeout passes.
    requestHandler: {
      connectionTimeout: endpoint ? DYNAMODB_SDK.localConnectionTimeoutMs : DYNAMODB_SDK.connectionTimeoutMs,
      requestTimeout,
      throwOnRequestTimeout: true,
    },
  }
  if (!endpoint) return common
  return {
    ...common,
    endpoint,
    region: env.AWS_REGION ?? 'local',
    // DynamoDB Local accepts any credentials; fixed ones keep a laptop without AWS config working.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  }
}

/**
 * One document client per process, made once and reused across warm Lambda
 * invocations. `DYNAMODB_ENDPOINT` points it at DynamoDB Local; without it the
 * SDK's default chain finds the real service.
 */
function makeClient(): DynamoDBDocumentClient {
  raw = new DynamoDBClient(dynamoClientConfig())
  return DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } })
}

let client: DynamoDBDocumentClient | undefined
let raw: DynamoDBClient | undefined

/** The shared client; created on first use so tests can set the endpoint first. */
export function db(): DynamoDBDocumentClient {
  client ??= makeClient()
  return client
}

/**
 * Test hook, not for application code: the DynamoDBClient under `db()`, whose
 * middleware stack tests/support/faults.ts extends to inject DynamoDB's failures
 * (throttling, cancellations, timeouts, unprocessed keys) inside the SDK's retries.
 */
export function rawClientForTests(): DynamoDBClient {
  db()
  return raw as DynamoDBClient
}
