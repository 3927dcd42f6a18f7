import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { randomBytes } from 'node:crypto'
import { startDynamoLocal } from '../../lib/local/dynamodb-local'
import { ensureTable } from '../../lib/db/create-table'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { findRecentClick, recordClick } from '../../lib/db/clicks'
import type { LinkRecord } from '../../lib/db/links'

// `npx tsx tests/bench/click-write-profile.ts`: where the redirect's time goes. Runs the
// click path's DynamoDB calls with no HTTP in front, case by case, at the bench's
// concurrencies, so a change to lib/db/clicks.ts can be weighed before it is made.
// Counters are not on this path (they come from the table's stream), so they are not here.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
process.env.SIGNING_SECRET ??= randomBytes(32).toString('base64url')
const dynamo = await startDynamoLocal()
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
process.env.TABLE_NAME = 'profile'
await ensureTable('profile')

const link: LinkRecord = {
  code: 'PROFILE1',
  brandId: 'b_profile',
  distributorId: 'd_profile',
  ring: 1,
  type: 'guide',
  target: 'https://shop.example.com/p/1',
  createdAt: new Date().toISOString(),
}
await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.link(link.code), entity: 'link', ...link } }))

const visitorId = () => randomBytes(8).toString('hex')
const getLink = () => db().send(new GetCommand({ TableName: tableName(), Key: keys.link(link.code) }))
const visit = (v: string) => ({ code: link.code, visitorId: v, uaClass: 'wechat' })

/** Each case: what one click costs in DynamoDB calls. */
const cases: Record<string, () => Promise<unknown>> = {
  'GetItem only': getLink,
  'Get + PutItem (baseline)': async () => {
    await getLink()
    const clickId = `c_${randomBytes(12).toString('base64url')}`
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...keys.click(clickId),
          entity: 'baselineClick',
          clickId,
          code: link.code,
          at: new Date().toISOString(),
        },
      }),
    )
  },
  'new visitor: Get + cond. Put': async () => {
    await getLink()
    await recordClick(visit(visitorId()), link)
  },
  'returning: (Get ‖ prev. Get) + cond. Put': async () => {
    const v = visitorId()
    const now = Date.now()
    const [, recent] = await Promise.all([getLink(), findRecentClick(link.code, v, now)])
    await recordClick(visit(v), link, { now, recent })
  },
  'repeat in bucket: cond. Put fails': async () => {
    const now = Date.now()
    const [, recent] = await Promise.all([getLink(), findRecentClick(link.code, 'ProfileRepeat001', now)])
    await recordClick(visit('ProfileRepeat001'), link, { now, recent })
  },
}

/** Runs `op` from `concurrency` loops for SECONDS; returns ops/s and latency percentiles (ms). */
async function measure(op: () => Promise<unknown>, concurrency: number) {
  const latencies: number[] = []
  let errors = 0
  const end = Date.now() + SECONDS * 1000
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const t = performance.now()
        try {
          await op()
        } catch {
          errors++
        }
        latencies.push(performance.now() - t)
      }
    }),
  )
  latencies.sort((a, b) => a - b)
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
  return { ops: latencies.length / SECONDS, p50: pct(50), p99: pct(99), errors }
}

try {
  for (const op of Object.values(cases)) await measure(op, 10) // warm-up: JIT in both the JVM and Node
  console.log(`${'case'.padEnd(42)} conc    ops/s  p50 ms  p99 ms  errors`)
  for (const concurrency of [10, 50]) {
    for (const [name, op] of Object.entries(cases)) {
      const r = await measure(op, concurrency)
      console.log(
        `${name.padEnd(42)} ${String(concurrency).padStart(4)} ${r.ops.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${String(r.errors).padStart(7)}`,
      )
    }
  }
} finally {
  await dynamo.stop()
}
