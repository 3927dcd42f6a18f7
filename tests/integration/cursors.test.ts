import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../lib/db/client'
import { MAX_QUERY_PAGES } from '../../lib/services/list-commissions'
import { call, newBrand, newDistributor } from '../support/client'

// Cursors are opaque and signed, bound to their list, brand and filters: a forged, foreign or edited one is a
// 422 on `cursor` before any Query; no listing reads more than MAX_QUERY_PAGES pages per request.

/** Query commands sent to DynamoDB while `run` runs, counted by a middleware on the one shared client. */
let queries = 0
const MIDDLEWARE = 'countQueriesForCursorTest'
beforeEach(() => {
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === 'QueryCommand') queries++
      return next(args)
    },
    { step: 'initialize', name: MIDDLEWARE },
  )
})
afterEach(() => {
  db().middlewareStack.remove(MIDDLEWARE)
})
async function countQueries<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
  const before = queries
  const result = await run()
  return { result, queries: queries - before }
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const q = encodeURIComponent

async function brandWithOrders(n: number) {
  const b = await newBrand({ defaultBps: [1000], maxLevels: 1 })
  const d = await newDistributor(b.adminKey, { name: '会员', type: 'member' })
  for (let i = 0; i < n; i++) {
    const r = await call('POST', '/api/orders', {
      token: b.adminKey,
      body: {
        orderId: `o${i}`,
        refCode: d.inviteCode,
        currency: 'CNY',
        paidAt: new Date().toISOString(),
        lines: [{ sku: 'A', qty: 1, unitPrice: 1000 }],
      },
    })
    expect(r.status).toBe(201)
  }
  return { b, d }
}

function expectCursorRefused(r: { status: number; body: { error?: { fields?: Record<string, string> } } }) {
  expect(r.status).toBe(422)
  expect(Object.keys(r.body.error?.fields ?? {})).toEqual(['cursor'])
}

describe('cursors are signed and bound to their list', () => {
  it('a forged brand-wide cursor ({"m":0,"s":4}, a negative s, plain JSON) is a 422 with no Query', async () => {
    const { b } = await brandWithOrders(1)
    for (const forged of [b64({ m: 0, s: 4 }), b64({ m: 0, s: -1e9 }), b64({ m: -1, s: 0 }), 'notacursor']) {
      const { result, queries: n } = await countQueries(() =>
        call('GET', `/api/commissions?cursor=${q(forged)}`, { token: b.adminKey }),
      )
      expectCursorRefused(result)
      expect(n).toBe(0)
    }
  })

  it('a valid cursor is refused on another brand, with other filters, on another list, and when a bit is flipped', async () => {
    const { b, d } = await brandWithOrders(3)
    const first = await call('GET', '/api/commissions?limit=1', { token: b.adminKey })
    expect(first.status).toBe(200)
    const cursor = first.body.nextCursor as string
    expect(cursor).toMatch(/^c1\./)
    // The same cursor continues its own list.
    const next = await call('GET', `/api/commissions?limit=1&cursor=${q(cursor)}`, { token: b.adminKey })
    expect(next.status).toBe(200)
    expect(next.body.items).toHaveLength(1)
    expect(next.body.items[0].entryId).not.toBe(first.body.items[0].entryId)

    const other = await newBrand()
    const [body, mac] = [cursor.split('.')[1] as string, cursor.split('.')[2] as string]
    const flipped = `c1.${body}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`
    const flippedBody = `c1.${body.slice(0, 5)}${body[5] === 'A' ? 'B' : 'A'}${body.slice(6)}.${mac}`
    const attempts: Array<[string, string]> = [
      [other.adminKey, `/api/commissions?limit=1&cursor=${q(cursor)}`],
      [b.adminKey, `/api/commissions?limit=1&status=pending&cursor=${q(cursor)}`],
      [b.adminKey, `/api/commissions?limit=1&from=2026-01-01&cursor=${q(cursor)}`],
      [b.adminKey, `/api/commissions?limit=1&distributorId=${d.id}&cursor=${q(cursor)}`],
      [b.adminKey, `/api/distributors?limit=1&cursor=${q(cursor)}`],
      [b.adminKey, `/api/products?limit=1&cursor=${q(cursor)}`],
      [b.adminKey, `/api/commissions?limit=1&cursor=${q(flipped)}`],
      [b.adminKey, `/api/commissions?limit=1&cursor=${q(flippedBody)}`],
    ]
    for (const [token, path] of attempts) {
      const { result, queries: n } = await countQueries(() => call('GET', path, { token }))
      expectCursorRefused(result)
      expect(n).toBe(0)
    }
  })

  it("a distributor's ledger cursor is refused for another distributor and with another status", async () => {
    const { b, d } = await brandWithOrders(3)
    const d2 = await newDistributor(b.adminKey, { name: '另一位', type: 'member' })
    const first = await call('GET', `/api/commissions?distributorId=${d.id}&limit=1`, { token: b.adminKey })
    const cursor = first.body.nextCursor as string
    expect(cursor).toBeTruthy()
    const ok = await call('GET', `/api/commissions?distributorId=${d.id}&limit=1&cursor=${q(cursor)}`, {
      token: b.adminKey,
    })
    expect(ok.status).toBe(200)
    for (const path of [
      `/api/commissions?distributorId=${d2.id}&limit=1&cursor=${q(cursor)}`,
      `/api/commissions?distributorId=${d.id}&status=paid&limit=1&cursor=${q(cursor)}`,
    ]) {
      const { result, queries: n } = await countQueries(() => call('GET', path, { token: b.adminKey }))
      expectCursorRefused(result)
      expect(n).toBe(0)
    }
  })
})

describe('bounded work per request', () => {
  it(`a brand-wide listing reads at most ${MAX_QUERY_PAGES} Query pages per request and still reaches the end`, async () => {
    const { b } = await brandWithOrders(1)
    // 12 empty months × 4 shards = 48 Query pages: more than one request may read.
    const range = 'from=2025-01-01&to=2025-12-31'
    let cursor: string | undefined
    let requests = 0
    do {
      const path = `/api/commissions?${range}&limit=50${cursor ? `&cursor=${q(cursor)}` : ''}`
      const { result, queries: n } = await countQueries(() => call('GET', path, { token: b.adminKey }))
      expect(result.status).toBe(200)
      expect(result.body.items).toEqual([])
      expect(n).toBeGreaterThan(0)
      expect(n).toBeLessThanOrEqual(MAX_QUERY_PAGES)
      cursor = result.body.nextCursor
      requests++
    } while (cursor && requests < 20)
    expect(cursor).toBeUndefined()
    expect(requests).toBe(Math.ceil(48 / MAX_QUERY_PAGES))
  })

  it('a listing range over 366 days is a 422 on from, before any Query', async () => {
    const { b } = await brandWithOrders(0)
    for (const path of [
      '/api/commissions?from=2000-01-01&to=2026-01-01',
      '/api/commissions?from=2000-01-01',
      '/api/commissions?from=2025-01-01&to=2026-01-03',
    ]) {
      const { result, queries: n } = await countQueries(() => call('GET', path, { token: b.adminKey }))
      expect(result.status).toBe(422)
      expect(Object.keys(result.body.error.fields)).toEqual(['from'])
      expect(n).toBe(0)
    }
  })
})
