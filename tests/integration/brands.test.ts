import { describe, expect, it } from 'vitest'
import { call, newBrand } from '../support/client'
import { expectError, rawItem, tableSnapshot } from '../support/table'
import { keys } from '../../lib/db/keys'
import { sha256 } from '../../lib/auth/secrets'

const body = { name: '品牌', programme: { allowedDomains: ['shop.example.com'] } }

describe('POST /api/admin/brands', () => {
  it('needs the platform ADMIN_TOKEN: 401 without a credential, 401 with a wrong one, 403 with a brand key', async () => {
    const { adminKey, financeKey } = await newBrand()
    const before = await tableSnapshot()
    expectError(await call('POST', '/api/admin/brands', { body }), 401, 'unauthorized')
    expectError(await call('POST', '/api/admin/brands', { body, token: 'rpl_platform_wrong' }), 401, 'unauthorized')
    expectError(await call('POST', '/api/admin/brands', { body, token: adminKey }), 403, 'forbidden')
    expectError(await call('POST', '/api/admin/brands', { body, token: financeKey }), 403, 'forbidden')
    expect(await tableSnapshot()).toEqual(before)
  })

  it('returns the brand with default programme, its admin and finance keys and webhook secret', async () => {
    const r = await call('POST', '/api/admin/brands', { body, token: process.env.ADMIN_TOKEN })
    expect(r.status).toBe(201)
    expect(r.body.brand.id).toMatch(/^b_/)
    expect(r.body.brand.name).toBe('品牌')
    expect(r.body.brand.programme).toMatchObject({
      maxLevels: 2,
      bindingDays: 15,
      currency: 'CNY',
      allowedDomains: ['shop.example.com'],
      defaultRecruitType: 'member',
    })
    expect(r.body.adminKey).toMatch(/^rpl_admin_[A-Za-z0-9_-]{43}$/)
    expect(r.body.financeKey).toMatch(/^rpl_fin_[A-Za-z0-9_-]{43}$/)
    expect(r.body.webhookSecret).toMatch(/^whsec_/)
    // The keys work with their roles.
    expect((await call('GET', '/api/programme', { token: r.body.adminKey })).status).toBe(200)
    expect((await call('GET', '/api/programme', { token: r.body.financeKey })).status).toBe(200)
  })

  it('stores only hashes: no raw key or secret anywhere in the brand or key items', async () => {
    const r = await call('POST', '/api/admin/brands', { body, token: process.env.ADMIN_TOKEN })
    const { brand, adminKey, financeKey, webhookSecret } = r.body as {
      brand: { id: string }
      adminKey: string
      financeKey: string
      webhookSecret: string
    }
    const brandItem = await rawItem(keys.brand(brand.id))
    const adminItem = await rawItem(keys.apiKey(sha256(adminKey)))
    const financeItem = await rawItem(keys.apiKey(sha256(financeKey)))
    expect(brandItem?.id).toBe(brand.id)
    expect(adminItem).toMatchObject({ brandId: brand.id, role: 'admin' })
    expect(financeItem).toMatchObject({ brandId: brand.id, role: 'finance' })
    const stored = JSON.stringify([brandItem, adminItem, financeItem])
    for (const secret of [adminKey, financeKey, webhookSecret, webhookSecret.slice('whsec_'.length)])
      expect(stored.includes(secret)).toBe(false)
    // Nor anywhere else in the table.
    const everything = (await tableSnapshot()).join('\n')
    for (const secret of [adminKey, financeKey, webhookSecret]) expect(everything.includes(secret)).toBe(false)
  })

  it('refuses a brand without allowed domains or with unknown fields, writing nothing', async () => {
    const before = await tableSnapshot()
    const admin = process.env.ADMIN_TOKEN
    expectError(await call('POST', '/api/admin/brands', { token: admin, body: { name: 'x' } }), 422, 'invalid_input', [
      'programme.allowedDomains',
    ])
    expectError(
      await call('POST', '/api/admin/brands', { token: admin, body: { ...body, colour: 'red' } }),
      422,
      'invalid_input',
      ['colour'],
    )
    expectError(
      await call('POST', '/api/admin/brands', { token: admin, body: { ...body, name: '' } }),
      422,
      'invalid_input',
      ['name'],
    )
    expectError(
      await call('POST', '/api/admin/brands', {
        token: admin,
        body: { name: 'x', programme: { allowedDomains: ['shop.example.com'], maxLevels: 11 } },
      }),
      422,
      'invalid_input',
    )
    expect(await tableSnapshot()).toEqual(before)
  })
})
