import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'
import { expectError } from '../support/table'

// Calendar-valid days only; paidAt in a sane window and stored as UTC `Z`; allowed domains compare ports.

const order = (k: string, orderId: string, paidAt: string, refCode?: string) =>
  call('POST', '/api/orders', {
    token: k,
    body: { orderId, refCode, currency: 'CNY', paidAt, lines: [{ sku: 'A', qty: 1, unitPrice: 1000 }] },
  })

describe('days and times', () => {
  it('a day that is not on the calendar is a 422 on every day field', async () => {
    const b = await newBrand()
    const k = b.adminKey
    expectError(await call('GET', '/api/commissions?from=2026-02-30', { token: k }), 422, 'invalid_input', ['from'])
    expectError(await call('GET', '/api/commissions?to=2026-13-01T00:00:00Z', { token: k }), 422, 'invalid_input', [
      'to',
    ])
    expectError(
      await call('GET', '/api/reports/ripple?from=2026-02-30&to=2026-03-02', { token: k }),
      422,
      'invalid_input',
      ['from'],
    )
    const close = await call('POST', '/api/settlements', {
      token: b.financeKey,
      body: { from: '2026-02-01', to: '2026-02-30' },
    })
    expect(close.status).toBe(422)
    expect(JSON.stringify(close.body.error.fields)).toContain('to')
    expectError(await order(k, 'feb30', '2026-02-30T10:00:00Z'), 422, 'invalid_input', ['paidAt'])
  })

  it('paidAt before 2000 or more than a day ahead is a 422; an offset is stored as UTC Z', async () => {
    const b = await newBrand({ defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
    const k = b.adminKey
    expectError(await order(k, 'old', '1999-12-31T23:59:59Z'), 422, 'invalid_input', ['paidAt'])
    const ahead = new Date(Date.now() + 2 * 86_400_000).toISOString()
    expectError(await order(k, 'ahead', ahead), 422, 'invalid_input', ['paidAt'])
    expectError(await order(k, 'far', '9999-12-31T00:00:00Z'), 422, 'invalid_input', ['paidAt'])

    const r = await order(k, 'beijing', '2026-03-01T07:30:00+08:00', d.inviteCode)
    expect(r.status).toBe(201)
    const entries = await call('GET', '/api/commissions?orderId=beijing', { token: k })
    expect(entries.body.items).toHaveLength(1)
    expect(entries.body.items[0].paidAt).toBe('2026-02-28T23:30:00.000Z')
    // The entry sorts by its UTC time: February's listing holds it, March's does not.
    const feb = await call('GET', '/api/commissions?from=2026-02-01&to=2026-02-28T23:59:59Z', { token: k })
    expect(feb.body.items.map((e: { orderId: string }) => e.orderId)).toEqual(['beijing'])
    const mar = await call('GET', '/api/commissions?from=2026-03-01&to=2026-03-31', { token: k })
    expect(mar.body.items).toEqual([])
  })
})

describe('allowed domains compare ports', () => {
  it('a domain listed with its port allows that port only; a bare domain any port of its host', async () => {
    const b = await newBrand()
    const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
    const session = await sessionOf(b.adminKey, d.id)
    const link = (url: string) => call('POST', '/api/links', { token: session, body: { url } })
    expect((await link('https://shop.example.com/p/1')).status).toBe(201)
    // A bare domain: any port of that host (the demo shop and local shops run on one).
    expect((await link('https://shop.example.com:8443/p/1')).status).toBe(201)

    const current = await call('GET', '/api/programme', { token: b.adminKey })
    const { shopifySecretSet: _s, ...programme } = current.body
    const put = await call('PUT', '/api/programme', {
      token: b.adminKey,
      body: { ...programme, allowedDomains: ['shop.example.com:8443'] },
    })
    expect(put.status).toBe(200)
    expect((await link('https://shop.example.com:8443/p/2')).status).toBe(201)
    expectError(await link('https://shop.example.com/p/3'), 422, 'invalid_input', ['url'])
    expectError(await link('https://shop.example.com:9000/p/3'), 422, 'invalid_input', ['url'])
    const bad = await call('PUT', '/api/programme', {
      token: b.adminKey,
      body: { ...programme, allowedDomains: ['shop.example.com:99999'] },
    })
    expect(bad.status).toBe(422)
  })
})
