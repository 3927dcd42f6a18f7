import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { randomBytes } from 'node:crypto'
import { startDynamoLocal } from '../../lib/local/dynamodb-local'
import { ensureTable } from '../../lib/db/create-table'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { recordClick } from '../../lib/db/clicks'
import { BRAND_DAY_SHARDS, LINK_SHARDS, brandDayScope, increment, linkScope } from '../../lib/db/counters'
import type { LinkRecord } from '../../lib/db/links'

// `npx tsx tests/bench/click-write-profile.ts`: where the redirect's time goes. Runs the
// click path's DynamoDB calls with no HTTP in front, variant by variant, at the bench's
// concurrencies, so a change to lib/db/clicks.ts can be weighed before it is made.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5)

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const dynamo = await startDynamoLocal()
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
process.env.TABLE_NAME = 'profile'
await ensureTable('profile')

const link: LinkRecord = { code: 'PROFILE1', brandId: 'b_profile', distributorId: 'd_profile', ring: 1, type: 'guide', target: 'https://shop.example.com/p/1', createdAt: new Date().toISOString() }
await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.link(link.code), entity: 'link', ...link } }))

const id = () => randomBytes(8).toString('hex')
const getLink = () => db().send(new GetCommand({ TableName: tableName(), Key: keys.link(link.code) }))
const clickItem = (clickId: string) => ({ ...keys.click(clickId), entity: 'click', clickId, code: link.code, at: new Date().toISOString() })
const visitPut = (visitor: string, clickId: string) => ({
  TableName: tableName(),
  Item: { ...keys.visit(link.code, visitor), clickId, countedAt: Date.now() },
  ConditionExpression: 'attribute_not_exists(pk) OR countedAt < :cutoff',
  ExpressionAttributeValues: { ':cutoff': Date.now() - 30 * 60_000 },
})
const day = () => new Date().toISOString().slice(0, 10)

/** Each variant: what one click costs in DynamoDB calls. */
const variants: Record<string, () => Promise<unknown>> = {
  'GetItem only': getLink,
  'Get + PutItem (baseline)': async () => {
    await getLink()
    await db().send(new PutCommand({ TableName: tableName(), Item: clickItem(`c_${id()}`) }))
  },
  'Get + recordClick (today: tx of 4)': async () => {
    await getLink()
    await recordClick({ clickId: `c_${id()}`, code: link.code, brandId: link.brandId, distributorId: link.distributorId, visitorId: id(), uaClass: 'wechat', at: new Date().toISOString() }, link)
  },
  'Get + tx of 4, counters on 1000 shards': async () => {
    await getLink()
    const clickId = `c_${id()}`
    await db().send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: visitPut(id(), clickId) },
          { Put: { TableName: tableName(), Item: clickItem(clickId) } },
          increment(linkScope(link.code), 1000, 'total', { clicks: 1 }),
          increment(brandDayScope(link.brandId, day()), 1000, 'ring#1#type#guide', { clicks: 1 }),
        ],
      }),
    )
  },
  'Get + tx of 2 (visit, click)': async () => {
    await getLink()
    const clickId = `c_${id()}`
    await db().send(new TransactWriteCommand({ TransactItems: [{ Put: visitPut(id(), clickId) }, { Put: { TableName: tableName(), Item: clickItem(clickId) } }] }))
  },
  'Get + cond. Put visit+click (1 item)': async () => {
    await getLink()
    const clickId = `c_${id()}`
    const v = visitPut(id(), clickId)
    await db().send(new PutCommand({ ...v, Item: { ...v.Item, click: clickItem(clickId) } }))
  },
  'Get + cond. Put, then 2 counter Updates': async () => {
    await getLink()
    const clickId = `c_${id()}`
    const v = visitPut(id(), clickId)
    await db().send(new PutCommand({ ...v, Item: { ...v.Item, click: clickItem(clickId) } }))
    const counters = [increment(linkScope(link.code), LINK_SHARDS, 'total', { clicks: 1 }), increment(brandDayScope(link.brandId, day()), BRAND_DAY_SHARDS, 'ring#1#type#guide', { clicks: 1 })]
    await Promise.all(counters.map((c) => db().send(new UpdateCommand(c.Update))))
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
  for (const op of Object.values(variants)) await measure(op, 10) // warm-up: JIT in both the JVM and Node
  console.log(`${'variant'.padEnd(42)} conc    ops/s  p50 ms  p99 ms  errors`)
  for (const concurrency of [10, 50]) {
    for (const [name, op] of Object.entries(variants)) {
      const r = await measure(op, concurrency)
      console.log(`${name.padEnd(42)} ${String(concurrency).padStart(4)} ${r.ops.toFixed(0).padStart(8)} ${r.p50.toFixed(1).padStart(7)} ${r.p99.toFixed(1).padStart(7)} ${String(r.errors).padStart(7)}`)
    }
  }
} finally {
  await dynamo.stop()
}
