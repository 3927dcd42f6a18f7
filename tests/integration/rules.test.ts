import { describe, expect, it } from 'vitest'
import { db } from '../../lib/db/client'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'

describe('commission rules', () => {
  it('resolves product > category > default, type-specific first, and keeps versions on entries', async () => {
    const { adminKey: k } = await newBrand({ maxLevels: 2, defaultBps: [500, 100] })
    const boss = await newDistributor(k, { name: '店长', type: 'employee' })
    const guide = await newDistributor(k, { name: '导购', type: 'guide', parentId: boss.id })
    const def = await call('POST', '/api/rules', {
      token: k,
      body: { name: '默认', scope: 'default', levels: [{ bps: 800 }, { bps: 200 }] },
    })
    expect(def.status).toBe(201)
    await call('POST', '/api/rules', {
      token: k,
      body: { name: '护肤', scope: 'category', target: 'skincare', levels: [{ bps: 1200 }] },
    })
    const guideOnly = await call('POST', '/api/rules', {
      token: k,
      body: { name: '导购专享', scope: 'category', target: 'skincare', types: ['guide'], levels: [{ bps: 1500 }] },
    })
    await call('POST', '/api/rules', {
      token: k,
      body: { name: '礼盒固定', scope: 'product', target: 'GIFT', levels: [{ fixed: '10.00' }], capPerOrder: 2500 },
    })

    const lines = [
      { sku: 'SERUM', qty: 1, unitPrice: 10000, category: 'skincare' },
      { sku: 'GIFT', qty: 3, unitPrice: 50000 },
      { sku: 'LIP', qty: 1, unitPrice: 5000 },
    ]
    const r = await call('POST', '/api/rules/preview', { token: k, body: { distributorId: guide.id, lines } })
    expect(r.status).toBe(200)
    const byKey = Object.fromEntries(
      r.body.commissions.map((c: { level: number; ruleId: string; amount: number }) => [
        `${c.level}:${c.ruleId}`,
        c.amount,
      ]),
    )
    expect(byKey[`1:${guideOnly.body.id}`]).toBe(1500) // 10000 × 15%
    expect(Object.values(byKey)).toContain(2500) // 3 × 1000 fixed, capped at 2500
    expect(byKey[`1:${def.body.id}`]).toBe(400) // LIP 5000 × 8%
    // Level 2: neither the category nor the product rule defines it, so every line falls to the default at 2%:
    // SERUM 200 + GIFT 150000 × 2% = 3000 + LIP 100, one entry for the level and rule.
    expect(byKey[`2:${def.body.id}`]).toBe(200 + 3000 + 100)
    expect(r.body.commissions.filter((c: { level: number }) => c.level === 2)).toHaveLength(1)

    const put = await call('PUT', `/api/rules/${def.body.id}`, {
      token: k,
      body: { name: '默认', scope: 'default', levels: [{ bps: 900 }] },
    })
    expect(put.body.version).toBe(2)
    const del = await call('DELETE', `/api/rules/${def.body.id}`, { token: k })
    expect(del.body.version).toBe(3)
    const list = await call('GET', '/api/rules', { token: k })
    expect(list.body.items.map((x: { id: string }) => x.id)).not.toContain(def.body.id)
    const missing = await call('PUT', `/api/rules/${def.body.id}`, {
      token: k,
      body: { name: 'x', scope: 'default', levels: [{ bps: 1 }] },
    })
    expect(missing.status).toBe(404)
  })

  it('refuses bad rules with field errors', async () => {
    const { adminKey: k } = await newBrand()
    const r = await call('POST', '/api/rules', {
      token: k,
      body: { name: 'x', scope: 'product', levels: [{ bps: 20000 }] },
    })
    expect(r.status).toBe(422)
    expect(Object.keys(r.body.error.fields)).toEqual(expect.arrayContaining(['target', 'levels.0.bps']))
  })
})

