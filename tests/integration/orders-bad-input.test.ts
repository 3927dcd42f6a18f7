import { beforeAll, describe, expect, it } from 'vitest'
import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'
import { expectError, rawItem, tableSnapshot } from '../support/table'
import { expectBalancesMatchLedger } from '../support/ledger'
import { db } from '../../lib/db/client'
import { keys } from '../../lib/db/keys'
import { tableName } from '../../lib/db/table'
import { entryIdFor } from '../../lib/db/ledger'
import { PROGRAMME_RULE_ID } from '../../lib/domain/rule-resolution'

// Orders, refunds, rules and commission queries: every refusal is a 4xx naming its fields, and writes nothing.
let a: Awaited<ReturnType<typeof newBrand>>
let other: Awaited<ReturnType<typeof newBrand>>
let boss: Awaited<ReturnType<typeof newDistributor>>
let guide: Awaited<ReturnType<typeof newDistributor>>
const paidAt = new Date().toISOString()
const valid = (orderId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  currency: 'CNY',
  paidAt,
  lines: [{ sku: 'A', qty: 2, unitPrice: 5000 }],
  ...extra,
})

beforeAll(async () => {
  a = await newBrand({ maxLevels: 2, defaultBps: [1000, 500] })
  other = await newBrand()
  boss = await newDistributor(a.adminKey, { name: '店长', type: 'employee' })
  guide = await newDistributor(a.adminKey, { name: '导购', type: 'guide', parentId: boss.id })
  const r = await call('POST', '/api/orders', { token: a.adminKey, body: valid('paid', { refCode: guide.inviteCode }) })
  expect(r.status).toBe(201)
  expect(
    (
      await call('POST', '/api/orders/paid/refunds', {
        token: a.adminKey,
        body: { refundId: 'r1', lines: [{ sku: 'A', qty: 1 }] },
      })
    ).status,
  ).toBe(201)
})

async function refused(run: () => ReturnType<typeof call>, status: number, code: string, fields?: string[]) {
  const before = await tableSnapshot()
  const r = await run()
  expectError(r, status, code, fields)
  expect(await tableSnapshot()).toEqual(before)
  return r
}
const order =
  (body: unknown, token = a.adminKey) =>
  () =>
    call('POST', '/api/orders', { token, body })
const refund =
  (orderId: string, body: unknown, token = a.adminKey) =>
  () =>
    call('POST', `/api/orders/${orderId}/refunds`, { token, body })

