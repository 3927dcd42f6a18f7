import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'

describe('GET /api/commissions', () => {
  it('lists entries by distributor, order, status and brand-wide pages, and balances equal entry sums', async () => {
    const b = await newBrand({ defaultBps: [1000, 500], maxLevels: 2 })
    const k = b.adminKey
    const top = await newDistributor(k, { name: '员工', type: 'employee' })
    const d = await newDistributor(k, { name: '会员', type: 'member', parentId: top.id })
    const paidAt = new Date().toISOString()
    for (let i = 0; i < 7; i++) {
      await call('POST', '/api/orders', {
        token: k,
        body: {
          orderId: `c${i}`,
          refCode: d.inviteCode,
          currency: 'CNY',
          paidAt,
          lines: [{ sku: 'A', qty: 1, unitPrice: 1000 * (i + 1) }],
        },
      })
    }
    await call('POST', '/api/orders/c0/refunds', { token: k, body: { refundId: 'x', amount: 1000 } })

    const mine = await call('GET', `/api/commissions?distributorId=${d.id}&limit=100`, { token: b.financeKey })
    expect(mine.status).toBe(200)
    expect(mine.body.items).toHaveLength(8) // 7 commissions + 1 reversal
    const sum = mine.body.items.reduce((s: number, e: { amount: number }) => s + e.amount, 0)
    const session = await sessionOf(k, d.id)
    const me = await call('GET', '/api/me/commissions', { token: session })
    expect(me.body.balance.pending).toBe(sum)
    expect(sum).toBe(100 * (1 + 2 + 3 + 4 + 5 + 6 + 7) - 100)

    const byOrder = await call('GET', '/api/commissions?orderId=c0', { token: k })
    expect(byOrder.body.items.map((e: { kind: string; amount: number }) => [e.kind, e.amount]).sort()).toEqual(
      [
        ['commission', 100],
        ['commission', 50],
        ['reversal', -100],
        ['reversal', -50],
      ].sort(),
    )

    const seen = new Set<string>()
    let cursor: string | undefined
    do {
      const page = await call('GET', `/api/commissions?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token: k })
      expect(page.status).toBe(200)
      for (const e of page.body.items) seen.add(e.entryId)
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen.size).toBe(16)

    const other = await newBrand()
    const leak = await call('GET', `/api/commissions?distributorId=${d.id}`, { token: other.adminKey })
    expect(leak.status).toBe(404)
    const pending = await call('GET', `/api/commissions?distributorId=${d.id}&status=available`, { token: k })
    expect(pending.body.items).toHaveLength(0)
  })
})
