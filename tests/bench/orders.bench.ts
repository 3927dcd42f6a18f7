import { serve } from '@hono/node-server'
import { randomBytes } from 'node:crypto'
import { freePort, startDynamoLocal } from '../../lib/local/dynamodb-local'
import { ensureTable } from '../../lib/db/create-table'
import { transactWrite, type TransactItem } from '../../lib/db/transact'
import { tableName } from '../../lib/db/table'
import { db } from '../../lib/db/client'
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb'
import { buildPlatformApp } from '../../lib/http/platform-app'

// `npm run bench:orders`: order ingestion through POST /api/orders (attribution, a
// 2-level chain, 3 lines, commissions, balances, binding: one transaction) against a
// baseline of bare TransactWriteItems calls of the same item count, on the same
// DynamoDB Local in the same run. Not part of `npm test`; prints figures, fails only on errors.
const N = Number(process.env.BENCH_ORDERS ?? 2000)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10)
const TARGET_RATIO = 0.7

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const dynamo = await startDynamoLocal()
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
process.env.TABLE_NAME = 'bench_orders'
process.env.SIGNING_SECRET = randomBytes(32).toString('base64url')
process.env.ADMIN_TOKEN = `rpl_platform_${randomBytes(16).toString('base64url')}`
await ensureTable(tableName())

const port = await freePort()
const server = serve({ fetch: buildPlatformApp().fetch, port, hostname: '127.0.0.1' })
const origin = `http://127.0.0.1:${port}`

/** Runs `task` with a pass-through spy on the document client and returns the first TransactWriteItems it sent. */
async function captureTransaction(task: () => Promise<void>): Promise<TransactItem[]> {
  const client = db()
  const send = client.send.bind(client)
  let seen: TransactItem[] = []
  client.send = ((command: unknown, ...rest: unknown[]) => {
    if (command instanceof TransactWriteCommand && seen.length === 0) seen = command.input.TransactItems ?? []
    return (send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest)
  }) as typeof client.send
  try {
    await task()
  } finally {
    client.send = send
  }
  return seen
}

/** A transaction item moved to fresh keys (the suffix on every pk), its sizes and index entries kept. */
function rekeyed(item: TransactItem, suffix: string): TransactItem {
  if (item.Put) return { Put: { ...item.Put, Item: { ...item.Put.Item, pk: `${String(item.Put.Item?.pk)}${suffix}` } } }
  if (item.Update)
    return { Update: { ...item.Update, Key: { ...item.Update.Key, pk: `${String(item.Update.Key?.pk)}${suffix}` } } }
  if (item.ConditionCheck)
    return {
      ConditionCheck: {
        ...item.ConditionCheck,
        Key: { ...item.ConditionCheck.Key, pk: `${String(item.ConditionCheck.Key?.pk)}${suffix}` },
      },
    }
  return item
}

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
  programme: { allowedDomains: ['shop.example.com'], maxLevels: 2, defaultBps: [1000, 300] },
})
const key = String(brand.adminKey)
const top = await api('POST', '/api/distributors', key, { name: 'top', type: 'employee' })
const guide = await api('POST', '/api/distributors', key, { name: 'guide', type: 'guide', parentId: top.id })
const lines = [
  { sku: 'A', qty: 1, unitPrice: 19900, category: 'c' },
  { sku: 'B', qty: 2, unitPrice: 9900, category: 'c' },
  { sku: 'C', qty: 1, unitPrice: 4900, discount: 500, category: 'c' },
]

/** Runs `n` tasks with `CONCURRENCY` in flight; returns tasks per second and p50/p99 latency in ms. */
async function run(n: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = []
  let next = 0
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) {
        const i = next++
        const t = performance.now()
        await task(i)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0
  return { perSecond: n / seconds, p50: q(0.5), p99: q(0.99) }
}

const ingest = async (i: number) => {
  const r = await api('POST', '/api/orders', key, {
    orderId: `bench-${i}`,
    refCode: guide.inviteCode,
    customerId: `cust-${i}`,
    currency: 'CNY',
    paidAt: new Date().toISOString(),
    lines,
  })
  if ((r.commissions as unknown[]).length !== 2)
    throw new Error(`order ${i} paid ${(r.commissions as unknown[]).length} levels`)
}

// One real order's transaction, captured as the route sends it: its item count sizes the baseline.
const orderTx = await captureTransaction(() => ingest(999_999))
const ITEMS = orderTx.length
/** The baseline the issue names: bare TransactWriteItems of the same item count (small Puts). */
const baseline = (i: number) =>
  transactWrite(
    Array.from(
      { length: ITEMS },
      (_, k): TransactItem => ({
        Put: {
          TableName: tableName(),
          Item: { pk: `BENCH#${i}#${k}`, sk: 'META', n: i },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      }),
    ),
  )
/** For information: the order's own transaction replayed under fresh keys (same sizes, same index entries), no reads, no HTTP. */
const replay = (i: number) => transactWrite(orderTx.map((item) => rekeyed(item, `#R${i}`)))

await run(200, (i) => baseline(1_000_000 + i)) // warm-up
await run(100, (i) => ingest(1_000_000 + i))
const base = await run(N, baseline)
const orders = await run(N, ingest)
const same = await run(N, replay)
const fmt = (x: number) => x.toFixed(1).padStart(8)
console.log(
  `\n${N} orders, ${CONCURRENCY} in flight, ${ITEMS} items per transaction (${JSON.stringify(orderTx).length} bytes in the order's)`,
)
console.log(`run                          per s    p50 ms   p99 ms`)
console.log(`baseline (bare tx)        ${fmt(base.perSecond)}  ${fmt(base.p50)} ${fmt(base.p99)}`)
console.log(`POST /api/orders          ${fmt(orders.perSecond)}  ${fmt(orders.p50)} ${fmt(orders.p99)}`)
console.log(`the order's tx, replayed  ${fmt(same.perSecond)}  ${fmt(same.p50)} ${fmt(same.p99)}`)
const ratio = orders.perSecond / base.perSecond
console.log(`ratio ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'})`)
console.log(
  `for information: orders / the order's own transaction replayed ${(orders.perSecond / same.perSecond).toFixed(2)}; bare tx / replayed ${(base.perSecond / same.perSecond).toFixed(2)}`,
)
server.close()
await dynamo.stop()
