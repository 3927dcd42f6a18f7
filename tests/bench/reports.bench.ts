import { serve } from '@hono/node-server'
import { randomBytes } from 'node:crypto'
import { marshall } from '@aws-sdk/util-dynamodb'
import { freePort, startDynamoLocal } from '../../lib/local/dynamodb-local'
import { ensureTable } from '../../lib/db/create-table'
import { tableName } from '../../lib/db/table'
import { buildPlatformApp } from '../../lib/http/platform-app'
import { pumpOnce } from '../../lib/local/stream-pump'
import { countStreamChanges } from '../../lib/services/count-stream-changes'
import type { StreamRecord } from '../../lib/db/stream-records'
import { DISTRIBUTOR_TYPES } from '../../lib/schemas/distributor'
import { countReads } from '../support/read-counter'

// `npm run bench:reports`: the ripple report over 10,000 orders, then over 200,000 on
// the same brand, timed, with the items DynamoDB returns counted. Distributors are
// made through the API (their joins counted by the stream pump); orders, their
// ledger entries and a few refunds go in as the stream records their writes
// produce, through countStreamChanges, the very code the counters Lambda runs: the
// order items themselves are not written, since no report reads them. Small batches
// while traffic is low, 1,000-record batches for the sale. Not part of `npm test`.
const TOTAL = Number(process.env.BENCH_ORDERS ?? 200_000)
const FIRST = Math.min(TOTAL, Number(process.env.BENCH_FIRST_ORDERS ?? 10_000))
const DAYS = Number(process.env.BENCH_DAYS ?? 28)
const RUNS = 5
const MAX_RATIO = 1.1

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const dynamo = await startDynamoLocal()
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
process.env.TABLE_NAME = 'bench_reports'
process.env.SIGNING_SECRET = randomBytes(32).toString('base64url')
process.env.ADMIN_TOKEN = `rpl_platform_${randomBytes(16).toString('base64url')}`
await ensureTable(tableName())
const port = await freePort()
const server = serve({ fetch: buildPlatformApp().fetch, port, hostname: '127.0.0.1' })
const origin = `http://127.0.0.1:${port}`

async function api(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${origin}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`)
  return res.json() as Promise<Record<string, any>> // eslint-disable-line @typescript-eslint/no-explicit-any -- bench script reads a few known fields
}

const brand = await api('POST', '/api/admin/brands', process.env.ADMIN_TOKEN, {
  name: 'Bench',
  programme: { allowedDomains: ['shop.example.com'] },
})
const brandId = String(brand.brand.id)
const key = String(brand.adminKey)

// A tree over five rings and all seven types: roots of every type, then recruits.
type D = { id: string; ring: number; type: string; parentId?: string }
const tree: D[] = []
for (let i = 0; i < 70; i++) {
  const type = DISTRIBUTOR_TYPES[i % DISTRIBUTOR_TYPES.length] as string
  const parent = i < 7 ? undefined : tree.filter((d) => d.ring < 5)[(i * 7) % tree.filter((d) => d.ring < 5).length]
  const d = await api('POST', '/api/distributors', key, { name: `d${i}`, type, parentId: parent?.id })
  tree.push({ id: String(d.id), ring: Number(d.ring), type, parentId: parent?.id })
}
await pumpOnce()

let seq = 500_000_000_000_000_000n
let made = 0
const END = Date.now()
const record = (image: Record<string, unknown>): StreamRecord => ({
  eventName: 'INSERT',
  dynamodb: {
    Keys: marshall({ pk: image.pk, sk: image.sk }),
    NewImage: marshall(image, { removeUndefinedValues: true }),
    SequenceNumber: String(seq++).padStart(21, '0'),
  },
})

/** The stream records one order's transaction produces (order, level 1 and 2 entries), and now and then a refund's. */
function orderRecords(i: number, paidAt: string): StreamRecord[] {
  const credited = i % 9 === 0 ? undefined : tree[(i * 31) % tree.length]
  const total = 5_000 + ((i * 7919) % 50_000)
  const reporting = {
    distributorId: credited?.id ?? null,
    ring: credited?.ring ?? 0,
    type: credited?.type ?? 'none',
    firstOrderOfCustomer: i % 3 === 0,
    referredCustomer: i % 2 === 0,
  }
  const out = [
    record({
      pk: `BRAND#${brandId}#ORDER#o${i}`,
      sk: 'META',
      entity: 'order',
      brandId,
      orderId: `o${i}`,
      paidAt,
      total,
      reporting,
    }),
  ]
  const chain = credited
    ? [credited, tree.find((d) => d.id === credited.parentId)].filter((d): d is D => d !== undefined)
    : []
  chain.forEach((d, level) =>
    out.push(
      record({
        pk: `DIST#${d.id}#LEDGER`,
        sk: `${paidAt}#e${i}-${level}`,
        entity: 'ledger',
        brandId,
        paidAt,
        amount: Math.floor((total * (level ? 300 : 1000)) / 10000),
        ring: d.ring,
        type: d.type,
      }),
    ),
  )
  if (i % 20 === 0)
    out.push(
      record({
        pk: `BRAND#${brandId}#ORDER#o${i}`,
        sk: 'REFUND#r',
        entity: 'refund',
        brandId,
        paidAt,
        base: Math.floor(total / 2),
        reporting,
      }),
    )
  return out
}

