import { beforeAll, describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { allEntriesOf, expectBalancesMatchLedger } from '../support/ledger'
import { csvRecords, minorOf } from '../support/csv'
import { getBalance } from '../../lib/db/balances'

/**
 * A brand's two months, end to end through the API: orders, a refund before and
 * one after settlement, a suspended distributor, a carry-forward below the
 * threshold that is paid the next month; exports read back and checked against
 * the ledger and the balances to the cent.
 *
 * Choice: a suspended distributor is still settled for what they earned while
 * active (suspension stops new earnings, it does not confiscate commissions owed).
 */
let b: Awaited<ReturnType<typeof newBrand>>
let fin: string
const d: Record<'wang' | 'sus' | 'small', { id: string; inviteCode: string }> = {} as never

const order = (orderId: string, who: { inviteCode: string }, paidAt: string, unitPrice: string) =>
  call('POST', '/api/orders', {
    token: b.adminKey,
    body: { orderId, refCode: who.inviteCode, currency: 'CNY', paidAt, lines: [{ sku: 'A', qty: 1, unitPrice }] },
  })

/** Gross, reversals and count of a distributor's entries in a batch, from the ledger itself. */
async function ledgerLine(distributorId: string, batchId: string) {
  const mine = (await allEntriesOf(distributorId)).filter((e) => e.settlementId === batchId)
  return {
    gross: mine.filter((e) => e.amount >= 0).reduce((s, e) => s + e.amount, 0),
    reversals: mine.filter((e) => e.amount < 0).reduce((s, e) => s + e.amount, 0),
    entries: mine.length,
    ids: mine.map((e) => e.entryId).sort(),
  }
}

/** Both exports of a batch, parsed, each figure checked against the ledger. Returns the parsed rows. */
async function checkExports(batch: {
  batchId: string
  period: string
  totals: { net: number; entries: number; distributors: number }
}) {
  const exp = await call('GET', `/api/settlements/${batch.batchId}/export.csv`, { token: fin })
  expect(exp.status).toBe(200)
  expect(exp.res.headers.get('content-disposition')).toMatch(new RegExp(`${batch.period}.*${batch.batchId}`))
  const rows = csvRecords(exp.body as string)
  expect(rows).toHaveLength(batch.totals.distributors)
  let net = 0
  for (const r of rows) {
    const l = await ledgerLine(r.distributor_id!, batch.batchId)
    expect({ gross: minorOf(r.gross!), reversals: minorOf(r.reversals!), entries: Number(r.entries) }).toEqual({
      gross: l.gross,
      reversals: l.reversals,
      entries: l.entries,
    })
    expect(minorOf(r.net!)).toBe(l.gross + l.reversals)
    expect(r).toMatchObject({ batch_id: batch.batchId, period: batch.period, currency: 'CNY' })
    net += minorOf(r.net!)
  }
  expect(net).toBe(batch.totals.net)
  const lines = csvRecords(
    (await call('GET', `/api/settlements/${batch.batchId}/lines.csv`, { token: fin })).body as string,
  )
  expect(lines).toHaveLength(batch.totals.entries)
  expect(lines.reduce((s, r) => s + minorOf(r.amount!), 0)).toBe(batch.totals.net)
  const ledgerIds = (await Promise.all(rows.map((r) => ledgerLine(r.distributor_id!, batch.batchId))))
    .flatMap((l) => l.ids)
    .sort()
  expect(lines.map((r) => r.entry_id).sort()).toEqual(ledgerIds)
  return { rows, lines }
}

beforeAll(async () => {
  b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 500 })
  fin = b.financeKey
  d.wang = await newDistributor(b.adminKey, {
    name: '王芳',
    type: 'guide',
    externalId: '=HYPERLINK("x")',
    payeeReference: 'ICBC 6222-0001',
  })
  d.sus = await newDistributor(b.adminKey, { name: '停用 Suspended', type: 'member' })
  d.small = await newDistributor(b.adminKey, { name: '小李', type: 'member' })
  const oct = '2025-10-10T08:00:00.000Z'
  for (const r of [
    await order('o1', d.wang, oct, '123.45'),
    await order('o2', d.wang, oct, '200.00'),
    await order('o3', d.sus, oct, '100.00'),
    await order('o4', d.small, oct, '30.00'),
  ])
    expect(r.status).toBe(201)
  // Refund before settlement: a reversal that shrinks October.
  expect(
    (await call('POST', '/api/orders/o2/refunds', { token: b.adminKey, body: { refundId: 'r2', amount: '50.00' } }))
      .status,
  ).toBe(201)
  expect(
    (await call('PATCH', `/api/distributors/${d.sus.id}`, { token: b.adminKey, body: { status: 'suspended' } })).status,
  ).toBe(200)
})

