import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError } from '../support/table'

/** Every name on every page of a filtered list, following the cursor. */
async function allNames(token: string, query: string, limit = 2): Promise<string[]> {
  const names: string[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const r = await call(
      'GET',
      `/api/distributors?limit=${limit}&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    )
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.items.length).toBeLessThanOrEqual(limit)
    names.push(...r.body.items.map((d: { name: string }) => d.name))
    cursor = r.body.nextCursor
    if (++pages > 50) throw new Error('cursor does not end')
  } while (cursor)
  return names
}

describe('GET /api/distributors: filters', () => {
  it('filters by type, status, ring and store, and searches names and external ids, across pages', async () => {
    const { adminKey } = await newBrand()
    const boss = await newDistributor(adminKey, {
      name: '王店长',
      type: 'employee',
      store: '上海静安店',
      externalId: 'HR-0001',
    })
    await newDistributor(adminKey, { name: '李导购', type: 'guide', store: '上海静安店', externalId: 'HR-0002' })
    await newDistributor(adminKey, { name: '张导购', type: 'guide', store: '北京国贸店', externalId: 'HR-0003' })
    await newDistributor(adminKey, { name: '陈导购', type: 'guide', status: 'pending' })
    await newDistributor(adminKey, { name: '会员小王', type: 'member', parentId: boss.id })
    await newDistributor(adminKey, { name: 'Media Wang', type: 'media' })
    await newDistributor(adminKey, { name: '赵导购', type: 'guide', store: '上海静安店' })

    expect(await allNames(adminKey, 'type=guide')).toEqual(['李导购', '张导购', '陈导购', '赵导购'])
    expect(await allNames(adminKey, 'type=guide&status=active')).toEqual(['李导购', '张导购', '赵导购'])
    expect(await allNames(adminKey, 'status=pending')).toEqual(['陈导购'])
    expect(await allNames(adminKey, 'ring=2')).toEqual(['会员小王', 'Media Wang'])
    expect(await allNames(adminKey, `store=${encodeURIComponent('上海静安店')}`)).toEqual([
      '王店长',
      '李导购',
      '赵导购',
    ])
    expect(await allNames(adminKey, `q=${encodeURIComponent('王')}`)).toEqual(['王店长', '会员小王'])
    expect(await allNames(adminKey, 'q=HR-000')).toEqual(['王店长', '李导购', '张导购'])
    expect(
      await allNames(
        adminKey,
        `type=guide&q=${encodeURIComponent('导购')}&store=${encodeURIComponent('上海静安店')}`,
        1,
      ),
    ).toEqual(['李导购', '赵导购'])
    expect(await allNames(adminKey, 'q=nobody')).toEqual([])
    // No filter: the plain list, unchanged.
    expect(await allNames(adminKey, '', 3)).toHaveLength(7)
  })

  it('never returns another brand’s distributors', async () => {
    const a = await newBrand()
    const b = await newBrand()
    await newDistributor(a.adminKey, { name: '同名', type: 'guide' })
    await newDistributor(b.adminKey, { name: '同名', type: 'guide' })
    const r = await call('GET', `/api/distributors?q=${encodeURIComponent('同名')}`, { token: b.adminKey })
    expect(r.body.items).toHaveLength(1)
    expect(r.body.items[0].brandId).toBe(b.brand.id)
  })

  it('refuses bad filters field by field', async () => {
    const { adminKey } = await newBrand()
    const cases: Array<[string, string]> = [
      ['type=boss', 'type'],
      ['status=gone', 'status'],
      ['ring=0', 'ring'],
      ['ring=two', 'ring'],
      [`q=${'x'.repeat(81)}`, 'q'],
      ['cursor=not-a-cursor&type=guide', 'cursor'],
    ]
    for (const [query, field] of cases)
      expectError(await call('GET', `/api/distributors?${query}`, { token: adminKey }), 422, 'invalid_input', [field])
  })
})

describe('POST /api/distributors/:id/sign-in-links', () => {
  it('answers with the URL as a QR code too, for the console to show', async () => {
    const { adminKey } = await newBrand()
    const d = await newDistributor(adminKey, { name: '扫码', type: 'guide' })
    const r = await call('POST', `/api/distributors/${d.id}/sign-in-links`, { token: adminKey })
    expect(r.status).toBe(201)
    expect(r.body.url).toMatch(/\/m\/sign-in\//)
    expect(r.body.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/)
  })
})
