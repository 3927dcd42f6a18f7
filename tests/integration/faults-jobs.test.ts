import { afterEach, describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { type DbCall, type FaultKind, type FaultRun, injectFaults } from '../support/faults'
import { allEntriesOf, expectBalancesMatchLedger } from '../support/ledger'
import { expectConsistent } from '../support/team'
import { postImport } from '../support/import'
import { getBinding } from '../../lib/db/orders'
import { LINK_SHARDS, linkScope, sumCounters } from '../../lib/db/counters'
import { getLink, type LinkRecord } from '../../lib/db/links'
import { findRecentClick, recordClick } from '../../lib/db/clicks'
import { pumpOnce } from '../../lib/local/stream-pump'
import { closeSettlement } from '../../lib/services/close-settlement'
import { handOver } from '../../lib/services/hand-over'
import { markPaid } from '../../lib/services/mark-paid'
import { releaseHolds } from '../../lib/services/release-holds'
import { sessionOf } from '../support/client'

// The longer jobs (hold release, close and mark-paid, staff import, hand-over, the stream counters)
// under a steady rain of DynamoDB's failures: every `every`-th attempt of an operation fails, the
// kind cycling through what that operation can meet. A job that gives up is run again, as its
// caller would (the scheduler, the console, Lambda's stream retry); the end state must be exact.

const TRANSACTION: FaultKind[] = [
  'conflict',
  'txThrottle',
  'throttle',
  'internal',
  'timeoutAfterWrite',
  'txProvisioned',
  'provisioned',
]
const SINGLE: FaultKind[] = ['throttle', 'internal', 'timeoutAfterWrite', 'provisioned']

/** Every `every`-th attempt of each operation fails; the kind cycles by operation. */
const rain =
  (every: number) =>
  (c: DbCall): FaultKind | undefined => {
    if (c.n % every !== 0) return undefined
    const k = c.n / every
    if (c.command === 'TransactWriteItems') return TRANSACTION[k % TRANSACTION.length]
    if (c.command === 'BatchGetItem') return k % 2 ? 'unprocessed' : 'throttle'
    if (['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem'].includes(c.command))
      return SINGLE[k % SINGLE.length]
    return undefined
  }

let run: FaultRun | undefined
afterEach(() => {
  run?.stop()
  run = undefined
})

/** Runs `job` again after each failure, as its caller would, until `done`; returns its value and the failures. */
async function persist<T>(job: () => Promise<T>, done: (v: T) => boolean = () => true) {
  const errors: string[] = []
  for (let i = 0; i < 30; i++) {
    try {
      const v = await job()
      if (done(v)) return { value: v, errors }
    } catch (err) {
      errors.push(
        (err as Error).name === 'AppError' ? `AppError ${(err as { code: string }).code}` : (err as Error).name,
      )
    }
  }
  throw new Error(`never finished: ${errors.join(', ')}`)
}

/** Retries seen in a run: the SDK's own, and sends of a transaction again after a cancellation. */
function retriesSeen(f: FaultRun) {
  return {
    attempts: f.calls.length,
    faults: f.calls.filter((c) => c.fault).length,
    sdkRetries: f.sdkRetries(),
    byFault: Object.fromEntries(
      (
        [
          'conflict',
          'txThrottle',
          'txProvisioned',
          'throttle',
          'provisioned',
          'internal',
          'timeoutAfterWrite',
          'unprocessed',
        ] as const
      ).map((k) => [k, f.count(undefined, k)]),
    ),
  }
}

async function ordersFor(k: string, codes: string[], paidAt: string, prefix: string) {
  for (const [i, code] of codes.entries()) {
    const r = await call('POST', '/api/orders', {
      token: k,
      body: {
        orderId: `${prefix}${i}`,
        refCode: code,
        customerId: `cust-${prefix}${i}`,
        currency: 'CNY',
        paidAt,
        lines: [{ sku: 'A', qty: 1, unitPrice: 10000 + i * 137 }],
      },
    })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
  }
}

describe('jobs under DynamoDB faults', () => {
  it('hold release: every due entry available once, balances equal their entries', async () => {
    const b = await newBrand({ holdDays: 7, defaultBps: [1000, 500], maxLevels: 2 })
    const boss = await newDistributor(b.adminKey, { name: '店长', type: 'employee' })
    const guide = await newDistributor(b.adminKey, { name: '导购', type: 'guide', parentId: boss.id })
    await ordersFor(b.adminKey, [guide.inviteCode, guide.inviteCode, boss.inviteCode], new Date().toISOString(), 'h')
    await releaseHolds() // the watermark at today: the run under faults walks the next 8 days only
    run = injectFaults(rain(3))
    const later = new Date(Date.now() + 8 * 86_400_000)
    const { errors } = await persist(() => releaseHolds(later))
    const seen = retriesSeen(run)
    run.stop()
    console.info('hold release under faults', { ...seen, rerunsAfterErrors: errors })
    expect(seen.faults).toBeGreaterThan(0)
    const entries = [...(await allEntriesOf(boss.id)), ...(await allEntriesOf(guide.id))]
    expect(entries.map((e) => e.status).sort()).toEqual(Array(5).fill('available'))
    await expectBalancesMatchLedger([boss.id, guide.id])
  })

  it('settlement close and mark-paid: every entry moved once, totals reconcile', async () => {
    const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000] })
    const ds = await Promise.all(['甲', '乙', '丙'].map((name) => newDistributor(b.adminKey, { name, type: 'guide' })))
    await ordersFor(
      b.adminKey,
      ds.flatMap((d) => [d.inviteCode, d.inviteCode]),
      '2026-10-10T08:00:00.000Z',
      's',
    )
    run = injectFaults(rain(4))
    const closed = await persist(
      () => closeSettlement(b.brand.id, { period: '2026-10' }),
      (r) => r.batch.status === 'closed',
    )
    const paid = await persist(
      () => markPaid(b.brand.id, closed.value.batch.batchId, { reference: 'PAY-1' }),
      (batch) => batch.status === 'paid',
    )
    const seen = retriesSeen(run)
    run.stop()
    console.info('close + mark-paid under faults', {
      ...seen,
      rerunsAfterErrors: [...closed.errors, ...paid.errors],
    })
    expect(seen.faults).toBeGreaterThan(0)
    const entries = (await Promise.all(ds.map((d) => allEntriesOf(d.id)))).flat()
    expect(entries).toHaveLength(6)
    expect(entries.every((e) => e.status === 'paid')).toBe(true)
    const sum = entries.reduce((s, e) => s + e.amount, 0)
    expect({ entries: paid.value.paidEntries, amount: paid.value.paidAmount }).toEqual({ entries: 6, amount: sum })
    expect({ entries: paid.value.movedEntries, amount: paid.value.movedAmount }).toEqual({ entries: 6, amount: sum })
    await expectBalancesMatchLedger(ds.map((d) => d.id))
  })

  it('staff import: every row once, teams and counts consistent', async () => {
    const { adminKey } = await newBrand()
    const rows = ['姓名,类型,工号,门店/部门,推荐人工号', '店长,employee,E1,上海店,']
    for (let i = 0; i < 12; i++) rows.push(`导购${i},guide,G${i},上海店,E1`)
    for (let i = 0; i < 12; i++) rows.push(`会员${i},member,M${i},,G${i % 4}`)
    const csv = `${rows.join('\r\n')}\r\n`
    run = injectFaults(rain(4))
    let next: string | undefined
    const { errors } = await persist(
      async () => {
        const r = await postImport(
          adminKey,
          csv,
          `dryRun=false&limit=10${next ? `&next=${encodeURIComponent(next)}` : ''}`,
        )
        if (r.status !== 200) throw Object.assign(new Error(JSON.stringify(r.body)), { name: `HTTP ${r.status}` })
        next = r.body.next
        return r.body
      },
      (body) => body.done === true,
    )
    const seen = retriesSeen(run)
    run.stop()
    console.info('staff import under faults', { ...seen, rerunsAfterErrors: errors })
    expect(
      errors.every((e) => e === 'HTTP 503'),
      errors.join(),
    ).toBe(true)
    const all = await expectConsistent(adminKey)
    const byType = (t: string) => all.filter((d) => d.type === t).length
    expect([all.length, byType('employee'), byType('guide'), byType('member')]).toEqual([25, 1, 12, 12])
  })

  it('hand-over: every customer and recruit moved once, teams consistent, entries unchanged', async () => {
    const { brand, adminKey } = await newBrand({ holdDays: 7, defaultBps: [1000], maxLevels: 1 })
    const leaver = await newDistributor(adminKey, { name: '离职导购', type: 'guide' })
    const recruits = await Promise.all(
      [1, 2, 3].map((i) => newDistributor(adminKey, { name: `会员${i}`, type: 'member', parentId: leaver.id })),
    )
    const successor = await newDistributor(adminKey, { name: '接任导购', type: 'guide' })
    await ordersFor(adminKey, Array(5).fill(leaver.inviteCode), new Date().toISOString(), 'c')
    const before = await allEntriesOf(leaver.id)
    run = injectFaults(rain(3))
    const { errors } = await persist(
      () => handOver(brand.id, leaver.id, successor.id),
      (h) => h.status === 'done',
    )
    const seen = retriesSeen(run)
    run.stop()
    console.info('hand-over under faults', { ...seen, rerunsAfterErrors: errors })
    expect(seen.faults).toBeGreaterThan(0)
    for (let i = 0; i < 5; i++) expect((await getBinding(brand.id, `cust-c${i}`))?.distributorId).toBe(successor.id)
    const all = await expectConsistent(adminKey)
    for (const r of recruits) expect(all.find((d) => d.id === r.id)?.parentId).toBe(successor.id)
    expect(await allEntriesOf(leaver.id)).toEqual(before)
    await expectBalancesMatchLedger([leaver.id, successor.id])
  })

  it('stream counters: a pump that fails is run again and counts every click once', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
    const made = await call('POST', '/api/links', {
      token: await sessionOf(adminKey, d.id),
      body: { url: 'https://shop.example.com/p/faults' },
    })
    const link = (await getLink(String(made.body.code))) as LinkRecord
    const now = Date.now() - 3_600_000
    for (let i = 0; i < 40; i++) {
      const visitorId = `V${String(i).padStart(15, '0')}`
      const visit = { code: link.code, visitorId, uaClass: 'wechat' as const }
      await recordClick(visit, link, { now, recent: await findRecentClick(link.code, visitorId, now) })
    }
    run = injectFaults(rain(2))
    const { errors } = await persist(() => pumpOnce())
    const seen = retriesSeen(run)
    run.stop()
    console.info('stream counters under faults', { ...seen, rerunsAfterErrors: errors })
    expect(seen.faults).toBeGreaterThan(0)
    await pumpOnce()
    const counted = (await sumCounters([linkScope(link.code)], LINK_SHARDS, 'total', 'clicks')).get(
      linkScope(link.code),
    )
    expect(counted).toBe(40)
  })
})