describe('POST /api/orders bad input → 422 with fields, nothing written', () => {
  const line = { sku: 'A', qty: 1, unitPrice: 1000 }
  it.each<[string, Record<string, unknown>, string]>([
    ['a currency the brand does not settle in', { currency: 'USD' }, 'currency'],
    ['a currency that is not a code', { currency: 'yuan' }, 'currency'],
    ['paidAt not ISO', { paidAt: '25/11/2026' }, 'paidAt'],
    ['paidAt missing', { paidAt: undefined }, 'paidAt'],
    ['no lines', { lines: [] }, 'lines'],
    ['qty 0', { lines: [{ ...line, qty: 0 }] }, 'lines.0.qty'],
    ['qty not an integer', { lines: [{ ...line, qty: 1.5 }] }, 'lines.0.qty'],
    ['unitPrice "19.999"', { lines: [{ ...line, unitPrice: '19.999' }] }, 'lines.0.unitPrice'],
    ['unitPrice a float number', { lines: [{ ...line, unitPrice: 19.99 }] }, 'lines.0.unitPrice'],
    ['negative unitPrice', { lines: [{ ...line, unitPrice: -1 }] }, 'lines.0.unitPrice'],
    ['the same SKU twice', { lines: [line, { ...line, qty: 2 }] }, 'lines.1.sku'],
    ['a discount larger than the line', { lines: [{ ...line, qty: 2, discount: 2001 }] }, 'lines.0.discount'],
    ['an unknown field', { total: 1000 }, 'total'],
    ['an unknown field on a line', { lines: [{ ...line, tax: 10 }] }, 'lines.0.tax'],
    ['an orderId with spaces', { orderId: 'has space' }, 'orderId'],
    ['a refCode with slashes', { refCode: '../x' }, 'refCode'],
  ])('%s', async (_what, change, field) => {
    await refused(order({ ...valid('bad'), ...change }), 422, 'invalid_input', [field])
  })

  it('a body that is not an object', async () => {
    await refused(order([]), 422, 'invalid_input')
    await refused(
      () =>
        call('POST', '/api/orders', {
          token: a.adminKey,
          raw: '{"orderId":',
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'invalid_json',
    )
  })

  it('the same orderId with a different body → 409, and the stored order is unchanged', async () => {
    await refused(
      order(valid('paid', { refCode: guide.inviteCode, lines: [{ sku: 'A', qty: 3, unitPrice: 5000 }] })),
      409,
      'conflict',
      ['orderId'],
    )
    await refused(order(valid('paid')), 409, 'conflict', ['orderId'])
    const same = await call('POST', '/api/orders', {
      token: a.adminKey,
      body: valid('paid', { refCode: guide.inviteCode }),
    })
    expect(same.status).toBe(200)
  })
})

describe('POST /api/orders/:orderId/refunds bad input', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['an SKU not in the order', { refundId: 'x', lines: [{ sku: 'Z', qty: 1 }] }, 'lines.0.sku'],
    ['more units than are left', { refundId: 'x', lines: [{ sku: 'A', qty: 2 }] }, 'lines.0.qty'],
    ['more money than was paid', { refundId: 'x', amount: 5001 }, 'amount'],
    ['an amount of zero', { refundId: 'x', amount: 0 }, 'amount'],
    ['an amount with too many decimals', { refundId: 'x', amount: '1.001' }, 'amount'],
    ['qty 0', { refundId: 'x', lines: [{ sku: 'A', qty: 0 }] }, 'lines.0.qty'],
  ])('%s → 422', async (_what, body, field) => {
    await refused(refund('paid', body), 422, 'invalid_input', [field])
  })

  it('lines and amount together, no refundId, or unknown fields → 422', async () => {
    // The refund body is one of two shapes: the fields named are those of the shape that came closest.
    const both = await refused(
      refund('paid', { refundId: 'x', amount: 1, lines: [{ sku: 'A', qty: 1 }] }),
      422,
      'invalid_input',
    )
    expect(Object.keys(both.body.error.fields).some((f) => f === 'amount' || f === 'lines')).toBe(true)
    await refused(refund('paid', { amount: 1 }), 422, 'invalid_input', ['refundId'])
    await refused(refund('paid', { refundId: 'x', amount: 1, reason: 'late' }), 422, 'invalid_input', ['reason'])
    await refused(refund('paid', { refundId: 'no spaces', amount: 1 }), 422, 'invalid_input', ['refundId'])
    await refused(refund('paid', { refundId: 'x' }), 422, 'invalid_input')
  })

  it('an unknown order → 404; the same refundId with a different body → 409', async () => {
    await refused(refund('nosuchorder', { refundId: 'x', amount: 1 }), 404, 'not_found')
    await refused(refund('paid', { refundId: 'r1', lines: [{ sku: 'A', qty: 2 }] }), 409, 'conflict', ['refundId'])
    await refused(refund('paid', { refundId: 'r1', amount: 1 }), 409, 'conflict', ['refundId'])
    expect(
      (
        await call('POST', '/api/orders/paid/refunds', {
          token: a.adminKey,
          body: { refundId: 'r1', lines: [{ sku: 'A', qty: 1 }] },
        })
      ).status,
    ).toBe(200)
  })
})

