import { randomBytes } from 'node:crypto'
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb'
import { startDynamoLocal } from '../../lib/local/dynamodb-local'
import { ensureTable } from '../../lib/db/create-table'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { entryIdFor, entryItem, type LedgerEntry } from '../../lib/db/ledger'
import { getBatch, type Batch } from '../../lib/db/settlements'
import { closeSettlement } from '../../lib/services/close-settlement'
import { batchCsv, batchLinesCsv } from '../../lib/services/settlement-exports'
import { buildPlatformApp } from '../../lib/http/platform-app'

// `npm run bench:settlement`: closes a month of BENCH_ENTRIES (default 100,000) available
// ledger entries across BENCH_ENTRIES/20 distributors on DynamoDB Local, re-running the
// close under the API's own time budget until it is closed (as a re-POST loop would),
// then streams both CSV exports and measures the process's peak RSS growth while they
// stream, beside a batch a tenth that size (at least 10,000 entries unless scaled down)
// in the same run. Flat memory means the two peaks are close: target ratio ≤ 1.5.
// Not part of `npm test`; prints figures, fails only on errors.
const LARGE = Number(process.env.BENCH_ENTRIES ?? 100_000)
const SMALL = Number(process.env.BENCH_SMALL_ENTRIES ?? Math.min(10_000, Math.max(1000, Math.floor(LARGE / 10))))
const PER_DISTRIBUTOR = 20
const PERIOD = '2025-10'
const TARGET_RATIO = 1.5

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'
const dynamo = await startDynamoLocal()
process.env.DYNAMODB_ENDPOINT = dynamo.endpoint
process.env.TABLE_NAME = 'bench_settlement'
process.env.SIGNING_SECRET = randomBytes(32).toString('base64url')
process.env.ADMIN_TOKEN = `rpl_platform_${randomBytes(16).toString('base64url')}`
await ensureTable(tableName())
const app = buildPlatformApp()

async function newBrand(name: string): Promise<string> {
  const res = await app.request('/api/admin/brands', {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name,
      programme: { allowedDomains: ['shop.example.com'], currency: 'CNY', holdDays: 0, payoutThreshold: 100 },
    }),
  })
  if (res.status !== 201) throw new Error(`brand ${res.status} ${await res.text()}`)
  return ((await res.json()) as { brand: { id: string } }).brand.id
}

/** BatchWriteItem in 25s, `parallel` requests in flight, unprocessed items retried. */
async function writeAll(
  items: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>,
  parallel = 6,
): Promise<void> {
  const inFlight = new Set<Promise<void>>()
  const send = async (batch: Array<Record<string, unknown>>) => {
    let request: Record<string, Array<{ PutRequest: { Item: Record<string, unknown> } }>> | undefined = {
      [tableName()]: batch.map((Item) => ({ PutRequest: { Item } })),
    }
    for (let attempt = 0; request && Object.keys(request).length; attempt++) {
      if (attempt) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)))
      request = (await db().send(new BatchWriteCommand({ RequestItems: request }))).UnprocessedItems as typeof request
    }
  }
  let batch: Array<Record<string, unknown>> = []
  const flush = async () => {
    const p = send(batch).finally(() => inFlight.delete(p))
    inFlight.add(p)
    batch = []
    if (inFlight.size >= parallel) await Promise.race(inFlight)
  }
  for await (const item of items) {
    batch.push(item)
    if (batch.length === 25) await flush()
  }
  if (batch.length) await flush()
  await Promise.all(inFlight)
}

/**
 * A brand's month: distributors (Chinese names, for the export), their available
 * entries in the shape lib/db/ledger.ts writes (one in ten a reversal), and the
 * balances those entries sum to. Written directly, not through orders: fast.
 */
function* seedItems(brandId: string, entries: number): Generator<Record<string, unknown>> {
  const distributors = Math.ceil(entries / PER_DISTRIBUTOR)
  for (let d = 0; d < distributors; d++) {
    const id = `d_${brandId.slice(-6)}_${String(d).padStart(5, '0')}`
    yield {
      ...keys.distributor(id),
      entity: 'distributor',
      id,
      brandId,
      name: `分销员${d}号 Distributor ${d}`,
      type: 'guide',
      status: 'active',
      externalId: `EMP-${d}`,
    }
    let available = 0
    for (let k = 0; k < PER_DISTRIBUTOR && d * PER_DISTRIBUTOR + k < entries; k++) {
      const day = String(1 + ((d + k) % 28)).padStart(2, '0')
      const at = `${PERIOD}-${day}T0${k % 10}:00:00.000Z`
      const amount = k % 10 === 9 ? -(50 + (k % 7)) : 1000 + ((d * 7 + k * 13) % 5000)
      available += amount
      const e: LedgerEntry = {
        entryId: entryIdFor(brandId, id, String(k)),
        brandId,
        distributorId: id,
        orderId: `o-${d}-${k}`,
        kind: amount < 0 ? 'reversal' : 'commission',
        level: 1,
        ruleId: 'programme',
        ruleVersion: 1,
        bps: 1000,
        base: Math.abs(amount) * 10,
        amount,
        currency: 'CNY',
        status: 'available',
        at,
        paidAt: at,
        availableAt: at,
        availableSince: at,
        createdAt: at,
        lines: [{ sku: 'A', base: Math.abs(amount) * 10, amount }] as unknown as LedgerEntry['lines'],
      }
      yield entryItem(e)
    }
    yield { ...keys.balance(id, 'CNY'), currency: 'CNY', pending: 0, available, settled: 0, paid: 0 }
  }
}

