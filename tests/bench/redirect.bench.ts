import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { randomBytes } from 'node:crypto'
import { freePort, startDynamoLocal } from '../../lib/local/dynamodb-local'
import { ensureTable } from '../../lib/db/create-table'
import { LINK_SHARDS, linkScope, sumCounters } from '../../lib/db/counters'
import { buildPlatformApp } from '../../lib/http/platform-app'
import { pumpOnce } from '../../lib/local/stream-pump'
import { buildBaselineApp } from './baseline-app'
import { formatRows, load, type LoadRow } from './load'

// `npm run bench:redirect`: the click path (GET /s/:code) against a one-read-one-write
// baseline on the same server and DynamoDB Local. Not part of `npm test`: it takes minutes
// and its figures depend on the machine; only errors fail it, missed targets do not.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3)
const CONNECTIONS = [10, 50]
const TARGET_RPS_RATIO = 0.8
const TARGET_P99_RATIO = 1.5
const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 NetType/WIFI Language/zh_CN'

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const dynamo = await startDynamoLocal()
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
process.env.TABLE_NAME = 'bench'
process.env.SIGNING_SECRET = randomBytes(32).toString('base64url')
process.env.ADMIN_TOKEN = `rpl_platform_${randomBytes(16).toString('base64url')}`
delete process.env.PUBLIC_BASE_URL
await ensureTable('bench')

// A click the redirect could not record still gets its 302 (by design); count those from its log line.
let clicksNotRecorded = 0
const consoleError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  if (String(args[0]).includes('click not recorded')) clicksNotRecorded++
  else consoleError(...args)
}

const code = await createLink()
const app = new Hono()
app.route('/', buildBaselineApp())
app.route('/', buildPlatformApp())
const port = await freePort()
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' })
const origin = `http://127.0.0.1:${port}`
const baselineUrl = `${origin}/bench/baseline/${code}`
const redirectUrl = `${origin}/s/${code}`
const uaOnly = { 'user-agent': PHONE_UA }
const returningVisitor = { ...uaOnly, cookie: 'rpl_vid=BenchVisitor0001' }

/**
 * Counted clicks so far. The stream pump is not running during the timed runs (it is
 * not started in this process): counters lag the click by design, and the bench
 * measures the request path. Each run is drained afterwards, outside the timing.
 */
const counted = async () => {
  await pumpOnce()
  return (await sumCounters([linkScope(code)], LINK_SHARDS, 'total', 'clicks')).get(linkScope(code)) ?? 0
}
/** A redirect run, with how many of its 302s were counted as clicks and how many went out without one. */
async function redirectRun(name: string, connections: number, seconds: number, headers: Record<string, string>) {
  const [before, lostBefore] = [await counted(), clicksNotRecorded]
  const row = await load(name, redirectUrl, { connections, seconds, headers })
  const t = performance.now()
  const after = await counted()
  return {
    ...row,
    counted: after - before,
    notRecorded: clicksNotRecorded - lostBefore,
    drainMs: performance.now() - t,
  }
}

type Row = LoadRow & { counted?: number; notRecorded?: number; drainMs?: number }

