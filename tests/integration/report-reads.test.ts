import { describe, expect, it } from 'vitest'
import { marshall } from '@aws-sdk/util-dynamodb'
import { call, newBrand } from '../support/client'
import { countReads } from '../support/read-counter'
import { countStreamChanges } from '../../lib/services/count-stream-changes'
import type { StreamRecord } from '../../lib/db/stream-records'

/**
 * What a report costs: items read grow with days × ring/type rows × shards, never
 * with orders. Orders are fed to the same stream aggregation the Lambda runs, as
 * stream records (one batch each), then the report is read through the API with a
 * pass-through spy on the document client counting the items DynamoDB returns.
 */

const DAY = 86_400_000
const END = Date.parse('2026-10-31T00:00:00.000Z')
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)
const CREDITS = [
  { distributorId: 'd_emp', ring: 1, type: 'employee' },
  { distributorId: 'd_mem', ring: 2, type: 'member' },
  { distributorId: 'd_gui', ring: 3, type: 'guide' },
]
let seq = 700_000_000_000_000_000n

/** One stream batch of order inserts: `perDay` orders for each credited row on each of `days` days up to END. */
function orderBatch(brandId: string, days: number, perDay: number): StreamRecord[] {
  const records: StreamRecord[] = []
  for (let d = 0; d < days; d++) {
    for (const credit of CREDITS) {
      for (let n = 0; n < perDay; n++) {
        const orderId = `o-${d}-${credit.distributorId}-${n}`
        const image = {
          pk: `BRAND#${brandId}#ORDER#${orderId}`,
          sk: 'META',
          entity: 'order',
          brandId,
          orderId,
          paidAt: new Date(END - d * DAY + n * 1000).toISOString(),
          total: 1000 + n,
          reporting: { ...credit, firstOrderOfCustomer: n === 0, referredCustomer: true },
        }
        records.push({
          eventName: 'INSERT',
          dynamodb: {
            Keys: marshall({ pk: image.pk, sk: image.sk }),
            NewImage: marshall(image),
            SequenceNumber: String(seq++).padStart(21, '0'),
          },
        })
      }
    }
  }
  return records
}

async function rippleReads(key: string, from: string, to: string) {
  const { result, items, requests } = await countReads(() =>
    call('GET', `/api/reports/ripple?from=${from}&to=${to}`, { token: key }),
  )
  expect(result.status, JSON.stringify(result.body)).toBe(200)
  return { items, requests, body: result.body }
}

describe('report read cost', () => {
  it('a year costs a week scaled by days, and five times the orders cost not one item more', async () => {
    const small = await newBrand()
    const big = await newBrand()
    // A year of the small brand; the big one (five times the orders a day) over the last 30 days is enough to
    // compare like with like, and keeps the seeding's counter transactions few (DynamoDB Local runs them one at a time).
    await countStreamChanges(orderBatch(small.brand.id, 365, 1))
    await countStreamChanges(orderBatch(big.brand.id, 30, 5))
    const yearFrom = dayOf(END - 364 * DAY)
    const monthFrom = dayOf(END - 29 * DAY)
    const weekFrom = dayOf(END - 6 * DAY)

    const week = await rippleReads(small.adminKey, weekFrom, dayOf(END))
    const year = await rippleReads(small.adminKey, yearFrom, dayOf(END))
    const month = await rippleReads(small.adminKey, monthFrom, dayOf(END))
    const monthBig = await rippleReads(big.adminKey, monthFrom, dayOf(END))
    expect(year.body.totals.orders).toBe(365 * 3)
    expect(monthBig.body.totals.orders).toBe(30 * 3 * 5)

    // Fixed: the API key and the brand. Per day: 3 ring/type rows and ≤ 3 active sets (one per distributor's shard).
    const fixed = (await rippleReads(small.adminKey, '2020-01-01', '2020-01-07')).items
    const perDay = (week.items - fixed) / 7
    expect(fixed).toBe(2)
    expect(perDay).toBeGreaterThanOrEqual(4)
    expect(perDay).toBeLessThanOrEqual(6)
    expect(year.items).toBe(365 * perDay + fixed)
    expect(month.items).toBe(30 * perDay + fixed)
    expect(monthBig.items).toBe(month.items)
    expect(monthBig.requests).toBe(month.requests)
    // A year of counters is ~40 transactions of 90 updates: 4 s alone, much longer beside the other files.
  }, 300_000)

  it('orders through the API in several stream batches stay within days × rows × shards', async () => {
    const a = await newBrand()
    const refs: string[] = []
    for (const type of ['employee', 'member']) {
      const d = await call('POST', '/api/distributors', { token: a.adminKey, body: { name: type, type } })
      refs.push(d.body.inviteCode as string)
    }
    const { pumpOnce } = await import('../../lib/local/stream-pump')
    const send = async (n: number, prefix: string) => {
      for (let i = 0; i < n; i++) {
        const paidAt = new Date(Date.now() - (i % 3) * DAY).toISOString()
        const r = await call('POST', '/api/orders', {
          token: a.adminKey,
          body: {
            orderId: `${prefix}${i}`,
            currency: 'CNY',
            paidAt,
            refCode: refs[i % 2],
            customerId: `c${i % 7}`,
            lines: [{ sku: 'A', qty: 1, unitPrice: 5000 }],
          },
        })
        expect(r.status).toBe(201)
      }
      await pumpOnce()
    }
    await send(6, 'x')
    const from = dayOf(Date.now() - 6 * DAY)
    const to = dayOf(Date.now())
    const before = await rippleReads(a.adminKey, from, to)
    for (const p of ['y', 'z']) await send(30, p)
    const after = await rippleReads(a.adminKey, from, to)
    expect(after.body.totals.orders).toBe(66)
    // 3 days × 2 rows (+ commission rows of the same ring/types) × ≤ 3 batches so far, active sets, headcounts, the brand.
    const bound = 3 * 2 * 3 + 3 * 2 + 2 * 3 + 2
    expect(after.items).toBeLessThanOrEqual(bound)
    expect(after.requests).toBe(before.requests)
  })
})
