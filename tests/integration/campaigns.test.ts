import { describe, expect, it } from 'vitest'
import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { call, newBrand } from '../support/client'
import { expectError, rawItem, tableSnapshot } from '../support/table'
import { keys } from '../../lib/db/keys'
import { db } from '../../lib/db/client'
import { tableName } from '../../lib/db/table'

const window = { startsAt: '2025-11-01T00:00:00+08:00', endsAt: '2025-11-12T00:00:00+08:00' }

describe('campaigns: /api/campaigns', () => {
  it('creates with a given or a made id, lists, reads and replaces under the brand', async () => {
    const { adminKey, brand } = await newBrand()
    const mine = await call('POST', '/api/campaigns', {
      token: adminKey,
      body: { id: 'double11-2025', name: '双十一', ...window },
    })
    expect(mine.status).toBe(201)
    expect(mine.body).toMatchObject({ id: 'double11-2025', name: '双十一', active: true, ...window })
    const made = await call('POST', '/api/campaigns', {
      token: adminKey,
      body: { name: '618', startsAt: '2025-06-01T00:00:00Z', endsAt: '2025-06-19T00:00:00Z', active: false },
    })
    expect(made.status).toBe(201)
    expect(made.body.id).toMatch(/^c_[A-Za-z0-9]{10}$/)
    // Stored under the brand's own key.
    expect(await rawItem(keys.campaign(brand.id, 'double11-2025'))).toMatchObject({
      pk: `BRAND#${brand.id}`,
      sk: 'CAMPAIGN#double11-2025',
      name: '双十一',
    })

    const list = await call('GET', '/api/campaigns', { token: adminKey })
    expect(list.status).toBe(200)
    expect(list.body.items.map((c: { id: string }) => c.id).sort()).toEqual([made.body.id, 'double11-2025'].sort())
    expect((await call('GET', '/api/campaigns/double11-2025', { token: adminKey })).body).toEqual(mine.body)

    const put = await call('PUT', '/api/campaigns/double11-2025', {
      token: adminKey,
      body: { name: '双十一 延长', ...window, endsAt: '2025-11-13T00:00:00+08:00', active: false },
    })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({
      id: 'double11-2025',
      name: '双十一 延长',
      active: false,
      createdAt: mine.body.createdAt,
    })
    expect((await call('GET', '/api/campaigns/double11-2025', { token: adminKey })).body.active).toBe(false)
  })

  it('lists with one Query on the brand key, and never another brand’s campaigns', async () => {
    const a = await newBrand()
    const b = await newBrand()
    await call('POST', '/api/campaigns', { token: a.adminKey, body: { id: 'shared-id', name: 'A', ...window } })
    // The same id in another brand is another campaign.
    expect(
      (await call('POST', '/api/campaigns', { token: b.adminKey, body: { id: 'shared-id', name: 'B', ...window } }))
        .status,
    ).toBe(201)
    expect(
      (await call('GET', '/api/campaigns', { token: b.adminKey })).body.items.map((c: { name: string }) => c.name),
    ).toEqual(['B'])
    const k = keys.campaignsOf(a.brand.id)
    const q = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix },
      }),
    )
    expect(q.Items?.map((i) => i.name)).toEqual(['A'])
    expectError(
      await call('PUT', '/api/campaigns/nope', { token: b.adminKey, body: { name: 'x', ...window } }),
      404,
      'not_found',
    )
    expectError(await call('GET', '/api/campaigns/nope', { token: b.adminKey }), 404, 'not_found')
  })

  it('refuses a taken id with a 409 on the id field, and writes nothing', async () => {
    const { adminKey } = await newBrand()
    await call('POST', '/api/campaigns', { token: adminKey, body: { id: 'c1', name: 'first', ...window } })
    const before = await tableSnapshot()
    expectError(
      await call('POST', '/api/campaigns', { token: adminKey, body: { id: 'c1', name: 'second', ...window } }),
      409,
      'conflict',
      ['id'],
    )
    expect(await tableSnapshot()).toEqual(before)
    expect((await call('GET', '/api/campaigns/c1', { token: adminKey })).body.name).toBe('first')
  })

  it('refuses bad input field by field, writing nothing', async () => {
    const { adminKey } = await newBrand()
    await call('POST', '/api/campaigns', { token: adminKey, body: { id: 'c1', name: 'first', ...window } })
    const before = await tableSnapshot()
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '', ...window }, 'name'],
      [{ name: 'x', startsAt: 'tomorrow', endsAt: window.endsAt }, 'startsAt'],
      [{ name: 'x', startsAt: window.endsAt, endsAt: window.startsAt }, 'endsAt'],
      [{ name: 'x', ...window, id: 'a/b' }, 'id'],
      [{ name: 'x', ...window, active: 'yes' }, 'active'],
      [{ name: 'x', ...window, budget: 100 }, 'budget'],
      [{ name: 'x', startsAt: window.startsAt }, 'endsAt'],
    ]
    for (const [body, field] of cases)
      expectError(await call('POST', '/api/campaigns', { token: adminKey, body }), 422, 'invalid_input', [field])
    expectError(
      await call('PUT', '/api/campaigns/c1', { token: adminKey, body: { id: 'c2', name: 'x', ...window } }),
      422,
      'invalid_input',
      ['id'],
    )
    expect(await tableSnapshot()).toEqual(before)
  })

  it('is for the brand admin only', async () => {
    const { financeKey } = await newBrand()
    expectError(await call('GET', '/api/campaigns', { token: financeKey }), 403, 'forbidden')
    expectError(await call('POST', '/api/campaigns', { body: { name: 'x', ...window } }), 401, 'unauthorized')
  })

  it('is in the OpenAPI document', async () => {
    const doc = (await call('GET', '/api/openapi.json')).body
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/campaigns', '/api/campaigns/{id}']))
    expect(doc.components.schemas).toHaveProperty('CampaignInput')
    expect(doc.components.schemas).toHaveProperty('Campaign')
  })
})
