import { beforeAll, describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor, sessionOf, PHONE_UA } from '../support/client'
import { expectError } from '../support/table'
import { pumpOnce } from '../../lib/local/stream-pump'
import { DISTRIBUTOR_TYPES, type DistributorType } from '../../lib/schemas/distributor'
import { INTERNAL_TYPES } from '../../lib/domain/ring'

/**
 * The reports against a brute-force reference: a seeded tree of a few hundred
 * distributors over five rings and all seven types, links, clicks, orders and
 * refunds sent through the public API, the stream pumped, and every figure of
 * the ripple and channel reports (and the leaderboard) recomputed here from the
 * raw events. The API must match exactly.
 */

/** mulberry32: a small seeded generator, so a failure replays. */
function rng(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T,
  }
}

const DAY = 86_400_000
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)
const isInternal = (t: string) => (INTERNAL_TYPES as readonly string[]).includes(t)

interface D {
  id: string
  ring: number
  type: DistributorType
  status: string
  parentId: string | null
  store?: string
  inviteCode: string
  joinedDay: string
}
interface OrderFact {
  orderId: string
  day: string
  total: number
  credited: string | null
  customerId?: string
  commissions: Array<{ distributorId: string; amount: number }>
  refunded: number
  refunds: number[]
  lines: Array<{ sku: string; qty: number; base: number }>
  refundedQty: Record<string, number>
  refundedAmount: number
}

const world = {
  key: '',
  today: dayOf(Date.now()),
  distributors: [] as D[],
  links: [] as Array<{ code: string; distributorId: string; day: string }>,
  clicks: [] as Array<{ distributorId: string; day: string }>,
  orders: [] as OrderFact[],
  leftDay: new Map<string, string>(),
}
const byId = (id: string) => world.distributors.find((d) => d.id === id) as D

/** Cumulative refunded base, as section 6 pro-rates it: each line floor(base × refunded / qty), plus amounts, capped at the total. */
const refundedBase = (o: OrderFact) =>
  Math.min(
    o.total,
    o.refundedAmount +
      o.lines.reduce((n, l) => n + Math.floor((l.base * Math.min(l.qty, o.refundedQty[l.sku] ?? 0)) / l.qty), 0),
  )

