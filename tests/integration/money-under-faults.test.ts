import { PutCommand } from '@aws-sdk/lib-dynamodb'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { type DbCall, type FaultKind, injectFaults } from '../support/faults'
import { allEntriesOf, expectBalanceMatchesLedger } from '../support/ledger'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import type { LedgerEntry } from '../../lib/db/ledger'
import { getBatch } from '../../lib/db/settlements'
import { closeSettlement } from '../../lib/services/close-settlement'
import { releaseHolds } from '../../lib/services/release-holds'

// Money is conserved whatever DynamoDB does: random histories (orders, partial refunds, hold
// release, a close) run with random faults at random calls; afterwards, with faults off, every
// request that failed is sent again (clients retry), and then every cent must be where it belongs.

const DAY = 86_400_000
const TX_FAULTS: FaultKind[] = ['conflict', 'txThrottle', 'txProvisioned', 'throttle', 'internal', 'timeoutAfterWrite']
const ONE_FAULTS: FaultKind[] = ['throttle', 'provisioned', 'internal', 'timeoutAfterWrite']

/** A small seeded generator (mulberry32): the faults of a run are reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Faults at random calls: each write or batch read fails with probability `rate` (a single read
 * with a quarter of it: they are many, and the SDK's retries of them are well trodden), with a
 * kind its operation can meet.
 */
function randomFaults(seed: number, rate: number) {
  const next = random(seed)
  return (c: DbCall): FaultKind | undefined => {
    const read = c.command === 'GetItem' || c.command === 'Query'
    if (next() >= (read ? rate / 4 : rate)) return undefined
    const pick = (kinds: FaultKind[]) => kinds[Math.floor(next() * kinds.length)]
    if (c.command === 'TransactWriteItems') return pick(TX_FAULTS)
    if (c.command === 'BatchGetItem') return pick(['unprocessed', 'unprocessed', 'throttle', 'internal'])
    if (['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'].includes(c.command)) return pick(ONE_FAULTS)
    return undefined
  }
}

type Step =
  | { t: 'order'; guide: number; price: number }
  | { t: 'refund'; order: number; pct: number }
  | { t: 'release' }
  | { t: 'close' }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('order' as const),
      guide: fc.nat(1),
      price: fc.integer({ min: 100, max: 90_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('refund' as const), order: fc.nat(9), pct: fc.integer({ min: 1, max: 70 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ t: 'release' as const }) },
  { weight: 1, arbitrary: fc.constant({ t: 'close' as const }) },
)

/** Refunds after the close: adjustments of settled entries. */
const tail = fc.array(
  fc.record({ t: fc.constant('refund' as const), order: fc.nat(9), pct: fc.integer({ min: 1, max: 40 }) }),
  { maxLength: 2 },
)

const totals = { runs: 0, orders: 0, refunds: 0, faults: 0, sdkRetries: 0, resent: 0, entries: 0, cents: 0, settled: 0 }
const byFault: Record<string, number> = {}

