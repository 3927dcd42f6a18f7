import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'

type Commission = { level: number; ruleId: string; ruleVersion: number; amount: number }
const byLevel = (cs: Commission[]) => Object.fromEntries(cs.map((c) => [c.level, c]))

describe('POST /api/rules/preview with a draft rule and an order-shaped body', () => {
  it("prices the unsaved rule next to the stored rules' result, and writes nothing", async () => {
    const { adminKey: k } = await newBrand({ maxLevels: 2, defaultBps: [1000, 300] })
    const boss = await newDistributor(k, { name: '店长', type: 'employee' })
    const guide = await newDistributor(k, { name: '导购', type: 'guide', parentId: boss.id })
    const stored = await call('POST', '/api/rules', {
      token: k,
      body: { name: '护肤', scope: 'category', target: 'skincare', levels: [{ bps: 1200 }] },
    })
    expect(stored.status).toBe(201)
    const lines = [{ sku: 'SERUM', qty: 2, unitPrice: '259.00', category: 'skincare' }]

    // The same body as POST /api/orders: orderId and currency are accepted and ignored.
    const order = {
      orderId: 'ord-preview-1',
      currency: 'CNY',
      paidAt: new Date().toISOString(),
      lines,
    }
    const plain = await call('POST', '/api/rules/preview', { token: k, body: { ...order, distributorId: guide.id } })
    expect(plain.status).toBe(200)
    expect(plain.body.total).toBe(51800)
    expect(plain.body.draft).toBeUndefined()
    expect(byLevel(plain.body.commissions)[1]).toMatchObject({ ruleId: stored.body.id, amount: 6216 })

    // Editing the stored rule: 15% at L1 and a fixed ¥5.00 per item at L2, not yet saved.
    const edited = await call('POST', '/api/rules/preview', {
      token: k,
      body: {
        ...order,
        distributorId: guide.id,
        draftRule: {
          id: stored.body.id,
          name: '护肤',
          scope: 'category',
          target: 'skincare',
          levels: [{ bps: 1500 }, { fixed: '5.00' }],
        },
      },
    })
    expect(edited.status).toBe(200)
    const now = byLevel(edited.body.commissions)
    const draft = byLevel(edited.body.draft.commissions)
    expect(now[1]).toMatchObject({ ruleId: stored.body.id, ruleVersion: 1, amount: 6216 })
    expect(now[2]).toMatchObject({ ruleId: 'programme', amount: 1554 }) // 51800 × 3%
    expect(draft[1]).toMatchObject({ ruleId: stored.body.id, ruleVersion: 2, amount: 7770 }) // 51800 × 15%
    expect(draft[2]).toMatchObject({ ruleId: stored.body.id, ruleVersion: 2, amount: 1000 }) // 2 × ¥5.00

    // A new rule (no id) for a type: priced for a hypothetical guide chain.
    const added = await call('POST', '/api/rules/preview', {
      token: k,
      body: {
        type: 'guide',
        lines,
        draftRule: { name: '导购默认', scope: 'default', types: ['guide'], levels: [{ bps: 2000 }, { bps: 500 }] },
      },
    })
    expect(added.status).toBe(200)
    expect(byLevel(added.body.draft.commissions)[1]).toMatchObject({ ruleId: stored.body.id, amount: 6216 })
    // L2: the category rule has no level 2, so the draft default pays it (51800 × 5%) instead of the programme's 3%.
    expect(byLevel(added.body.commissions)[2]).toMatchObject({ ruleId: 'programme', amount: 1554 })
    expect(byLevel(added.body.draft.commissions)[2]).toMatchObject({ ruleId: 'draft', ruleVersion: 1, amount: 2590 })

    // Nothing was written: the stored rule is still at version 1, alone.
    const list = await call('GET', '/api/rules', { token: k })
    expect(list.body.items.map((r: { id: string; version: number }) => [r.id, r.version])).toEqual([
      [stored.body.id, 1],
    ])
  })

  it('answers a bad draft with field errors under draftRule', async () => {
    const { adminKey: k } = await newBrand()
    const lines = [{ sku: 'A', qty: 1, unitPrice: 100 }]
    const bad = await call('POST', '/api/rules/preview', {
      token: k,
      body: { type: 'guide', lines, draftRule: { name: 'x', scope: 'default', levels: [{ bps: 20000 }] } },
    })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields)).toEqual(['draftRule.levels.0.bps'])
    const noCampaign = await call('POST', '/api/rules/preview', {
      token: k,
      body: { type: 'guide', lines, draftRule: { name: 'x', scope: 'campaign', target: 'nope', levels: [{ bps: 1 }] } },
    })
    expect(noCampaign.status).toBe(422)
    expect(Object.keys(noCampaign.body.error.fields)).toEqual(['draftRule.target'])
  })
})
