import type { IndexName } from '../lib/db/table'

/**
 * The one typed configuration of the AWS app: per-stage settings from CDK
 * context, and per-function settings as data, so the stack, its tests and the
 * README read the same numbers. Nothing here needs editing to deploy.
 */

export type Stage = 'prod' | 'dev'

/** One Lambda per entry point in functions/ (local.ts is `npm start`, not a Lambda). */
export type FunctionName = 'api' | 'redirect' | 'jobs' | 'counters'

/**
 * DynamoDB data-plane actions the code uses. Scan, DeleteItem and BatchWriteItem
 * (one IAM action for batch puts and deletes alike) are not among them.
 */
export type TableAction = 'GetItem' | 'PutItem' | 'UpdateItem' | 'Query' | 'BatchGetItem' | 'ConditionCheckItem'

/** Secrets in Secrets Manager, by the environment variable the code reads. */
export type SecretName = 'SIGNING_SECRET' | 'ADMIN_TOKEN'

export interface FunctionSpec {
  /** `<file>.<export>` in the bundle (`index.mjs`). */
  handler: string
  memoryMB: number
  timeoutSeconds: number
  /** Actions on the table itself (for transactions: the kinds of item they hold). */
  tableActions: readonly TableAction[]
  /** Indexes this function queries (Query on the index ARN only). */
  indexQueries: readonly IndexName[]
  /** Secrets it reads at cold start; nothing else may read them. */
  secrets: readonly SecretName[]
}

/**
 * Memory buys CPU on Lambda (1,769 MB = one vCPU), and cold starts are mostly
 * CPU (parsing the bundle), so memory follows bundle size and latency needs.
 * Actions follow the lib/db calls each entry point reaches; tests/cdk checks them
 * against the calls in the built bundle, so a new call without a grant fails CI.
 */
export const FUNCTIONS: Record<FunctionName, FunctionSpec> = {
  // ~700 KB bundle (Hono, zod-openapi, JSX pages, client scripts): 1 GB parses it in ~⅓ the time 256 MB does.
  // 10 s: requests are a few keyed reads and one transaction; a frozen DynamoDB answers 503 within ~3.6 s
  // (lib/db/client.ts: 3 attempts of 1 s), so a stuck call does not hold a slot for 30 s.
  api: {
    handler: 'index.handler',
    memoryMB: 1024,
    timeoutSeconds: 10,
    tableActions: ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'ConditionCheckItem'],
    indexQueries: ['GSI1', 'GSI2'],
    secrets: ['SIGNING_SECRET', 'ADMIN_TOKEN'],
  },
  // The click path: ~40 KB, GetItem (link, previous click), UpdateItem (clicks per address, lib/config/rate-limits.ts)
  // and PutItem (the click). 512 MB keeps cold starts and the HMAC fast at a cost of ~$0.0000001 per 15 ms click;
  // 5 s because a consumer has given up long before that (a frozen DynamoDB is a 503 page within ~3.6 s:
  // lib/db/client.ts).
  redirect: {
    handler: 'index.handler',
    memoryMB: 512,
    timeoutSeconds: 5,
    tableActions: ['GetItem', 'PutItem', 'UpdateItem'],
    indexQueries: [],
    secrets: ['SIGNING_SECRET'],
  },
  // Hold release, every 15 minutes: pages of the hold index and one small transaction per entry; I/O bound.
  // 5 min covers a sale-day backlog and still ends well before the next run (two runs at once are safe anyway).
  jobs: {
    handler: 'index.holdRelease',
    memoryMB: 512,
    timeoutSeconds: 300,
    tableActions: ['GetItem', 'UpdateItem'],
    indexQueries: ['GSI2'],
    secrets: [],
  },
  // Stream batches → summed counter updates, ≤ 90 per transaction plus a Put marker. Small bundle, little CPU.
  // 60 s: a 1,000-record batch is a handful of transactions; the rest is headroom for DynamoDB retries.
  // BatchGetItem reads the clicked distributors' current placement; Query reads back a batch's pinned placements.
  counters: {
    handler: 'index.handler',
    memoryMB: 256,
    timeoutSeconds: 60,
    tableActions: ['PutItem', 'UpdateItem', 'BatchGetItem', 'Query'],
    indexQueries: [],
    secrets: [],
  },
}

