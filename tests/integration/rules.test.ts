import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'

describe('commission rules', () => {
  it('resolves product > category > default, type-specific first, and keeps versions on entries', async () => {
    const { adminKey: k } = await newBrand({ maxLevels: 2, defaultBps: [500, 100] })
    const boss = await newDistributor(k, { name: '店长', type: 'employee' })
    const guide = await newDistributor(k, { name: '导购', type: 'guide', parentId: boss.id })
    const def = await call('POST', '/api/rules', { token: k, body: { name: '默认', scope: 'default', levels: [{ bps: 800 }, { bps: 200 }] } })
    expect(def.status).toBe(201)
    await call('POST', '/api/rules', { token: k, body: { name: '护肤', scope: 'category', target: 'skincare', levels: [{ bps: 1200 }] } })
    const guideOnly = await call('POST', '/api/rules', { token: k, body: { name: '导购专享', scope: 'category', target: 'skincare', types: ['guide'], levels: [{ bps: 1500 }] } })
    await call('POST', '/api/rules', { token: k, body: { name: '礼盒固定', scope: 'product', target: 'GIFT', levels: [{ fixed: '10.00' }], capPerOrder: 2500 } })

    const lines = [
      { sku: 'SERUM', qty: 1, unitPrice: 10000, category: 'skincare' },
      { sku: 'GIFT', qty: 3, unitPrice: 50000 },
      { sku: 'LIP', qty: 1, unitPrice: 5000 },
    ]
    const r = await call('POST', '/api/rules/preview', { token: k, body: { distributorId: guide.id, lines } })
    expect(r.status).toBe(200)
    const byKey = Object.fromEntries(r.body.commissions.map((c: { level: number; ruleId: string; amount: number }) => [`${c.level}:${c.ruleId}`, c.amount]))
    expect(byKey[`1:${guideOnly.body.id}`]).toBe(1500) // 10000 × 15%
    expect(Object.values(byKey)).toContain(2500) // 3 × 1000 fixed, capped at 2500
    expect(byKey[`1:${def.body.id}`]).toBe(400) // LIP 5000 × 8%
    // Level 2: neither the category nor the product rule defines it, so every line falls to the default at 2%:
    // SERUM 200 + GIFT 150000 × 2% = 3000 + LIP 100, one entry for the level and rule.
    expect(byKey[`2:${def.body.id}`]).toBe(200 + 3000 + 100)
    expect(r.body.commissions.filter((c: { level: number }) => c.level === 2)).toHaveLength(1)

    const put = await call('PUT', `/api/rules/${def.body.id}`, { token: k, body: { name: '默认', scope: 'default', levels: [{ bps: 900 }] } })
    expect(put.body.version).toBe(2)
    const del = await call('DELETE', `/api/rules/${def.body.id}`, { token: k })
    expect(del.body.version).toBe(3)
    const list = await call('GET', '/api/rules', { token: k })
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(def.body.id)
    const missing = await call('PUT', `/api/rules/${def.body.id}`, { token: k, body: { name: 'x', scope: 'default', levels: [{ bps: 1 }] } })
    expect(missing.status).toBe(404)
  })

  it('refuses bad rules with field errors', async () => {
    const { adminKey: k } = await newBrand()
    const r = await call('POST', '/api/rules', { token: k, body: { name: 'x', scope: 'product', levels: [{ bps: 20000 }] } })
    expect(r.status).toBe(422)
    expect(Object.keys(r.body.error.fields)).toEqual(expect.arrayContaining(['target', 'levels.0.bps']))
  })
})
