import { serve } from '@hono/node-server'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { JAVA_MISSING, hasJava, startDynamoLocal, type LocalDynamo } from './dynamodb-local'
import { loadLocalSecrets } from './secrets-file'
import { startS3Local, type LocalS3 } from './s3-local'
import { ensureMediaBucket } from '../storage/media-bucket'
import { mintDemoSignIns, seedDemo, type DemoInfo } from './seed'
import { startStreamPump } from './stream-pump'
import { getDemoMarker, putDemoMarker } from '../db/seed-marker'
import { ensureTable } from '../db/create-table'
import { tableName } from '../db/table'
import { buildPlatformApp } from '../http/platform-app'
import { logger } from '../log'

/** The scheduled jobs EventBridge runs on AWS, passed in from their entry points (functions/jobs.ts). */
export interface LocalJobs {
  holdRelease: () => Promise<unknown>
}

// The scheduled jobs run here on a timer, through the same entry points.
const JOB_EVERY_MS = 60_000
// The table's stream, which triggers functions/counters.ts on AWS, is pumped into the same code.
const PUMP_EVERY_MS = 500

/**
 * `npm start`: DynamoDB Local (unless DYNAMODB_ENDPOINT points elsewhere), s3rver
 * (unless S3_ENDPOINT does), the table, the media bucket, the demo seed, the jobs and the stream pump, and every app on one port.
 * Ctrl-C (SIGINT) or SIGTERM stops it all; a failed start exits with 1.
 * @example await startLocal({ holdRelease })
 */
export async function startLocal(jobs: LocalJobs): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const dataDir = resolve('.data')
  const port = Number(process.env.PORT ?? 3000)

  let dynamo: LocalDynamo | undefined
  if (!process.env.DYNAMODB_ENDPOINT) {
    if (!hasJava()) {
      console.error(JAVA_MISSING)
      process.exit(1)
    }
    dynamo = await startDynamoLocal({
      port: process.env.DYNAMODB_PORT ? Number(process.env.DYNAMODB_PORT) : undefined,
      dataDir: resolve(dataDir, 'dynamodb'),
    })
    process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
  }
  // Product images: a real S3-compatible server (s3rver) with its data under .data/s3, unless S3_ENDPOINT says otherwise.
  let s3: LocalS3 | undefined
  if (!process.env.S3_ENDPOINT) {
    s3 = await startS3Local({
      directory: resolve(dataDir, 's3'),
      port: process.env.S3_PORT ? Number(process.env.S3_PORT) : undefined,
    })
    process.env.S3_ENDPOINT = s3.endpoint
  }
  process.env.MEDIA_BUCKET ??= 'ripple-media'
  const secrets = loadLocalSecrets(resolve(dataDir, 'secrets.json'))
  process.env.SIGNING_SECRET = secrets.signingSecret
  process.env.ADMIN_TOKEN = secrets.adminToken

  const app = buildPlatformApp()
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' })
  const baseUrl = process.env.PUBLIC_BASE_URL ?? `http://localhost:${port}`

  let timer: NodeJS.Timeout | undefined
  let stopPump: (() => Promise<void>) | undefined
  const stop = async () => {
    clearInterval(timer)
    await stopPump?.()
    server.close()
    await Promise.all([dynamo?.stop(), s3?.stop()])
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)

  try {
    if (await ensureTable(tableName())) console.log(`Created table ${tableName()}.`)
    await ensureMediaBucket()
    // The pump speaks to DynamoDB Local only (unsigned); a real table's stream needs the counters Lambda.
    if (/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(process.env.DYNAMODB_ENDPOINT ?? ''))
      stopPump = startStreamPump(PUMP_EVERY_MS)
    else console.warn('Click counters are not pumped: DYNAMODB_ENDPOINT is not DynamoDB Local.')
    const demoFile = resolve(dataDir, 'demo.json')
    let demo: DemoInfo
    const marker = await getDemoMarker()
    if (marker && existsSync(demoFile)) {
      demo = { ...(JSON.parse(readFileSync(demoFile, 'utf8')) as DemoInfo), baseUrl, adminToken: secrets.adminToken }
    } else {
      if (marker) console.warn('The table has a demo brand but .data/demo.json is gone; seeding a new demo brand.')
      console.log('Seeding the demo brand (first start only)…')
      const t = Date.now()
      demo = await seedDemo(app, baseUrl, secrets.adminToken)
      await putDemoMarker(demo.brandId)
      console.log(`Seeded in ${Date.now() - t} ms.`)
    }
    demo.distributorSignInUrls = await mintDemoSignIns(app, demo)
    await jobs.holdRelease()
    timer = setInterval(
      () => void jobs.holdRelease().catch((err: unknown) => logger.error('hold-release failed', { error: err })),
      JOB_EVERY_MS,
    )
    writeFileSync(demoFile, JSON.stringify(demo, null, 2))
    console.log(banner(baseUrl, demo))
  } catch (err) {
    console.error(err)
    await Promise.all([dynamo?.stop(), s3?.stop()])
    process.exit(1)
  }
}

/** What `npm start` prints once everything runs: where to go and how to sign in (a terminal message, not a log line). */
const banner = (baseUrl: string, demo: DemoInfo) => `
Ripple is running on ${baseUrl}
  DynamoDB      ${process.env.DYNAMODB_ENDPOINT} (table ${tableName()})
  S3 (images)   ${process.env.S3_ENDPOINT} (bucket ${process.env.MEDIA_BUCKET})
  Console       ${baseUrl}/console     (sign in with the admin key in .data/demo.json)
  Mobile page   ${baseUrl}/m           (open a sign-in link below first)
  API docs      ${baseUrl}/api/openapi.json

Demo sign-in links (single use, valid 15 minutes; restart for fresh ones):
${Object.entries(demo.distributorSignInUrls)
  .map(([type, url]) => `  ${type.padEnd(12)} ${url}`)
  .join('\n')}

Keys and tokens: .data/demo.json · Ctrl-C stops everything.`
