import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { releaseHolds } from '../../lib/services/release-holds'
import { closeSettlement } from '../../lib/services/close-settlement'
import { markPaid } from '../../lib/services/mark-paid'

const DAY_MS = 86_400_000

describe('GET /api/orders/:id', () => {
  it("shows each commission's status as it is now: pending, available, settled, paid", async () => {
    const b = await newBrand({ holdDays: 7, maxLevels: 1, defaultBps: [1000], payoutThreshold: 100 })
    const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
    const paidAt = new Date()
    const created = await call('POST', '/api/orders', {
      token: b.adminKey,
      body: {
        orderId: 'st1',
        refCode: d.inviteCode,
        currency: 'CNY',
        paidAt: paidAt.toISOString(),
        lines: [{ sku: 'A', qty: 1, unitPrice: 10000 }],
      },
    })
    expect(created.status).toBe(201)
    const statuses = async () => {
      const r = await call('GET', '/api/orders/st1', { token: b.financeKey })
      expect(r.status).toBe(200)
      return r.body.commissions.map((c: { distributorId: string; status: string }) => [c.distributorId, c.status])
    }
    expect(await statuses()).toEqual([[d.id, 'pending']])

    expect((await releaseHolds(new Date(paidAt.getTime() + 8 * DAY_MS))).released).toBe(1)
    expect(await statuses()).toEqual([[d.id, 'available']])

    // Close the month the commission became available in, once it has ended.
    const due = new Date(paidAt.getTime() + 7 * DAY_MS)
    const period = due.toISOString().slice(0, 7)
    const after = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 3))
    const { batch } = await closeSettlement(b.brand.id, { period }, { now: after })
    expect(batch).toMatchObject({ status: 'closed', totals: { entries: 1, net: 1000 } })
    expect(await statuses()).toEqual([[d.id, 'settled']])

    expect((await markPaid(b.brand.id, batch.batchId, { reference: 'R1' })).status).toBe('paid')
    expect(await statuses()).toEqual([[d.id, 'paid']])
  })
})