/** The click counters' stream subscription (functions/counters.ts). */
export const COUNTERS_STREAM = {
  /** More clicks per batch = fewer counter writes: each counter gets one update per batch. */
  batchSize: 1000,
  /** Wait up to 5 s to fill a batch: counters lag a few seconds, and a viral link costs a few writes, not thousands. */
  maxBatchingWindowSeconds: 5,
  retryAttempts: 10,
  /**
   * No bisecting: lib/services/count-stream-changes.ts marks each applied chunk by the
   * batch's first sequence number, so a retry must be the same whole batch. A halved
   * batch would share the first record's marker and skip or double-count clicks.
   * After the retries a failed batch goes to the dead-letter queue (alarmed).
   */
  bisectBatchOnError: false,
} as const

/** Hold release runs every 15 minutes (EventBridge). */
export const HOLD_RELEASE_EVERY_MINUTES = 15

export interface DomainConfig {
  domainName: string
  certificateArn: string
  /** With a Route 53 zone, the stack also writes the alias record; otherwise point a CNAME at the output. */
  hostedZoneId?: string
  zoneName?: string
}

export interface RippleConfig {
  stage: Stage
  stackName: string
  env: { account?: string; region: string }
  /** Production keeps data: retain on delete, deletion protection, point-in-time recovery. */
  protectData: boolean
  logRetentionDays: 7 | 30 | 90
  /** Stage-wide API Gateway throttling (requests per second, and burst). */
  throttle: { rateLimit: number; burstLimit: number }
  domain?: DomainConfig
  /** Subscribed by e-mail to the alarm topic (`-c alarmEmail=…` or ALARM_EMAIL). */
  alarmEmail?: string
  /** An existing SNS topic for the alarms instead of the stack's own (`-c alarmTopicArn=…` or ALARM_TOPIC_ARN). */
  alarmTopicArn?: string
  functions: Record<FunctionName, FunctionSpec>
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined)

/**
 * The configuration from CDK context (`-c stage=dev`, `-c domainName=…`) and the
 * CDK_DEFAULT_* variables the CLI sets. No lookups: synth needs no credentials.
 * @example configFromContext((k) => app.node.tryGetContext(k))
 */
export function configFromContext(
  context: (key: string) => unknown,
  env: NodeJS.ProcessEnv = process.env,
): RippleConfig {
  const stage = str(context('stage')) ?? 'prod'
  if (stage !== 'prod' && stage !== 'dev') throw new Error(`Context "stage" must be "prod" or "dev", not "${stage}".`)
  const domainName = str(context('domainName'))
  const certificateArn = str(context('certificateArn'))
  if (Boolean(domainName) !== Boolean(certificateArn))
    throw new Error(
      'Context "domainName" and "certificateArn" go together (the certificate must be in the stack\'s region).',
    )
  const prod = stage === 'prod'
  return {
    stage,
    stackName: str(context('stackName')) ?? `Ripple-${stage}`,
    env: {
      account: str(env.CDK_DEFAULT_ACCOUNT),
      region: str(context('region')) ?? str(env.CDK_DEFAULT_REGION) ?? 'us-east-1',
    },
    protectData: prod,
    logRetentionDays: prod ? 30 : 7,
    throttle: prod ? { rateLimit: 5000, burstLimit: 2000 } : { rateLimit: 100, burstLimit: 50 },
    domain:
      domainName && certificateArn
        ? { domainName, certificateArn, hostedZoneId: str(context('hostedZoneId')), zoneName: str(context('zoneName')) }
        : undefined,
    alarmEmail: str(context('alarmEmail')) ?? str(env.ALARM_EMAIL),
    alarmTopicArn: str(context('alarmTopicArn')) ?? str(env.ALARM_TOPIC_ARN),
    functions: FUNCTIONS,
  }
}
