import { describe, expect, it } from 'vitest'
import { call, newBrand } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'

const full = {
  maxLevels: 3,
  bindingDays: 30,
  bindingPolicy: 'last',
  holdDays: 14,
  selfPurchase: 'allow',
  allowedDomains: ['shop.example.com', 'm.example.cn'],
  currency: 'JPY',
  payoutThreshold: 5000,
  defaultBps: [800, 200, 100],
  defaultRecruitType: 'partner',
  timeZone: 'Asia/Tokyo',
}

describe('GET/PUT /api/programme', () => {
  it('round-trips the settings', async () => {
    const { adminKey } = await newBrand()
    const put = await call('PUT', '/api/programme', { token: adminKey, body: full })
    expect(put.status).toBe(200)
    expect(put.body).toEqual(full)
    const get = await call('GET', '/api/programme', { token: adminKey })
    expect(get.status).toBe(200)
    expect(get.body).toEqual(full)
  })

  it('lowercases hostnames', async () => {
    const { adminKey } = await newBrand()
    const put = await call('PUT', '/api/programme', {
      token: adminKey,
      body: { ...full, allowedDomains: ['Shop.Example.COM'] },
    })
    expect(put.status).toBe(200)
    expect(put.body.allowedDomains).toEqual(['shop.example.com'])
  })

  it('refuses invalid settings field by field and keeps the stored ones', async () => {
    const { adminKey } = await newBrand()
    const original = (await call('GET', '/api/programme', { token: adminKey })).body
    const before = await tableSnapshot()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...full, maxLevels: 0 }, 'maxLevels'],
      [{ ...full, maxLevels: 11 }, 'maxLevels'],
      [{ ...full, maxLevels: 2.5 }, 'maxLevels'],
      [{ ...full, allowedDomains: [] }, 'allowedDomains'],
      [{ ...full, allowedDomains: ['https://shop.example.com'] }, 'allowedDomains.0'],
      [{ ...full, allowedDomains: ['shop.example.com', 'bad host'] }, 'allowedDomains.1'],
      [{ ...full, allowedDomains: ['shop.example.com/path'] }, 'allowedDomains.0'],
      [{ ...full, currency: 'XXY' }, 'currency'],
      [{ ...full, bindingPolicy: 'sometimes' }, 'bindingPolicy'],
      [{ ...full, holdDays: '7' }, 'holdDays'],
      [{ ...full, defaultBps: [10001] }, 'defaultBps.0'],
      [{ ...full, surprise: true }, 'surprise'],
    ]
    for (const [body, field] of cases) {
      expectError(await call('PUT', '/api/programme', { token: adminKey, body }), 422, 'invalid_input', [field])
    }
    const { maxLevels: _omit, ...missing } = full
    expectError(await call('PUT', '/api/programme', { token: adminKey, body: missing }), 422, 'invalid_input', [
      'maxLevels',
    ])
    expect(await tableSnapshot()).toEqual(before)
    expect((await call('GET', '/api/programme', { token: adminKey })).body).toEqual(original)
  })

  it('lets finance read but not change the programme', async () => {
    const { adminKey, financeKey } = await newBrand()
    const get = await call('GET', '/api/programme', { token: financeKey })
    expect(get.status).toBe(200)
    expect(get.body.allowedDomains).toEqual(['shop.example.com'])
    const before = await tableSnapshot()
    expectError(await call('PUT', '/api/programme', { token: financeKey, body: full }), 403, 'forbidden')
    expect(await tableSnapshot()).toEqual(before)
    expect((await call('GET', '/api/programme', { token: adminKey })).body.maxLevels).toBe(2)
  })

  it('needs a brand credential', async () => {
    expectError(await call('GET', '/api/programme'), 401, 'unauthorized')
    expectError(await call('GET', '/api/programme', { token: process.env.ADMIN_TOKEN }), 403, 'forbidden')
  })

  it('keeps each brand’s programme to itself', async () => {
    const a = await newBrand()
    const b = await newBrand({ allowedDomains: ['b.example.com'] })
    await call('PUT', '/api/programme', { token: a.adminKey, body: full })
    expect((await call('GET', '/api/programme', { token: b.adminKey })).body.allowedDomains).toEqual(['b.example.com'])
  })
})