/** Two equal-length runs of one kind as one row: mean rate and latencies, summed counts. */
function merge(a: Row, b: Row): Row {
  const sum = (k: 'counted' | 'notRecorded' | 'drainMs') => (a[k] === undefined ? undefined : (a[k] ?? 0) + (b[k] ?? 0))
  return {
    ...a,
    rps: (a.rps + b.rps) / 2,
    p50: (a.p50 + b.p50) / 2,
    p99: (a.p99 + b.p99) / 2,
    redirects: a.redirects + b.redirects,
    errors: a.errors + b.errors,
    otherStatus: a.otherStatus + b.otherStatus,
    counted: sum('counted'),
    notRecorded: sum('notRecorded'),
    drainMs: sum('drainMs'),
  }
}
const rows: Row[] = []
try {
  console.log(
    `Bench: ${SECONDS} s per run, warm-up ${WARMUP_SECONDS} s, DynamoDB Local ${dynamo.endpoint}, server ${origin}`,
  )
  await load('warm-up baseline', baselineUrl, { connections: 10, seconds: WARMUP_SECONDS, headers: uaOnly })
  await redirectRun('warm-up redirect', 10, WARMUP_SECONDS, uaOnly)

  for (const connections of CONNECTIONS) {
    // A-B-B-A, each half as long: whichever runs second in a pair is favoured (a warmer JIT, a
    // fuller table), so each side runs once early and once late and the two halves are merged.
    const half = Math.max(1, Math.round(SECONDS / 2))
    const b1 = await load('baseline', baselineUrl, { connections, seconds: half, headers: uaOnly })
    const r1 = await redirectRun('redirect (new visitor)', connections, half, uaOnly)
    const r2 = await redirectRun('redirect (new visitor)', connections, half, uaOnly)
    const b2 = await load('baseline', baselineUrl, { connections, seconds: half, headers: uaOnly })
    rows.push(merge(b1, b2), merge(r1, r2))
  }
  for (const connections of CONNECTIONS)
    rows.push(await redirectRun('redirect (dedupe, info)', connections, SECONDS, returningVisitor))
} finally {
  server.close()
  await dynamo.stop()
}

console.log(
  `\n${formatRows(rows, (r: Row) => (r.counted === undefined ? '' : `   counted ${r.counted}, not recorded ${r.notRecorded}, drained in ${(r.drainMs ?? 0).toFixed(0)} ms`))}\n`,
)
for (const connections of CONNECTIONS) {
  const base = rows.find((r) => r.name === 'baseline' && r.connections === connections)
  const red = rows.find((r) => r.name === 'redirect (new visitor)' && r.connections === connections)
  if (!base || !red) continue
  const rps = red.rps / base.rps
  const p99 = red.p99 / Math.max(base.p99, 1)
  console.log(
    `${String(connections).padStart(2)} connections: redirect/baseline rps ${rps.toFixed(2)} (target ≥ ${TARGET_RPS_RATIO}: ${rps >= TARGET_RPS_RATIO ? 'met' : 'MISSED'}), ` +
      `p99 ${p99.toFixed(2)} (target ≤ ${TARGET_P99_RATIO}: ${p99 <= TARGET_P99_RATIO ? 'met' : 'MISSED'})`,
  )
}
// Every new-visitor 302 is one counted click. autocannon drops the replies still in flight when
// its clock stops, while the server may have recorded those clicks: allow up to one per connection.
// A merged row is two runs, so up to two per connection.
const miscounted = (r: Row) =>
  r.name.includes('new visitor') &&
  r.counted !== undefined &&
  (r.counted < r.redirects || r.counted > r.redirects + 2 * r.connections)
for (const r of rows.filter((x) => x.name.includes('new visitor'))) {
  console.log(
    `${r.name} @${r.connections}: 302s ${r.redirects}, counted from the stream ${r.counted}${miscounted(r) ? '  MISMATCH' : ''}`,
  )
}
// A 302 without a recorded click is an error too: the consumer got through, the attribution did not.
const failed = rows.filter((r) => r.errors > 0 || r.otherStatus > 0 || (r.notRecorded ?? 0) > 0 || miscounted(r))
if (failed.length > 0) {
  console.error(`Errors in: ${failed.map((r) => `${r.name} @${r.connections}`).join(', ')}`)
  process.exit(1)
}
process.exit(0)

/** A brand, a product, a distributor and their share link, made through the API in process. */
async function createLink(): Promise<string> {
  // Imported here, after the environment above is set: the helpers build the app on import.
  const { call, newBrand, newDistributor, sessionOf } = await import('../support/client')
  const { adminKey } = await newBrand()
  await call('POST', '/api/products', {
    token: adminKey,
    body: { sku: 'BENCH1', name: '压测商品', price: '99.00', url: 'https://shop.example.com/p/bench?from=share' },
  })
  const d = await newDistributor(adminKey, { name: '压测导购', type: 'guide' })
  const link = await call('POST', '/api/links', {
    token: await sessionOf(adminKey, d.id),
    body: { productId: 'BENCH1' },
  })
  if (link.status !== 201) throw new Error(`link: ${link.status} ${JSON.stringify(link.body)}`)
  return String(link.body.code)
}
