import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'
import { rawItem } from '../support/table'

const ACCOUNT = '6222021234567890'
const NAME = '王芳芳'

describe('payout details', () => {
  it('are write-only, masked in every answer and encrypted at rest', async () => {
    const b = await newBrand()
    const d = await newDistributor(b.adminKey, { name: '王芳', type: 'guide' })
    const token = await sessionOf(b.adminKey, d.id)
    const put = await call('PUT', '/api/me/payout', {
      token,
      body: { accountName: NAME, account: ACCOUNT, channel: 'bank', idType: 'id_card', idNumber: '110101199001011234' },
    })
    expect(put.status).toBe(200)
    expect(put.body.payout).toMatchObject({ channel: 'bank', accountName: '王**', account: '****7890', hasId: true })
    const read = await call('GET', `/api/distributors/${d.id}`, { token: b.adminKey })
    expect(read.body.payout).toMatchObject({ accountName: '王**', account: '****7890' })
    expect(JSON.stringify(read.body)).not.toContain(ACCOUNT)
    const sealed = await rawItem({ pk: `DIST#${d.id}`, sk: 'PAYOUT' })
    const meta = await rawItem({ pk: `DIST#${d.id}`, sk: 'META' })
    for (const item of [sealed, meta]) {
      expect(JSON.stringify(item)).not.toContain(ACCOUNT)
      expect(JSON.stringify(item)).not.toContain(NAME)
      expect(JSON.stringify(item)).not.toContain('110101199001011234')
    }
    expect(String(sealed?.sealed)).toMatch(/^v1\./)

    // The brand sets them too (PATCH), answered masked; bad input is a 422 with fields.
    const patch = await call('PATCH', `/api/distributors/${d.id}`, {
      token: b.adminKey,
      body: { payout: { accountName: '李四', account: 'alipay_li4', channel: 'alipay' } },
    })
    expect(patch.status).toBe(200)
    expect(patch.body.payout).toMatchObject({ channel: 'alipay', accountName: '李*', account: '****_li4' })
    expect(JSON.stringify(patch.body)).not.toContain('alipay_li4')
    const bad = await call('PUT', '/api/me/payout', { token, body: { accountName: '', account: 'x', channel: 'cash' } })
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['account', 'accountName', 'channel'])
  })
})
