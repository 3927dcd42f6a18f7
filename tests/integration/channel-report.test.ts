import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { pumpOnce } from '../../lib/local/stream-pump'

/**
 * The split a published industry report gives (Youzan, 2021), from seeded orders: 75% of distribution
 * GMV from the internal chains (employees 30, guides 25, online reps 12, offline
 * reps 8), 25% from external ones (members 13, partners 7, media 5). An order
 * nobody was credited for is left out of distribution GMV.
 */
const TABLE = [
  ['employee', 30],
  ['guide', 25],
  ['online_rep', 12],
  ['offline_rep', 8],
  ['member', 13],
  ['partner', 7],
  ['media', 5],
] as const

describe('channel report', () => {
  it('reproduces the section 1 table: 75 / 13 / 7 / 5 and the internal split', async () => {
    const { adminKey } = await newBrand({ defaultBps: [1000] })
    const paidAt = new Date().toISOString()
    const day = paidAt.slice(0, 10)
    let n = 0
    for (const [type, percent] of TABLE) {
      const d = await newDistributor(adminKey, { name: type, type })
      // Each type's share arrives as several orders of different sizes, adding to percent × 1,000.00.
      for (const part of [0.5, 0.3, 0.2]) {
        const r = await call('POST', '/api/orders', {
          token: adminKey,
          body: {
            orderId: `o${n++}`,
            currency: 'CNY',
            paidAt,
            refCode: d.inviteCode,
            lines: [{ sku: 'S', qty: 1, unitPrice: Math.round(percent * 100_000 * part) }],
          },
        })
        expect(r.body.attribution.distributorId).toBe(d.id)
      }
    }
    await call('POST', '/api/orders', {
      token: adminKey,
      body: { orderId: 'walk-in', currency: 'CNY', paidAt, lines: [{ sku: 'S', qty: 1, unitPrice: 999_999 }] },
    })
    await pumpOnce()

    const r = await call('GET', `/api/reports/channels?from=${day}&to=${day}`, { token: adminKey })
    expect(r.status).toBe(200)
    expect(r.body.total).toBe(10_000_000)
    expect(r.body.circles).toEqual([
      { circle: 'internal', gmv: 7_500_000, shareBps: 7500 },
      { circle: 'external', gmv: 2_500_000, shareBps: 2500 },
    ])
    expect(
      r.body.types.map((t: { type: string; shareBps: number; orders: number; distributors: number }) => [
        t.type,
        t.shareBps,
        t.orders,
        t.distributors,
      ]),
    ).toEqual(TABLE.map(([type, percent]) => [type, percent * 100, 3, 1]))
  })
})