beforeAll(async () => {
  const r = rng(20261125)
  const brand = await newBrand({ maxLevels: 3, defaultBps: [1000, 300, 100], holdDays: 7 })
  world.key = brand.adminKey
  // A few hundred distributors: roots of every type, then recruits down to ring 5.
  const stores = ['上海一店', '北京二店', 'Shenzhen 3']
  for (let i = 0; i < 240; i++) {
    const type = i < DISTRIBUTOR_TYPES.length ? DISTRIBUTOR_TYPES[i]! : r.pick(DISTRIBUTOR_TYPES)
    const parents = world.distributors.filter((d) => d.ring < 5)
    const parent = i < 14 || r.next() < 0.1 ? undefined : r.pick(parents)
    const store = isInternal(type) && r.next() < 0.6 ? r.pick(stores) : undefined
    const status = r.next() < 0.05 ? 'pending' : 'active'
    const d = await newDistributor(world.key, { name: `分销员 ${i}`, type, parentId: parent?.id, store, status })
    world.distributors.push({
      id: d.id,
      ring: d.ring,
      type,
      status,
      parentId: parent?.id ?? null,
      store,
      inviteCode: d.inviteCode,
      joinedDay: world.today,
    })
  }
  expect(new Set(world.distributors.map((d) => d.ring))).toEqual(new Set([1, 2, 3, 4, 5]))
  // Links and clicks (today).
  for (const d of world.distributors.filter((x) => x.status === 'active').slice(0, 40)) {
    const token = await sessionOf(world.key, d.id)
    const link = await call('POST', '/api/links', { token, body: { url: `https://shop.example.com/p/${d.id}` } })
    expect(link.status).toBe(201)
    world.links.push({ code: link.body.code, distributorId: d.id, day: world.today })
  }
  for (let i = 0; i < 120; i++) {
    const link = r.pick(world.links)
    const res = await call('GET', `/s/${link.code}`, { headers: { 'user-agent': PHONE_UA } })
    expect(res.status).toBe(302)
    world.clicks.push({ distributorId: link.distributorId, day: world.today })
  }
  // Orders over the last five days: by coupon code, by binding, or nobody's; some customers come back.
  const active = world.distributors.filter((d) => d.status === 'active')
  const customers = Array.from({ length: 60 }, (_, i) => `cust-${i}`)
  for (let i = 0; i < 140; i++) {
    const paidAt = new Date(Date.now() - r.int(5) * DAY - r.int(3_600_000)).toISOString()
    const lines = Array.from({ length: 1 + r.int(2) }, (_, j) => ({
      sku: `SKU${j}`,
      qty: 1 + r.int(3),
      unitPrice: 1000 + r.int(20_000),
      discount: r.next() < 0.3 ? r.int(500) : 0,
    }))
    const refCode = r.next() < 0.6 ? r.pick(active).inviteCode : undefined
    const customerId = r.next() < 0.85 ? r.pick(customers) : undefined
    const res = await call('POST', '/api/orders', {
      token: world.key,
      body: { orderId: `o-${i}`, currency: 'CNY', paidAt, customerId, refCode, lines },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    world.orders.push({
      orderId: `o-${i}`,
      day: dayOf(Date.parse(paidAt)),
      total: res.body.order.total,
      credited: res.body.attribution.distributorId,
      customerId,
      commissions: res.body.commissions.map((c: { distributorId: string; amount: number }) => ({
        distributorId: c.distributorId,
        amount: c.amount,
      })),
      refunded: 0,
      refunds: [],
      lines: res.body.order.lines.map((l: { sku: string; qty: number; base: number }) => ({
        sku: l.sku,
        qty: l.qty,
        base: l.base,
      })),
      refundedQty: {},
      refundedAmount: 0,
    })
  }
  // Refunds: by amount and by lines, some orders twice.
  for (let i = 0; i < 40; i++) {
    const o = r.pick(world.orders)
    const before = refundedBase(o)
    if (before >= o.total) continue
    // One kind of refund per order: an amount refund on top of line refunds can claim more than was paid.
    const byLines = Number(o.orderId.slice(2)) % 2 === 0
    if (byLines && o.lines.every((l) => (o.refundedQty[l.sku] ?? 0) >= l.qty)) continue
    const line = r.pick(o.lines.filter((l) => (o.refundedQty[l.sku] ?? 0) < l.qty))
    const body = byLines
      ? { refundId: `r-${i}`, lines: [{ sku: line.sku, qty: 1 }] }
      : { refundId: `r-${i}`, amount: Math.max(1, Math.floor((o.total - before) / 3)) }
    const res = await call('POST', `/api/orders/${o.orderId}/refunds`, { token: world.key, body })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    if ('lines' in body) o.refundedQty[line.sku] = (o.refundedQty[line.sku] ?? 0) + 1
    else o.refundedAmount += body.amount
    o.refunds.push(...res.body.reversals.map((x: { distributorId: string; amount: number }) => x.amount))
    for (const x of res.body.reversals as Array<{ distributorId: string; amount: number }>)
      o.commissions.push({ distributorId: x.distributorId, amount: x.amount })
  }
  for (const o of world.orders) o.refunded = refundedBase(o)
  // Some staff leave: the count at `to` drops by them (a distributor update, read from the stream's old image).
  // Leaving is the hand-over (PATCH refuses status left); staff without recruits, so nobody else moves ring.
  const leavers = active
    .filter((d) => isInternal(d.type) && !world.distributors.some((x) => x.parentId === d.id))
    .slice(0, 6)
  const successor = active.find((d) => isInternal(d.type) && !leavers.includes(d)) as D
  expect(leavers).toHaveLength(6)
  for (const d of leavers) {
    const res = await call('POST', `/api/distributors/${d.id}/leave`, {
      token: world.key,
      body: { successorId: successor.id },
    })
    expect(res.body.status, JSON.stringify(res.body)).toBe('done')
    d.status = 'left'
  }
  await pumpOnce()
}, 600_000)

/** Every figure of the ripple report, from the raw events. */
function expectedRipple(from: string, to: string) {
  const inRange = (day: string) => day >= from && day <= to
  type Row = {
    distributors: number
    active: Set<string>
    links: number
    clicks: number
    orders: number
    gmv: number
    commission: number
    newCustomers: number
    newRecruits: number
  }
  const rows = new Map<string, Row>()
  const row = (ring: number, type: string) => {
    const k = `${ring}|${type}`
    if (!rows.has(k))
      rows.set(k, {
        distributors: 0,
        active: new Set(),
        links: 0,
        clicks: 0,
        orders: 0,
        gmv: 0,
        commission: 0,
        newCustomers: 0,
        newRecruits: 0,
      })
    return rows.get(k) as Row
  }
  for (const d of world.distributors) {
    if (d.joinedDay <= to && d.status === 'active') row(d.ring, d.type).distributors++
    if (d.parentId && inRange(d.joinedDay)) row(byId(d.parentId).ring, byId(d.parentId).type).newRecruits++
  }
  for (const l of world.links.filter((x) => inRange(x.day)))
    row(byId(l.distributorId).ring, byId(l.distributorId).type).links++
  for (const c of world.clicks.filter((x) => inRange(x.day))) {
    const d = byId(c.distributorId)
    row(d.ring, d.type).clicks++
    row(d.ring, d.type).active.add(d.id)
  }
  const seenCustomers = new Set<string>()
  for (const o of world.orders) {
    const first = o.customerId !== undefined && !seenCustomers.has(o.customerId)
    if (o.customerId) seenCustomers.add(o.customerId)
    if (!inRange(o.day)) continue
    for (const c of o.commissions) row(byId(c.distributorId).ring, byId(c.distributorId).type).commission += c.amount
    if (!o.credited) continue
    const d = byId(o.credited)
    const x = row(d.ring, d.type)
    x.orders++
    x.gmv += o.total - o.refunded
    if (first) x.newCustomers++
    x.active.add(d.id)
  }
  const figures = (xs: Row[]) => {
    const active = new Set(xs.flatMap((x) => [...x.active])).size
    const sum = (k: Exclude<keyof Row, 'active'>) => xs.reduce((n, x) => n + x[k], 0)
    const newRecruits = sum('newRecruits')
    return {
      distributors: sum('distributors'),
      activeDistributors: active,
      links: sum('links'),
      clicks: sum('clicks'),
      orders: sum('orders'),
      gmv: sum('gmv'),
      commission: sum('commission'),
      newCustomers: sum('newCustomers'),
      newRecruits,
      fission: active ? (Math.round((newRecruits / active) * 10000) / 10000).toFixed(4) : null,
    }
  }
  const empty = (f: ReturnType<typeof figures>) =>
    Object.entries(f).every(([k, v]) => k === 'fission' || k === 'type' || v === 0)
  const rings = [1, 2, 3, 4, 5]
    .map((ring) => ({
      ring,
      ...figures([...rows].filter(([k]) => k.startsWith(`${ring}|`)).map(([, v]) => v)),
      byType: DISTRIBUTOR_TYPES.map((type) => ({
        type,
        ...figures(rows.has(`${ring}|${type}`) ? [rows.get(`${ring}|${type}`) as Row] : []),
      })).filter((t) => !empty(t)),
    }))
    .filter((r) => r.byType.length > 0)
  const gmv = (pick: (ring: number) => boolean) => rings.filter((r) => pick(r.ring)).reduce((n, r) => n + r.gmv, 0)
  const ring1 = gmv((x) => x === 1)
  return {
    currency: 'CNY',
    timeZone: 'UTC',
    from,
    to,
    rings,
    totals: figures([...rows.values()]),
    amplification: ring1 ? (Math.round((gmv((x) => x >= 2) / ring1) * 10000) / 10000).toFixed(4) : null,
  }
}

/** The channel report from the raw events, with largest-remainder shares worked out longhand. */
function expectedChannels(from: string, to: string) {
  const ripple = expectedRipple(from, to)
  const sumType = (type: string, k: 'gmv' | 'orders' | 'distributors') =>
    ripple.rings
      .flatMap((r) => r.byType)
      .filter((t) => t.type === type)
      .reduce((n, t) => n + t[k], 0)
  const apportion = (values: number[]) => {
    const total = values.reduce((a, b) => a + b, 0)
    if (!total) return values.map(() => 0)
    const exact = values.map((v) => (v * 10000) / total)
    const out = exact.map(Math.floor)
    const order = exact.map((e, i) => ({ i, rem: e - Math.floor(e) })).sort((a, b) => b.rem - a.rem || a.i - b.i)
    const left = 10000 - out.reduce((a, b) => a + b, 0)
    for (let k = 0; k < left; k++) out[order[k]!.i]!++
    return out
  }
  const types = DISTRIBUTOR_TYPES.map((type) => ({
    type,
    circle: isInternal(type) ? 'internal' : 'external',
    gmv: sumType(type, 'gmv'),
    orders: sumType(type, 'orders'),
    distributors: sumType(type, 'distributors'),
  }))
  const shares = apportion(types.map((t) => t.gmv))
  const circles = (['internal', 'external'] as const).map((circle) => ({
    circle,
    gmv: types.filter((t) => t.circle === circle).reduce((n, t) => n + t.gmv, 0),
  }))
  const circleShares = apportion(circles.map((c) => c.gmv))
  return {
    currency: 'CNY',
    timeZone: 'UTC',
    from,
    to,
    total: types.reduce((n, t) => n + t.gmv, 0),
    circles: circles.map((c, i) => ({ ...c, shareBps: circleShares[i] })),
    types: types.map((t, i) => ({
      type: t.type,
      circle: t.circle,
      gmv: t.gmv,
      shareBps: shares[i],
      orders: t.orders,
      distributors: t.distributors,
    })),
  }
}

describe('reports against a brute-force reference', () => {
  const get = async (path: string) => {
    const r = await call('GET', path, { token: world.key })
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    return r.body
  }
  const week = { from: dayOf(Date.now() - 6 * DAY), to: world.today }
  const older = { from: dayOf(Date.now() - 4 * DAY), to: dayOf(Date.now() - 2 * DAY) }

  it('ripple: every ring, every type, every figure', async () => {
    const body = await get(`/api/reports/ripple?from=${week.from}&to=${week.to}`)
    expect(body).toEqual(expectedRipple(week.from, week.to))
    expect(body.rings.map((r: { ring: number }) => r.ring)).toEqual([1, 2, 3, 4, 5])
    expect(body.rings.flatMap((r: { byType: Array<{ type: string }> }) => r.byType.map((t) => t.type)).sort()).toEqual(
      expect.arrayContaining([...DISTRIBUTOR_TYPES].sort()),
    )
  })

  it('ripple over older days only: headcount as it stood then, nothing from today', async () => {
    expect(await get(`/api/reports/ripple?from=${older.from}&to=${older.to}`)).toEqual(
      expectedRipple(older.from, older.to),
    )
  })

  it('channels: GMV by circle and type, shares adding to 10000', async () => {
    const body = await get(`/api/reports/channels?from=${week.from}&to=${week.to}`)
    expect(body).toEqual(expectedChannels(week.from, week.to))
    expect(body.types.reduce((n: number, t: { shareBps: number }) => n + t.shareBps, 0)).toBe(10000)
    expect(await get(`/api/reports/channels?from=${older.from}&to=${older.to}`)).toEqual(
      expectedChannels(older.from, older.to),
    )
  })

  it('leaderboard: distributors by GMV (net of refunds) and stores by orders', async () => {
    const gmv = new Map<string, number>()
    for (const o of world.orders) if (o.credited) gmv.set(o.credited, (gmv.get(o.credited) ?? 0) + o.total - o.refunded)
    const top = [...gmv]
      .filter(([, v]) => v !== 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10)
    const body = await get(`/api/reports/leaderboard?from=${week.from}&to=${week.to}&by=gmv&limit=10`)
    expect(body.items.map((i: { id: string; gmv: number }) => [i.id, i.gmv])).toEqual(top)
    const storeOrders = new Map<string, number>()
    for (const o of world.orders) {
      const store = o.credited ? byId(o.credited).store : undefined
      if (store) storeOrders.set(store, (storeOrders.get(store) ?? 0) + 1)
    }
    const stores = await get(`/api/reports/leaderboard?from=${week.from}&to=${week.to}&by=orders&group=store`)
    expect(stores.items.map((i: { id: string; orders: number }) => [i.id, i.orders])).toEqual(
      [...storeOrders].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
    )
    const guides = await get(`/api/reports/leaderboard?from=${week.from}&to=${week.to}&by=orders&type=guide&limit=100`)
    expect(guides.items.every((i: { type: string }) => i.type === 'guide')).toBe(true)
    // Empty parameters, as a form sends them, mean "not given": every type, the default 10.
    const blank = await get(`/api/reports/leaderboard?from=${week.from}&to=${week.to}&by=gmv&type=&limit=`)
    expect(blank.items.map((i: { id: string; gmv: number }) => [i.id, i.gmv])).toEqual(top)
  })

  it('overview and trend add up with the ripple totals', async () => {
    const ov = await get(`/api/reports/overview?from=${week.from}&to=${week.to}`)
    const ripple = expectedRipple(week.from, week.to)
    expect(ov.distributionGmv).toBe(ripple.totals.gmv)
    expect(ov.gmv).toBe(world.orders.reduce((n, o) => n + o.total - o.refunded, 0))
    expect(ov.newCustomers).toBe(new Set(world.orders.map((o) => o.customerId).filter(Boolean)).size)
    expect(ov.referredNewCustomers).toBe(ripple.totals.newCustomers)
    const trend = await get(`/api/reports/trend?from=${week.from}&to=${week.to}`)
    expect(trend.days).toHaveLength(7)
    expect(trend.days.reduce((n: number, d: { orders: number }) => n + d.orders, 0)).toBe(world.orders.length)
    expect(trend.days.at(-1).clicks).toBe(world.clicks.length)
  })

  it('a distributor sees their own clicks, orders, GMV and earnings', async () => {
    const d =
      world.distributors.find(
        (x) => world.orders.some((o) => o.credited === x.id) && world.clicks.some((c) => c.distributorId === x.id),
      ) ?? world.distributors[0]!
    const me = (await call('GET', '/api/me', { token: await sessionOf(world.key, d.id) })).body
    const mine = world.orders.filter((o) => o.credited === d.id)
    expect(me.stats).toMatchObject({
      clicks: world.clicks.filter((c) => c.distributorId === d.id).length,
      orders: mine.length,
      gmv: mine.reduce((n, o) => n + o.total - o.refunded, 0),
      recruits: world.distributors.filter((x) => x.parentId === d.id).length,
    })
    expect(me.earnings.pending).toBe(
      world.orders
        .flatMap((o) => o.commissions)
        .filter((c) => c.distributorId === d.id)
        .reduce((n, c) => n + c.amount, 0),
    )
  })

  it('refuses a reversed or over-long range with field errors', async () => {
    expectError(
      await call('GET', `/api/reports/ripple?from=${week.to}&to=${week.from}`, { token: world.key }),
      422,
      'invalid_input',
      ['from'],
    )
    expectError(
      await call('GET', '/api/reports/channels?from=2025-01-01&to=2026-01-02', { token: world.key }),
      422,
      'invalid_input',
      ['to'],
    )
    expectError(
      await call('GET', '/api/reports/trend?from=2026-02-30&to=2026-03-01', { token: world.key }),
      422,
      'invalid_input',
      ['from'],
    )
  })
})
