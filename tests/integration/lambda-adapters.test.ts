import { describe, expect, it } from 'vitest'
import { handler as apiHandler } from '../../functions/api'
import { handler as redirectHandler } from '../../functions/redirect'
import { handler as countersHandler } from '../../functions/counters'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DynamoDBStreamEvent } from '../../lib/db/stream-records'
import { LINK_SHARDS, linkScope, sumCounters } from '../../lib/db/counters'
import { readRingDays } from '../../lib/db/report-counters'
import { apigwEvent, redirectEvent } from '../support/apigw-event'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'

// Each Lambda adapter once, with the event shape API Gateway HTTP API really sends (payload 2.0).
describe('API Lambda (functions/api.ts)', () => {
  it('GET /api/health answers 200 with DynamoDB up', async () => {
    const res = await apiHandler(apigwEvent('get-health'))
    expect(res.statusCode).toBe(200)
    expect(JSON.parse(res.body)).toEqual({ ok: true, dynamodb: 'up' })
  })

  it('POST /api/admin/brands with the platform token creates a brand', async () => {
    const event = apigwEvent('post-admin-brands')
    event.headers.authorization = `Bearer ${process.env.ADMIN_TOKEN}`
    const res = await apiHandler(event)
    expect(res.statusCode).toBe(201)
    const body = JSON.parse(res.body)
    expect(body.brand.id).toMatch(/^b_/)
    expect(body.adminKey).toMatch(/^rpl_admin/)
  })

  it('decodes a base64-encoded JSON body', async () => {
    const event = apigwEvent('post-admin-brands')
    event.headers.authorization = `Bearer ${process.env.ADMIN_TOKEN}`
    event.body = Buffer.from(event.body ?? '', 'utf8').toString('base64')
    event.isBase64Encoded = true
    const res = await apiHandler(event)
    expect(res.statusCode).toBe(201)
    expect(JSON.parse(res.body).brand.name).toBe('适配器品牌 Adapter Brand')
  })

  it('refuses the same request without a credential', async () => {
    const event = apigwEvent('post-admin-brands')
    delete event.headers.authorization
    const res = await apiHandler(event)
    expect(res.statusCode).toBe(401)
  })
})

describe('redirect Lambda (functions/redirect.ts)', () => {
  async function linkCode(): Promise<string> {
    const { adminKey } = await newBrand()
    await call('POST', '/api/products', {
      token: adminKey,
      body: { sku: 'L1', name: '面霜', price: '299.00', url: 'https://shop.example.com/p/l1' },
    })
    const d = await newDistributor(adminKey, { name: '李娜', type: 'guide' })
    const link = await call('POST', '/api/links', { token: await sessionOf(adminKey, d.id), body: { productId: 'L1' } })
    expect(link.status).toBe(201)
    return String(link.body.code)
  }

  it('302s to the target with rpl_click and sets the visitor cookie in `cookies`', async () => {
    const res = await redirectHandler(redirectEvent(await linkCode()))
    expect(res.statusCode).toBe(302)
    const headers = 'headers' in res ? res.headers : undefined
    const location = new URL(String(headers?.location))
    expect(location.origin + location.pathname).toBe('https://shop.example.com/p/l1')
    expect(location.searchParams.get('rpl_click')).toMatch(/^c_/)
    // Payload 2.0: Hono moves Set-Cookie out of the headers into the response's `cookies` array.
    const visitor = res.cookies?.find((c) => c.startsWith('rpl_vid='))
    expect(visitor).toMatch(/^rpl_vid=[A-Za-z0-9]{16};/)
    expect(visitor).toMatch(/HttpOnly/)
    expect(visitor).toMatch(/Secure/)
  })

  it('reads the visitor from the event `cookies` array: a repeat keeps the first click id', async () => {
    const code = await linkCode()
    const first = await redirectHandler(redirectEvent(code, ['rpl_vid=AAAAAAAAAAAAAAAA', '_ga=GA1.1.1']))
    const again = await redirectHandler(redirectEvent(code, ['rpl_vid=AAAAAAAAAAAAAAAA']))
    const clickOf = (r: typeof first) =>
      new URL(String('headers' in r ? r.headers?.location : '')).searchParams.get('rpl_click')
    expect(clickOf(first)).toMatch(/^c_/)
    expect(clickOf(again)).toBe(clickOf(first))
    expect(first.cookies ?? []).toEqual([])
  })

  it('answers 404 for an unknown code', async () => {
    const res = await redirectHandler(redirectEvent('NoSuchCode99'))
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain('链接不存在')
  })
})

describe('counters Lambda (functions/counters.ts)', () => {
  // A stream batch as Lambda delivers it: two click inserts, a link insert, a counter update and a TTL removal.
  const streamEvent = (): DynamoDBStreamEvent =>
    JSON.parse(
      readFileSync(fileURLToPath(new URL('../fixtures/dynamodb-stream-clicks.json', import.meta.url)), 'utf8'),
    ) as DynamoDBStreamEvent
  const linkClicks = async (code: string) =>
    (await sumCounters([linkScope(code)], LINK_SHARDS, 'total', 'clicks')).get(linkScope(code))
  const dayClicks = async () =>
    (await readRingDays('b_fixture', '2026-11-25', '2026-11-25')).find((r) => r.ring === 2 && r.type === 'guide')
      ?.clicks

  it('counts the click inserts once per click, and counts a redelivered batch once', async () => {
    await countersHandler(streamEvent())
    expect(await linkClicks('FixLink01')).toBe(2)
    expect(await linkClicks('FixLink02')).toBe(0)
    expect(await dayClicks()).toBe(2)
    // Lambda retries a failed batch whole: the same records must not count again.
    await countersHandler(streamEvent())
    expect(await linkClicks('FixLink01')).toBe(2)
    expect(await dayClicks()).toBe(2)
  })
})