describe('money under random DynamoDB faults', () => {
  it('every cent is conserved after random histories with random faults, once failed requests are resent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 6 }), tail, fc.nat(), async (head, after, seed) => {
        // Every history ends with a release and a close, then perhaps refunds of settled entries.
        const history: Step[] = [...head, { t: 'release' }, { t: 'close' }, ...after]
        // The hold-release watermark is table-wide: each history starts it at its own entries' first due day.
        const now = new Date()
        const later = new Date(now.getTime() + 8 * DAY)
        const doneBefore = new Date(now.getTime() + 7 * DAY).toISOString().slice(0, 10)
        await db().send(new PutCommand({ TableName: tableName(), Item: { ...keys.job('hold-release'), doneBefore } }))
        const b = await newBrand({ holdDays: 7, maxLevels: 2, defaultBps: [1000, 500], payoutThreshold: 0 })
        const boss = await newDistributor(b.adminKey, { name: '店长', type: 'employee' })
        const guides = await Promise.all(
          ['导购一', '导购二'].map((name) => newDistributor(b.adminKey, { name, type: 'guide', parentId: boss.id })),
        )
        const ids = [boss.id, ...guides.map((g) => g.id)]
        const close = () =>
          closeSettlement(
            b.brand.id,
            { from: now.toISOString().slice(0, 10), to: later.toISOString().slice(0, 10) },
            { now: new Date(later.getTime() + 2 * DAY) },
          )

        const orders: Array<{ id: string; body: unknown; price: number }> = []
        const failed: Array<() => Promise<boolean>> = []
        const post = (path: string, body: unknown) => call('POST', path, { token: b.adminKey, body })
        /** A request, and when it fails on our side, its resend (true once it got an answer that is final). */
        const send = async (path: string, body: unknown) => {
          const r = await post(path, body)
          if (r.status >= 500) failed.push(async () => (await post(path, body)).status < 500)
          else expect(r.status, JSON.stringify(r.body)).toBeLessThan(500)
          return r
        }
        const job = async (fn: () => Promise<unknown>) => {
          try {
            await fn()
          } catch {
            failed.push(() => fn().then(() => true))
          }
        }

        const faults = injectFaults(randomFaults(seed, 0.2))
        try {
          for (const s of history) {
            if (s.t === 'order') {
              const id = `o${orders.length}`
              const body = {
                orderId: id,
                refCode: guides[s.guide]?.inviteCode,
                customerId: `c${orders.length}`,
                currency: 'CNY',
                paidAt: now.toISOString(),
                lines: [{ sku: 'A', qty: 1, unitPrice: s.price }],
              }
              orders.push({ id, body, price: s.price })
              await send('/api/orders', body)
            } else if (s.t === 'refund' && orders.length > 0) {
              const o = orders[s.order % orders.length] as (typeof orders)[number]
              const amount = Math.max(1, Math.floor((o.price * s.pct) / 100))
              await send(`/api/orders/${o.id}/refunds`, { refundId: `r${totals.refunds++}`, amount })
            } else if (s.t === 'release') await job(() => releaseHolds(later))
            else if (s.t === 'close') await job(close)
          }
        } finally {
          faults.stop()
        }
        totals.runs++
        totals.orders += orders.length
        totals.faults += faults.calls.filter((c) => c.fault).length
        totals.sdkRetries += faults.sdkRetries()
        for (const c of faults.calls) if (c.fault) byFault[c.fault] = (byFault[c.fault] ?? 0) + 1

        // Clients retry: every request that failed is sent again, faults off, until it is answered.
        for (const resend of failed) {
          totals.resent++
          let done = false
          for (let i = 0; i < 5 && !done; i++) done = await resend()
          expect(done).toBe(true)
        }
        // A close that ran (or failed) is finished by running it again.
        if (history.some((s) => s.t === 'close')) {
          for (let i = 0; i < 5; i++) if ((await close()).batch.status === 'closed') break
        }

        const entries: LedgerEntry[] = []
        for (const id of ids) {
          await expectBalanceMatchesLedger(id)
          entries.push(...(await allEntriesOf(id)))
        }
        // Each stored order's commissions exactly once: one per level, never twice.
        for (const o of orders) {
          const stored = await call('GET', `/api/orders/${o.id}`, { token: b.adminKey })
          const mine = entries.filter((e) => e.orderId === o.id)
          const commissions = mine.filter((e) => e.kind === 'commission')
          if (stored.status === 404) {
            expect(mine).toEqual([])
            continue
          }
          expect(commissions.map((e) => e.distributorId).sort()).toEqual(
            [boss.id, guides[0]?.id, guides[1]?.id]
              .filter((d) => commissions.some((e) => e.distributorId === d))
              .sort(),
          )
          expect(commissions).toHaveLength(stored.body.commissions.length)
          // Reversals and adjustments never take back more than the order earned.
          const earned = commissions.reduce((s, e) => s + e.amount, 0)
          const takenBack = -mine.filter((e) => e.kind !== 'commission').reduce((s, e) => s + e.amount, 0)
          expect(takenBack).toBeGreaterThanOrEqual(0)
          expect(takenBack).toBeLessThanOrEqual(earned)
        }
        // A closed batch's totals are exactly the entries it moved.
        const batchId = `st_${now.toISOString().slice(0, 10)}_${later.toISOString().slice(0, 10)}`
        const batch = await getBatch(b.brand.id, batchId)
        if (batch?.status === 'closed') {
          const moved = entries.filter((e) => e.settlementId === batchId)
          expect({ entries: moved.length, amount: moved.reduce((s, e) => s + e.amount, 0) }).toEqual({
            entries: batch.movedEntries,
            amount: batch.movedAmount,
          })
          totals.settled += batch.movedAmount
        }
        totals.entries += entries.length
        totals.cents += entries.reduce((s, e) => s + e.amount, 0)
      }),
      { numRuns: 15 },
    )
    console.info('money under random faults', { ...totals, byFault })
    expect(totals.faults).toBeGreaterThan(0)
    // 15 random histories: ~50 s alone, ~100 s beside the other files on one DynamoDB Local.
  }, 600_000)
})
