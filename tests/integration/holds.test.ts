import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { getBalance } from '../../lib/db/balances'
import { releaseHolds } from '../../lib/services/release-holds'

describe('hold release', () => {
  it('moves pending entries to available after holdDays, once, even when two runs race', async () => {
    const { adminKey: k } = await newBrand({ holdDays: 7, defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(k, { name: '会员', type: 'member', externalId: 'm1' })
    const invite = d.inviteCode
    const paidAt = new Date().toISOString()
    const r = await call('POST', '/api/orders', {
      token: k,
      body: {
        orderId: 'h1',
        refCode: invite,
        currency: 'CNY',
        paidAt,
        lines: [{ sku: 'A', qty: 1, unitPrice: 10000 }],
      },
    })
    expect(r.body.commissions[0]).toMatchObject({ amount: 1000, status: 'pending' })
    // A refund of half while pending shrinks the pending balance with a pending reversal that moves along with it.
    await call('POST', '/api/orders/h1/refunds', { token: k, body: { refundId: 'rf1', amount: 5000 } })
    expect(await getBalance(d.id, 'CNY', true)).toMatchObject({ pending: 500, available: 0 })

    const early = await releaseHolds(new Date(Date.now() + 6 * 86_400_000))
    expect(early.released).toBe(0)
    const later = new Date(Date.now() + 8 * 86_400_000)
    const [a, b] = await Promise.all([releaseHolds(later), releaseHolds(later)])
    expect(a.released + b.released).toBe(2)
    expect(await getBalance(d.id, 'CNY', true)).toMatchObject({ pending: 0, available: 500 })
    expect((await releaseHolds(later)).released).toBe(0)
  })

  it('holdDays 0 makes commissions available at once', async () => {
    const { adminKey: k } = await newBrand({ holdDays: 0, defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(k, { name: '会员', type: 'member' })
    const r = await call('POST', '/api/orders', {
      token: k,
      body: {
        orderId: 'h0',
        refCode: d.inviteCode,
        currency: 'CNY',
        paidAt: new Date().toISOString(),
        lines: [{ sku: 'A', qty: 1, unitPrice: 10000 }],
      },
    })
    expect(r.body.commissions[0].status).toBe('available')
    expect(await getBalance(d.id, 'CNY', true)).toMatchObject({ pending: 0, available: 1000 })
  })
})