describe('who may call', () => {
  it('finance reads orders and commissions but cannot post orders or refunds → 403', async () => {
    await refused(order(valid('by-finance'), a.financeKey), 403, 'forbidden')
    await refused(refund('paid', { refundId: 'fin', amount: 1 }, a.financeKey), 403, 'forbidden')
    expect((await call('GET', '/api/orders/paid', { token: a.financeKey })).status).toBe(200)
    expect((await call('GET', '/api/commissions', { token: a.financeKey })).status).toBe(200)
    await refused(() => call('GET', '/api/rules', { token: a.financeKey }), 403, 'forbidden')
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.financeKey,
          body: { name: 'x', scope: 'default', levels: [{ bps: 1 }] },
        }),
      403,
      'forbidden',
    )
  })

  it('a distributor session cannot post orders, read the brand ledger or manage rules → 403', async () => {
    const session = await sessionOf(a.adminKey, guide.id)
    await refused(order(valid('by-guide'), session), 403, 'forbidden')
    await refused(() => call('GET', '/api/orders/paid', { token: session }), 403, 'forbidden')
    await refused(() => call('GET', '/api/commissions', { token: session }), 403, 'forbidden')
    await refused(
      () =>
        call('POST', '/api/rules/preview', { token: session, body: { lines: [{ sku: 'A', qty: 1, unitPrice: 1 }] } }),
      403,
      'forbidden',
    )
    // …and a brand key has no "me".
    await refused(() => call('GET', '/api/me/commissions', { token: a.adminKey }), 403, 'forbidden')
  })

  it('no credential → 401', async () => {
    for (const [method, path, body] of [
      ['POST', '/api/orders', valid('anon')],
      ['GET', '/api/orders/paid'],
      ['POST', '/api/orders/paid/refunds', { refundId: 'x', amount: 1 }],
      ['GET', '/api/commissions'],
      ['GET', '/api/me/commissions'],
      ['GET', '/api/rules'],
      ['POST', '/api/rules/preview', { lines: [{ sku: 'A', qty: 1, unitPrice: 1 }] }],
    ] as const) {
      await refused(() => call(method, path, { body }), 401, 'unauthorized')
    }
  })

  it('another brand’s order → 404 for GET, refunds and commissions by order', async () => {
    await refused(() => call('GET', '/api/orders/paid', { token: other.adminKey }), 404, 'not_found')
    await refused(refund('paid', { refundId: 'theirs', amount: 1 }, other.adminKey), 404, 'not_found')
    await refused(() => call('GET', '/api/commissions?orderId=paid', { token: other.adminKey }), 404, 'not_found')
    await refused(
      () => call('GET', `/api/commissions?distributorId=${guide.id}`, { token: other.financeKey }),
      404,
      'not_found',
    )
    // The same orderId is free in the other brand: ids are per brand.
    const theirs = await call('POST', '/api/orders', { token: other.adminKey, body: valid('paid') })
    expect(theirs.status).toBe(201)
    expect(theirs.body.attribution.distributorId).toBeNull()
  })
})