describe("a rule's target", () => {
  const NO_CAMPAIGN = 'No campaign with this id; create it first under /console/products.'
  const window = { startsAt: '2025-11-11T00:00:00+08:00', endsAt: '2025-11-12T00:00:00+08:00' }

  it('must be an existing campaign of this brand for a campaign rule: a 422 on target, nothing written', async () => {
    const { adminKey: k } = await newBrand()
    const other = await newBrand()
    // The same id in another brand is not this brand's campaign.
    expect(
      (
        await call('POST', '/api/campaigns', {
          token: other.adminKey,
          body: { id: 'double11', name: '双十一', ...window },
        })
      ).status,
    ).toBe(201)
    const body = { name: '双十一加码', scope: 'campaign', target: 'double11', levels: [{ bps: 1500 }] }
    const before = await tableSnapshot()
    const r = await call('POST', '/api/rules', { token: k, body })
    expectError(r, 422, 'invalid_input', ['target'])
    expect(r.body.error.fields).toEqual({ target: NO_CAMPAIGN })
    expect(await tableSnapshot()).toEqual(before)
    expect((await call('GET', '/api/rules', { token: k })).body.items).toEqual([])

    // Once the campaign exists (active or not: the brand may switch it on later), the same rule is accepted.
    expect(
      (
        await call('POST', '/api/campaigns', {
          token: k,
          body: { id: 'double11', name: '双十一', ...window, active: false },
        })
      ).status,
    ).toBe(201)
    const made = await call('POST', '/api/rules', { token: k, body })
    expect(made.status, JSON.stringify(made.body)).toBe(201)
    expect(made.body).toMatchObject({ scope: 'campaign', target: 'double11', version: 1 })
  })

  it('is checked on PUT too: the rule keeps its version and content', async () => {
    const { adminKey: k } = await newBrand()
    const rule = await call('POST', '/api/rules', {
      token: k,
      body: { name: '护肤', scope: 'category', target: 'skincare', levels: [{ bps: 800 }] },
    })
    expect(rule.status).toBe(201)
    const before = await tableSnapshot()
    const r = await call('PUT', `/api/rules/${rule.body.id}`, {
      token: k,
      body: { name: '护肤', scope: 'campaign', target: 'nope', levels: [{ bps: 800 }] },
    })
    expectError(r, 422, 'invalid_input', ['target'])
    expect(r.body.error.fields).toEqual({ target: NO_CAMPAIGN })
    expect(await tableSnapshot()).toEqual(before)
    expect((await call('GET', '/api/rules', { token: k })).body.items).toEqual([rule.body])
  })

  it('reads the campaign by key, never by Scan or Query', async () => {
    const { adminKey: k } = await newBrand()
    const client = db()
    const send = client.send.bind(client)
    const seen: string[] = []
    client.send = (async (command: { constructor: { name: string } }, ...rest: unknown[]) => {
      seen.push(command.constructor.name)
      return (send as (c: unknown, ...r: unknown[]) => Promise<unknown>)(command, ...rest)
    }) as typeof client.send
    try {
      expect(
        (
          await call('POST', '/api/rules', {
            token: k,
            body: { name: 'x', scope: 'campaign', target: 'nope', levels: [{ bps: 1 }] },
          })
        ).status,
      ).toBe(422)
    } finally {
      client.send = send
    }
    // The API key, then the brand and the campaign side by side; no write.
    expect(seen).toEqual(['GetCommand', 'GetCommand', 'GetCommand'])
  })

  it('need not be in the catalogue for a product rule: orders name SKUs the catalogue may get later', async () => {
    const { adminKey: k } = await newBrand()
    const r = await call('POST', '/api/rules', {
      token: k,
      body: { name: '新品', scope: 'product', target: 'NOT-YET-LISTED', levels: [{ bps: 900 }] },
    })
    expect(r.status, JSON.stringify(r.body)).toBe(201)
    expect(r.body).toMatchObject({ scope: 'product', target: 'NOT-YET-LISTED' })
  })
})