/** Re-runs the close under the API's time budget until closed, as a client's re-POST loop would. */
async function close(brandId: string): Promise<{ batch: Batch; seconds: number; runs: number }> {
  const t0 = performance.now()
  let runs = 0
  let batch: Batch
  do {
    runs++
    batch = (await closeSettlement(brandId, { period: PERIOD })).batch
    process.stdout.write(
      `\r  run ${runs}: ${batch.planned ? 'planned' : 'planning'}, moved ${batch.movedEntries}/${batch.totals?.entries ?? '?'}     `,
    )
  } while (batch.status === 'closing')
  process.stdout.write('\n')
  return { batch, seconds: (performance.now() - t0) / 1000, runs }
}

const gc = () => (globalThis as { gc?: () => void }).gc?.()
const heap = () => process.memoryUsage().heapUsed

/**
 * Streams both exports to nowhere, sampling RSS every 10 ms, and returns the peak
 * RSS growth over the RSS before it started. It also collects garbage every 10
 * chunks (pages of up to 500 rows) and keeps the largest heap still in use then (`retainedMb`): what the
 * export holds on to, as opposed to garbage V8 has not collected yet, which is
 * what RSS mostly shows and what moves with GC timing.
 */
async function exportPeak(
  batch: Batch,
): Promise<{ peakMb: number; retainedMb: number; bytes: number; seconds: number }> {
  gc()
  await new Promise((r) => setTimeout(r, 50))
  const before = process.memoryUsage().rss
  const heapBefore = heap()
  let peak = before
  let retained = 0
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const t0 = performance.now()
  let bytes = 0
  let chunks = 0
  for (const gen of [batchCsv(batch), batchLinesCsv(batch)]) {
    for await (const chunk of gen) {
      bytes += Buffer.byteLength(chunk)
      if (++chunks % 10 === 0) {
        gc()
        retained = Math.max(retained, heap() - heapBefore)
      }
    }
  }
  peak = Math.max(peak, process.memoryUsage().rss)
  clearInterval(timer)
  return {
    peakMb: (peak - before) / 2 ** 20,
    retainedMb: Math.max(0, retained) / 2 ** 20,
    bytes,
    seconds: (performance.now() - t0) / 1000,
  }
}

const large = await newBrand('Bench large')
const small = await newBrand('Bench small')
let t = performance.now()
await writeAll(seedItems(large, LARGE))
await writeAll(seedItems(small, SMALL))
console.log(`seeded ${LARGE} + ${SMALL} entries in ${((performance.now() - t) / 1000).toFixed(1)} s`)

console.log(`closing ${LARGE} entries across ${Math.ceil(LARGE / PER_DISTRIBUTOR)} distributors…`)
const big = await close(large)
console.log(`closing ${SMALL} entries…`)
const little = await close(small)
for (const [name, r, n] of [
  ['large', big, LARGE],
  ['small', little, SMALL],
] as const) {
  const b = (await getBatch(r.batch.brandId, r.batch.batchId)) as Batch
  if (b.movedEntries !== n || b.totals?.entries !== n) throw new Error(`${name}: moved ${b.movedEntries} of ${n}`)
}

// One warm-up export (code paths compiled, pools grown), then three of each, alternating; the median peak of each
// is reported, since one RSS sample is at the mercy of when the collector last ran and of the machine's other load.
await exportPeak(little.batch)
const runs: Array<{ small: Awaited<ReturnType<typeof exportPeak>>; large: Awaited<ReturnType<typeof exportPeak>> }> = []
for (let i = 0; i < 3; i++) runs.push({ small: await exportPeak(little.batch), large: await exportPeak(big.batch) })
const median = <T extends { retainedMb: number }>(xs: T[]): T =>
  [...xs].sort((a, b) => a.retainedMb - b.retainedMb)[1] as T
const smallExport = median(runs.map((r) => r.small))
const largeExport = median(runs.map((r) => r.large))
const list = (pick: (r: (typeof runs)[number]) => number) => runs.map((r) => pick(r).toFixed(1)).join(', ')
console.log(`export RSS growth (MB), small: ${list((r) => r.small.peakMb)}; large: ${list((r) => r.large.peakMb)}`)
console.log(
  `export heap retained (MB), small: ${list((r) => r.small.retainedMb)}; large: ${list((r) => r.large.retainedMb)}`,
)
t = performance.now()
const fmt = (x: number, d = 1) => x.toFixed(d).padStart(9)
console.log(`\nbatch      entries  close s  runs  entries/s   export MB  export s  heap retained MB  RSS growth MB`)
console.log(
  `large   ${String(LARGE).padStart(9)} ${fmt(big.seconds)} ${String(big.runs).padStart(5)} ${fmt(LARGE / big.seconds, 0)} ${fmt(largeExport.bytes / 2 ** 20)} ${fmt(largeExport.seconds)} ${fmt(largeExport.retainedMb, 2)} ${fmt(largeExport.peakMb)}`,
)
console.log(
  `small   ${String(SMALL).padStart(9)} ${fmt(little.seconds)} ${String(little.runs).padStart(5)} ${fmt(SMALL / little.seconds, 0)} ${fmt(smallExport.bytes / 2 ** 20)} ${fmt(smallExport.seconds)} ${fmt(smallExport.retainedMb, 2)} ${fmt(smallExport.peakMb)}`,
)
const ratio = largeExport.retainedMb / Math.max(smallExport.retainedMb, 1)
console.log(
  `export memory ratio large/small (heap retained, medians) ${ratio.toFixed(2)} (floor 1 MB for the small one; target ≤ ${TARGET_RATIO}: ${ratio <= TARGET_RATIO ? 'met' : 'MISSED'})`,
)
await dynamo.stop()