/** Feeds `n` more orders, spread evenly over DAYS days, in batches of `ordersPerBatch` orders. */
async function seed(n: number, ordersPerBatch: number) {
  const t0 = performance.now()
  for (let start = made; start < made + n; start += ordersPerBatch) {
    const batch: StreamRecord[] = []
    for (let i = start; i < Math.min(made + n, start + ordersPerBatch); i++)
      batch.push(...orderRecords(i, new Date(END - (i % DAYS) * 86_400_000 - (i % 3_600) * 1000).toISOString()))
    await countStreamChanges(batch)
  }
  made += n
  return (performance.now() - t0) / 1000
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10)
const from = day(END - (DAYS - 1) * 86_400_000)
const to = day(END)
async function measure() {
  const times: number[] = []
  let items = 0
  let requests = 0
  let orders = 0
  for (let r = 0; r < RUNS; r++) {
    const t = performance.now()
    const counted = await countReads(() => api('GET', `/api/reports/ripple?from=${from}&to=${to}`, key))
    times.push(performance.now() - t)
    items = counted.items
    requests = counted.requests
    orders = Number(counted.result.totals.orders) + 0
  }
  times.sort((a, b) => a - b)
  return { ms: times[Math.floor(RUNS / 2)] as number, items, requests, orders }
}

const seedSmall = await seed(FIRST, 5)
const small = await measure()
const seedLarge = await seed(TOTAL - FIRST, 330)
const large = await measure()

const pad = (s: string | number, n: number) => String(s).padStart(n)
console.log(
  `\nripple report, ${from}..${to} (${DAYS} days), ${tree.length} distributors over 5 rings and 7 types, median of ${RUNS}`,
)
console.log(`orders     seeded in   credited seen   items read   requests   report ms`)
console.log(
  `${pad(FIRST, 7)} ${pad(`${seedSmall.toFixed(1)} s`, 12)} ${pad(small.orders, 15)} ${pad(small.items, 12)} ${pad(small.requests, 10)} ${pad(small.ms.toFixed(0), 11)}`,
)
console.log(
  `${pad(TOTAL, 7)} ${pad(`${seedLarge.toFixed(1)} s`, 12)} ${pad(large.orders, 15)} ${pad(large.items, 12)} ${pad(large.requests, 10)} ${pad(large.ms.toFixed(0), 11)}`,
)
const itemRatio = large.items / small.items
console.log(
  `ratios (${TOTAL} / ${FIRST}): orders ×${(TOTAL / FIRST).toFixed(1)}, items read ×${itemRatio.toFixed(3)} (at most ${MAX_RATIO}: ${itemRatio <= MAX_RATIO ? 'met' : 'MISSED'}), time ×${(large.ms / small.ms).toFixed(2)}`,
)
server.close()
await dynamo.stop()
if (itemRatio > MAX_RATIO) process.exitCode = 1
