import { beforeAll, describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'

let b: Awaited<ReturnType<typeof newBrand>>
let other: Awaited<ReturnType<typeof newBrand>>
let otherBatch = ''

/** Next month (UTC), which has not ended. */
const nextMonth = () => {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 7)
}

beforeAll(async () => {
  b = await newBrand({ holdDays: 0, maxLevels: 1 })
  other = await newBrand({ holdDays: 0, maxLevels: 1 })
  const d = await newDistributor(other.adminKey, { name: '别家 Other', type: 'guide' })
  await call('POST', '/api/orders', {
    token: other.adminKey,
    body: {
      orderId: 'x1',
      refCode: d.inviteCode,
      currency: 'CNY',
      paidAt: '2025-07-01T00:00:00.000Z',
      lines: [{ sku: 'A', qty: 1, unitPrice: '500.00' }],
    },
  })
  otherBatch = (await call('POST', '/api/settlements', { token: other.financeKey, body: { period: '2025-07' } })).body
    .batchId
})

describe('settlement input and access', () => {
  it.each([
    ['a month 13', { period: '2026-13' }, 'period'],
    ['a period not yet ended', { period: nextMonth() }, 'period'],
    ['from after to', { from: '2025-10-10', to: '2025-10-01' }, 'to'],
    ['a range not yet ended', { from: '2025-10-01', to: '2999-01-01' }, 'to'],
    ['an unknown field', { period: '2025-10', extra: 1 }, undefined],
    ['a malformed day', { from: '2025-10-1', to: '2025-10-31' }, 'from'],
    ['no body fields', {}, undefined],
  ])('refuses %s with a 422 naming the field, on close and preview alike, writing nothing', async (_, body, field) => {
    for (const path of ['/api/settlements', '/api/settlements/preview']) {
      const r = await call('POST', path, { token: b.financeKey, body })
      expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBe(422)
      expect(r.body.error.code).toBe('invalid_input')
      expect(Object.keys(r.body.error.fields ?? {}).length).toBeGreaterThan(0)
      if (field) expect(r.body.error.fields).toHaveProperty(field)
    }
    expect((await call('GET', '/api/settlements', { token: b.financeKey })).body.items).toEqual([])
  })

  it('refuses a bad paid body with a 422', async () => {
    for (const body of [{ paidAt: 'yesterday' }, { reference: '' }, { reference: 'x', note: 'y' }]) {
      const r = await call('POST', `/api/settlements/${otherBatch}/paid`, { token: other.financeKey, body })
      expect(r.status).toBe(422)
      expect(r.body.error.fields).toBeTruthy()
    }
  })

  it('refuses an admin key (403) and a missing credential (401)', async () => {
    for (const [method, path, body] of [
      ['POST', '/api/settlements', { period: '2025-07' }],
      ['POST', '/api/settlements/preview', { period: '2025-07' }],
      ['GET', '/api/settlements', undefined],
      ['GET', `/api/settlements/${otherBatch}`, undefined],
      ['GET', `/api/settlements/${otherBatch}/export.csv`, undefined],
      ['POST', `/api/settlements/${otherBatch}/paid`, {}],
    ] as const) {
      expect((await call(method, path, { token: other.adminKey, body })).status, `${method} ${path}`).toBe(403)
      expect((await call(method, path, { body })).status, `${method} ${path}`).toBe(401)
    }
  })

  it("answers 404 for another brand's batch, everywhere", async () => {
    expect(otherBatch).toBe('st_2025-07')
    for (const [method, path] of [
      ['GET', `/api/settlements/${otherBatch}`],
      ['GET', `/api/settlements/${otherBatch}/export.csv`],
      ['GET', `/api/settlements/${otherBatch}/lines.csv`],
      ['POST', `/api/settlements/${otherBatch}/paid`],
      ['GET', '/api/settlements/st_2099-01'],
    ] as const) {
      const r = await call(method, path, { token: b.financeKey, body: method === 'POST' ? {} : undefined })
      expect(r.status, `${method} ${path}`).toBe(404)
    }
    // And the other brand's batch was not paid by the attempt.
    expect((await call('GET', `/api/settlements/${otherBatch}`, { token: other.financeKey })).body.status).toBe(
      'closed',
    )
  })
})