describe('settling two months', () => {
  let october: any
  let octoberExport: Buffer

  it('closes October: the suspended distributor is settled, the small one carried forward', async () => {
    const r = await call('POST', '/api/settlements', { token: fin, body: { period: '2025-10' } })
    expect(r.status).toBe(201)
    october = r.body
    // 王芳 1234 + 2000 − 500 (refund of a quarter of o2); suspended 1000; 小李 300 < 500 carried.
    expect(october).toMatchObject({
      batchId: 'st_2025-10',
      status: 'closed',
      totals: { distributors: 2, gross: 4234, reversals: -500, net: 3734, entries: 4, carriedForward: 1 },
    })
    expect(october.reconciliation).toEqual({ linesNet: 3734, entriesNet: 3734, ledgerMovement: 3734, reconciled: true })
    const detail = await call('GET', `/api/settlements/${october.batchId}`, { token: fin })
    const small = detail.body.lines.find((l: { distributorId: string }) => l.distributorId === d.small.id)
    expect(small).toMatchObject({ carriedForward: true, reason: 'below_threshold', net: 300 })
    expect(await getBalance(d.small.id, 'CNY', true)).toMatchObject({ available: 300, settled: 0 })
    expect(await getBalance(d.sus.id, 'CNY', true)).toMatchObject({ available: 0, settled: 1000 })
    await expectBalancesMatchLedger([d.wang.id, d.sus.id, d.small.id])
  })

  it('exports October: every figure matches the ledger, text cells neutralised, same bytes twice', async () => {
    const { rows } = await checkExports(october)
    const wang = rows.find((r) => r.distributor_id === d.wang.id)
    expect(wang).toMatchObject({
      name: '王芳',
      external_id: '\'=HYPERLINK("x")',
      payee_reference: 'ICBC 6222-0001',
      gross: '32.34',
      reversals: '-5.00',
      net: '27.34',
      entries: '3',
    })
    const a = await call('GET', `/api/settlements/${october.batchId}/export.csv`, { token: fin })
    const b2 = await call('GET', `/api/settlements/${october.batchId}/export.csv`, { token: fin })
    octoberExport = Buffer.from(await a.res.arrayBuffer())
    expect(octoberExport.equals(Buffer.from(await b2.res.arrayBuffer()))).toBe(true)
  })

  it('closing October again, or three times at once, returns the same batch and moves nothing twice', async () => {
    const before = await getBalance(d.wang.id, 'CNY', true)
    const again = await call('POST', '/api/settlements', { token: fin, body: { period: '2025-10' } })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ batchId: october.batchId, totals: october.totals })
    expect(await getBalance(d.wang.id, 'CNY', true)).toEqual(before)
    expect((await call('GET', '/api/settlements', { token: fin })).body.items).toHaveLength(1)
  })

  it('closes November: the refund after settlement is an adjustment, the carried entries are paid', async () => {
    // A full refund of o1, already settled: a negative adjustment dated today, in the next batch closed.
    expect(
      (await call('POST', '/api/orders/o1/refunds', { token: b.adminKey, body: { refundId: 'r1', amount: '123.45' } }))
        .status,
    ).toBe(201)
    const adjustment = (await allEntriesOf(d.wang.id)).find((e) => e.kind === 'adjustment')
    expect(adjustment).toMatchObject({ amount: -1234, status: 'available' })
    const nov = '2025-11-12T08:00:00.000Z'
    expect((await order('o5', d.small, nov, '30.00')).status).toBe(201)
    expect((await order('o6', d.wang, nov, '300.00')).status).toBe(201)

    const results = await Promise.all(
      [1, 2, 3].map(() => call('POST', '/api/settlements', { token: fin, body: { period: '2025-11' } })),
    )
    expect(new Set(results.map((r) => r.body.batchId))).toEqual(new Set(['st_2025-11']))
    for (const r of results) expect([200, 201, 202]).toContain(r.status)
    let november = (await call('POST', '/api/settlements', { token: fin, body: { period: '2025-11' } })).body
    for (let i = 0; november.status === 'closing' && i < 20; i++)
      november = (await call('POST', '/api/settlements', { token: fin, body: { period: '2025-11' } })).body
    // 王芳 3000 − 1234; 小李 300 (carried from October) + 300.
    expect(november).toMatchObject({
      status: 'closed',
      totals: { distributors: 2, gross: 3600, reversals: -1234, net: 2366, entries: 4, carriedForward: 0 },
      progress: { movedEntries: 4 },
    })
    expect(november.reconciliation.reconciled).toBe(true)
    const { lines } = await checkExports(november)
    expect(lines.find((r) => r.kind === 'adjustment')).toMatchObject({
      entry_id: adjustment!.entryId,
      amount: '-12.34',
    })
    expect(await getBalance(d.small.id, 'CNY', true)).toMatchObject({ available: 0, settled: 600 })
    expect(await getBalance(d.wang.id, 'CNY', true)).toMatchObject({ available: 0, settled: 2734 + 1766 })
    await expectBalancesMatchLedger([d.wang.id, d.sus.id, d.small.id])
    const list = (await call('GET', '/api/settlements', { token: fin })).body.items
    expect(list.map((x: { batchId: string }) => x.batchId)).toEqual(['st_2025-11', 'st_2025-10'])
  })

  it('marks October paid twice: one change, the first reference and date kept', async () => {
    const first = await call('POST', `/api/settlements/${october.batchId}/paid`, {
      token: fin,
      body: { paidAt: '2025-11-05T10:00:00.000Z', reference: 'BANK-1' },
    })
    expect(first.body).toMatchObject({ status: 'paid', paidAt: '2025-11-05T10:00:00.000Z', reference: 'BANK-1' })
    const paidBalance = await getBalance(d.sus.id, 'CNY', true)
    expect(paidBalance).toMatchObject({ settled: 0, paid: 1000 })
    const second = await call('POST', `/api/settlements/${october.batchId}/paid`, {
      token: fin,
      body: { reference: 'BANK-2' },
    })
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ status: 'paid', paidAt: '2025-11-05T10:00:00.000Z', reference: 'BANK-1' })
    expect(await getBalance(d.sus.id, 'CNY', true)).toEqual(paidBalance)
    const entries = (await allEntriesOf(d.wang.id)).filter((e) => e.settlementId === october.batchId)
    expect(new Set(entries.map((e) => e.status))).toEqual(new Set(['paid']))
    await expectBalancesMatchLedger([d.wang.id, d.sus.id, d.small.id])
    // A paid batch exports the same bytes as before it was paid.
    await checkExports(october)
    const after = await call('GET', `/api/settlements/${october.batchId}/export.csv`, { token: fin })
    expect(Buffer.from(await after.res.arrayBuffer()).equals(octoberExport)).toBe(true)
  })
})
