import { beforeAll, describe, expect, it } from 'vitest'
import { ErrorBody } from '../../lib/http/error-body'
import { call, newBrand } from '../support/client'

let b: Awaited<ReturnType<typeof newBrand>>
const HAN = /\p{Script=Han}/u
const badRule = { name: 'r', scope: 'default', levels: [{ bps: 10001 }] }

beforeAll(async () => {
  b = await newBrand({ holdDays: 0 })
})

describe('errors in the caller’s language, with codes and parameters', () => {
  it('answers in English by default, with the field’s code and limit', async () => {
    const r = await call('POST', '/api/rules', { token: b.adminKey, body: badRule })
    expect(r.status).toBe(422)
    expect(ErrorBody.safeParse(r.body).success).toBe(true)
    expect(r.body.error).toMatchObject({
      code: 'invalid_input',
      reason: 'error.invalid_input',
      message: 'The request has invalid fields.',
      fields: { 'levels.0.bps': 'At most 10000 bps (100%).' },
      fieldReasons: { 'levels.0.bps': { reason: 'bps.too_big', params: { maximum: 10000 } } },
    })
  })

  it('answers message and fields in Chinese for Accept-Language: zh-CN, codes unchanged', async () => {
    const r = await call('POST', '/api/rules', {
      token: b.adminKey,
      body: badRule,
      headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' },
    })
    expect(r.status).toBe(422)
    expect(r.body.error.message).toBe('有字段填写不正确。')
    expect(r.body.error.fields['levels.0.bps']).toBe('最多 10000 个基点（100%）。')
    expect(r.body.error.fieldReasons['levels.0.bps']).toEqual({ reason: 'bps.too_big', params: { maximum: 10000 } })
  })

  it('words a domain error (a period not yet ended) by code and period', async () => {
    const r = await call('POST', '/api/settlements', {
      token: b.financeKey,
      body: { period: '2999-01' },
      headers: { 'accept-language': 'zh-CN' },
    })
    expect(r.status).toBe(422)
    expect(r.body.error).toMatchObject({
      reason: 'settlement.period_not_ended',
      params: { period: '2999-01' },
      fields: { period: '结算期结束后才能结算。' },
    })
    expect(r.body.error.message).toMatch(HAN)
  })

  it('words errors without a finer code generically in Chinese (a 404, a 401)', async () => {
    const missing = await call('GET', '/api/orders/nope', { token: b.adminKey, headers: { 'accept-language': 'zh' } })
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ code: 'not_found', reason: 'error.not_found', message: '未找到。' })
    const english = await call('GET', '/api/orders/nope', { token: b.adminKey })
    expect(english.body.error.message).toBe('Order nope not found.')
    const anon = await call('GET', '/api/programme', { headers: { 'accept-language': 'zh-CN' } })
    expect(anon.status).toBe(401)
    expect(anon.body.error.message).toMatch(HAN)
  })
})