describe('commission and rule queries', () => {
  it('GET /api/commissions with bad filters → 422', async () => {
    await refused(() => call('GET', '/api/commissions?status=owed', { token: a.adminKey }), 422, 'invalid_input', [
      'status',
    ])
    await refused(
      () => call('GET', '/api/commissions?from=2026-02-01&to=2026-01-01', { token: a.adminKey }),
      422,
      'invalid_input',
      ['to'],
    )
    await refused(() => call('GET', '/api/commissions?from=yesterday', { token: a.adminKey }), 422, 'invalid_input', [
      'from',
    ])
    await refused(() => call('GET', '/api/commissions?limit=1000', { token: a.adminKey }), 422, 'invalid_input', [
      'limit',
    ])
    await refused(
      () => call('GET', '/api/commissions?cursor=notacursor', { token: a.adminKey }),
      422,
      'invalid_input',
      ['cursor'],
    )
    await refused(() => call('GET', '/api/commissions?orderId=nosuch', { token: a.adminKey }), 404, 'not_found')
    await refused(() => call('GET', '/api/commissions?distributorId=d_nosuch', { token: a.adminKey }), 404, 'not_found')
  })

  it('rules: bad bodies → 422, unknown or another brand’s rule → 404', async () => {
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.adminKey,
          body: { name: 'x', scope: 'default', target: 'A', levels: [{ bps: 1 }] },
        }),
      422,
      'invalid_input',
      ['target'],
    )
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.adminKey,
          body: {
            name: 'x',
            scope: 'campaign',
            target: 'c',
            levels: [{ bps: 1 }],
            startsAt: '2026-02-01T00:00:00Z',
            endsAt: '2026-01-01T00:00:00Z',
          },
        }),
      422,
      'invalid_input',
      ['endsAt'],
    )
    await refused(
      () => call('POST', '/api/rules', { token: a.adminKey, body: { name: 'x', scope: 'default', levels: [] } }),
      422,
      'invalid_input',
      ['levels'],
    )
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.adminKey,
          body: { name: 'x', scope: 'default', levels: Array(11).fill({ bps: 1 }) },
        }),
      422,
      'invalid_input',
      ['levels'],
    )
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.adminKey,
          body: { name: 'x', scope: 'default', levels: [{ bps: 1, fixed: 1 }] },
        }),
      422,
      'invalid_input',
    )
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.adminKey,
          body: { name: 'x', scope: 'default', levels: [{ fixed: '1.001' }] },
        }),
      422,
      'invalid_input',
    )
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.adminKey,
          body: { name: 'x', scope: 'default', levels: [{ bps: 1 }], priority: 1 },
        }),
      422,
      'invalid_input',
      ['priority'],
    )
    await refused(
      () =>
        call('POST', '/api/rules', {
          token: a.adminKey,
          body: { name: 'x', scope: 'default', types: ['boss'], levels: [{ bps: 1 }] },
        }),
      422,
      'invalid_input',
      ['types.0'],
    )
    await refused(
      () => call('POST', '/api/rules/preview', { token: a.adminKey, body: { lines: [] } }),
      422,
      'invalid_input',
      ['lines'],
    )
    const theirs = await call('POST', '/api/rules', {
      token: other.adminKey,
      body: { name: '别家', scope: 'default', levels: [{ bps: 100 }] },
    })
    expect(theirs.status).toBe(201)
    await refused(
      () =>
        call('PUT', `/api/rules/${theirs.body.id}`, {
          token: a.adminKey,
          body: { name: 'x', scope: 'default', levels: [{ bps: 9999 }] },
        }),
      404,
      'not_found',
    )
    await refused(() => call('DELETE', `/api/rules/${theirs.body.id}`, { token: a.adminKey }), 404, 'not_found')
    await refused(() => call('DELETE', '/api/rules/r_nosuch', { token: a.adminKey }), 404, 'not_found')
  })
})

describe('a transaction cancelled midway', () => {
  it('an order whose level-2 entry key is taken writes nothing at all: no order, entries, balances or binding', async () => {
    const orderId = 'collide'
    // Occupy the exact key the level-2 entry would be written at, so that one Put's condition fails.
    const level2 = keys.ledgerEntry(boss.id, paidAt, entryIdFor(a.brand.id, orderId, '2', PROGRAMME_RULE_ID))
    await db().send(new PutCommand({ TableName: tableName(), Item: { ...level2, entity: 'squatter' } }))
    const before = await tableSnapshot()
    const r = await call('POST', '/api/orders', {
      token: a.adminKey,
      body: valid(orderId, { refCode: guide.inviteCode, customerId: 'cust-new' }),
    })
    expect(r.status).toBeGreaterThanOrEqual(400)
    expect(r.status).toBeLessThan(500)
    expect(await tableSnapshot()).toEqual(before)
    expect(await rawItem(keys.order(a.brand.id, orderId))).toBeUndefined()
    expect(
      await rawItem(keys.ledgerEntry(guide.id, paidAt, entryIdFor(a.brand.id, orderId, '1', PROGRAMME_RULE_ID))),
    ).toBeUndefined()
    expect(await rawItem(keys.binding(a.brand.id, 'cust-new'))).toBeUndefined()
    expect((await call('GET', `/api/orders/${orderId}`, { token: a.adminKey })).status).toBe(404)
    await expectBalancesMatchLedger([guide.id])
  })
})
