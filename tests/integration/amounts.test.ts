import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { describe, expect, it } from 'vitest'
import { consoleCookieOf } from '../support/console'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { MAX_MONEY } from '../../lib/domain/money'
import { pumpOnce } from '../../lib/local/stream-pump'
import { call, newBrand, newDistributor, PHONE_UA, sessionOf } from '../support/client'
import { expectError } from '../support/table'

// Money stays inside MAX_MONEY (10^12 minor units); a commission never exceeds its line; pages render any stored value.

const HUGE = Number.MAX_SAFE_INTEGER

describe('money bounds', () => {
  it('a rule, product, programme or order past the bound is a 422 naming the field', async () => {
    const b = await newBrand()
    const k = b.adminKey
    const rule = (levels: unknown[], extra: Record<string, unknown> = {}) =>
      call('POST', '/api/rules', { token: k, body: { name: 'big', scope: 'default', levels, ...extra } })
    expectError(await rule([{ fixed: HUGE }]), 422, 'invalid_input', ['levels.0.fixed'])
    expectError(await rule([{ fixed: MAX_MONEY + 1 }]), 422, 'invalid_input', ['levels.0.fixed'])
    expectError(await rule([{ fixed: '99999999999999' }]), 422, 'invalid_input', ['levels.0.fixed'])
    expectError(await rule([{ bps: 100 }], { capPerOrder: HUGE }), 422, 'invalid_input', ['capPerOrder'])
    expect((await rule([{ fixed: MAX_MONEY }])).status).toBe(201)

    const product = await call('POST', '/api/products', {
      token: k,
      body: { sku: 'BIG', name: '大', price: '99999999999999', url: 'https://shop.example.com/p/big' },
    })
    expectError(product, 422, 'invalid_input', ['price'])

    const order = (lines: unknown[]) =>
      call('POST', '/api/orders', {
        token: k,
        body: { orderId: `big-${Math.random()}`, currency: 'CNY', paidAt: new Date().toISOString(), lines },
      })
    expectError(await order([{ sku: 'A', qty: 1, unitPrice: HUGE }]), 422, 'invalid_input', ['lines.0.unitPrice'])
    expectError(await order([{ sku: 'A', qty: 1, unitPrice: '99999999999999' }]), 422, 'invalid_input', [
      'lines.0.unitPrice',
    ])
    // Each value inside the bound, their product not: the line is refused.
    expectError(await order([{ sku: 'A', qty: 100_000, unitPrice: MAX_MONEY }]), 422, 'invalid_input', ['lines.0.qty'])
    // Each line inside the bound, the total not.
    const half = MAX_MONEY / 2 + 1
    expectError(
      await order([
        { sku: 'A', qty: 1, unitPrice: half },
        { sku: 'B', qty: 1, unitPrice: half },
      ]),
      422,
      'invalid_input',
      ['lines'],
    )
    const programme = await call('PUT', '/api/programme', { token: k, body: { payoutThreshold: HUGE } })
    expect(programme.status).toBe(422)
    expect(JSON.stringify(programme.body.error.fields)).toContain('payoutThreshold')
  })

  it('a fixed commission larger than its line pays at most the line base', async () => {
    const b = await newBrand({ defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
    const rule = await call('POST', '/api/rules', {
      token: b.adminKey,
      body: { name: 'fixed', scope: 'default', levels: [{ fixed: MAX_MONEY }] },
    })
    expect(rule.status).toBe(201)
    const r = await call('POST', '/api/orders', {
      token: b.adminKey,
      body: {
        orderId: 'one-yuan',
        refCode: d.inviteCode,
        currency: 'CNY',
        paidAt: new Date().toISOString(),
        lines: [
          { sku: 'A', qty: 1, unitPrice: '1.00' },
          { sku: 'B', qty: 3, unitPrice: 50, discount: 20 },
        ],
      },
    })
    expect(r.status).toBe(201)
    const entries = await call('GET', `/api/commissions?distributorId=${d.id}`, { token: b.adminKey })
    expect(entries.body.items.map((e: { amount: number }) => e.amount)).toEqual([100 + 130])
  })
})

describe('pages render huge stored values', () => {
  it('console home, the distributor page and /m answer 200 with amounts past 2^53 in the table', async () => {
    const b = await newBrand({ defaultBps: [1000], maxLevels: 1 })
    const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
    const session = await sessionOf(b.adminKey, d.id)
    const paidAt = new Date().toISOString()
    const r = await call('POST', '/api/orders', {
      token: b.adminKey,
      body: {
        orderId: 'o1',
        refCode: d.inviteCode,
        currency: 'CNY',
        paidAt,
        lines: [{ sku: 'A', qty: 1, unitPrice: 100 }],
      },
    })
    expect(r.status).toBe(201)
    await pumpOnce()

    // Stored before the bounds held: the entry, the balance and every counter of the brand and distributor.
    // 2^53 − 1 in each item (the most the SDK reads back); their sums on a page are past 2^53.
    const big = HUGE
    const send = (pk: string, sk: string, field: string) =>
      db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk, sk },
          UpdateExpression: 'SET #f = :v',
          ExpressionAttributeNames: { '#f': field },
          ExpressionAttributeValues: { ':v': big },
        }),
      )
    const ledger = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.ledgerOf(d.id) },
      }),
    )
    expect(ledger.Items?.length).toBe(1)
    for (const e of ledger.Items ?? []) await send(e.pk, e.sk, 'amount')
    const balance = keys.balance(d.id, 'CNY')
    for (const f of ['pending', 'available', 'settled', 'paid']) await send(balance.pk, balance.sk, f)
    let counters = 0
    for (const scope of ['RPT', 'DDAY', 'SDAY']) {
      for (let shard = 0; shard < 16; shard++) {
        const items = await db().send(
          new QueryCommand({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `BRAND#${b.brand.id}#${scope}#CTR#${shard}` },
          }),
        )
        for (const item of items.Items ?? []) {
          for (const f of ['gmv', 'commission', 'referredGmv']) {
            if (typeof item[f] === 'number') {
              await send(item.pk, item.sk, f)
              counters++
            }
          }
          // A second shard with the same dimension: a report sums both.
          if (scope === 'RPT') {
            const copy: Record<string, unknown> = { ...item, pk: `BRAND#${b.brand.id}#RPT#CTR#${(shard + 1) % 4}` }
            for (const f of ['gmv', 'commission', 'referredGmv']) if (typeof copy[f] === 'number') copy[f] = big
            await db().send(new PutCommand({ TableName: tableName(), Item: copy }))
          }
        }
      }
    }
    expect(counters).toBeGreaterThan(0)

    const html = { accept: 'text/html' }
    const console = await consoleCookieOf(b.adminKey)
    const home = await call('GET', '/console', { headers: { ...html, cookie: console } })
    expect(home.status).toBe(200)
    const page = await call('GET', `/console/distributors/${d.id}`, { headers: { ...html, cookie: console } })
    expect(page.status).toBe(200)
    // The unsafe value is printed as digits, never as 3.6e+16.
    expect(page.body).not.toMatch(/\de\+\d/)
    const mobile = await call('GET', '/m', {
      headers: { ...html, 'user-agent': PHONE_UA, cookie: `rpl_session=${encodeURIComponent(session)}` },
    })
    expect(mobile.status).toBe(200)
    expect(mobile.body).not.toMatch(/\de\+\d/)
  })
})
