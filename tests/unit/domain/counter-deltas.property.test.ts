import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  counterDeltas,
  ringTypeDimension,
  type CounterDelta,
  type TableChange,
} from '../../../lib/domain/counter-deltas'
import { isoAround } from './arbitraries'

const CODES = ['Link0001', 'Link0002', 'Link0003'] as const
const BRANDS = ['b_1', 'b_2'] as const

const clickImage = fc.record({
  entity: fc.constant('click'),
  code: fc.constantFrom(...CODES),
  brandId: fc.constantFrom(...BRANDS),
  ring: fc.integer({ min: 1, max: 5 }),
  type: fc.constantFrom('guide', 'member', 'media'),
  at: isoAround,
})

/** Any change the stream can carry: click inserts, and the noise around them. */
const change: fc.Arbitrary<TableChange> = fc.oneof(
  clickImage.map((newImage) => ({ eventName: 'INSERT' as const, newImage })),
  clickImage.map((newImage) => ({ eventName: 'MODIFY' as const, newImage, oldImage: newImage })),
  fc.constant({ eventName: 'REMOVE' as const }),
  clickImage.map((c) => ({ eventName: 'INSERT' as const, newImage: { ...c, entity: 'linkTarget' } })),
  clickImage.map(({ ring: _ring, ...c }) => ({ eventName: 'INSERT' as const, newImage: c })),
)

const inserts = (changes: TableChange[]) =>
  changes.filter(
    (c) => c.eventName === 'INSERT' && c.newImage?.entity === 'click' && typeof c.newImage.ring === 'number',
  )
const sum = (xs: CounterDelta[]) => xs.reduce((n, x) => n + ((x.add as { clicks?: number }).clicks ?? 0), 0)
const clickDeltas = (changes: TableChange[]) => counterDeltas(changes)

describe('counterDeltas of clicks', () => {
  it('counts exactly the click inserts, once per link and once per brand-day dimension', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const deltas = clickDeltas(changes)
        const clicks = inserts(changes)
        expect(sum(deltas.filter((d) => d.counter === 'link'))).toBe(clicks.length)
        expect(sum(deltas.filter((d) => d.counter === 'ringDay'))).toBe(clicks.length)
        for (const code of CODES) {
          const link = deltas.filter((d) => d.counter === 'link' && d.code === code)
          expect(link.length).toBeLessThanOrEqual(1)
          expect(sum(link)).toBe(clicks.filter((c) => c.newImage?.code === code).length)
        }
      }),
    )
  })

  it('puts each click on its UTC day and ring/type dimension, one delta per counter', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const deltas = clickDeltas(changes).filter((d) => d.counter === 'ringDay')
        const keys = deltas.map((d) =>
          d.counter === 'ringDay' ? `${d.brandId}|${d.day}|${ringTypeDimension(d.ring, d.type)}` : '',
        )
        expect(new Set(keys).size).toBe(keys.length)
        for (const d of deltas) {
          if (d.counter !== 'ringDay') continue
          const mine = inserts(changes).filter((c) => {
            const i = c.newImage as { brandId: string; at: string; ring: number; type: string }
            return (
              i.brandId === d.brandId &&
              new Date(i.at).toISOString().slice(0, 10) === d.day &&
              i.ring === d.ring &&
              i.type === d.type
            )
          })
          expect(d.add.clicks).toBe(mine.length)
          expect(d.add.clicks).toBeGreaterThan(0)
        }
      }),
    )
  })

  it('gives the same deltas in the same order for the same batch, whatever order the clicks are counted in', () => {
    fc.assert(
      fc.property(
        fc
          .array(change, { maxLength: 40 })
          .chain((xs) =>
            fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })),
          ),
        ([changes, shuffled]) => {
          expect(clickDeltas(shuffled)).toEqual(clickDeltas(changes))
        },
      ),
    )
  })

  it('ignores click updates, removals and other entities', () => {
    const at = '2026-11-25T23:59:59.999Z'
    const click = { entity: 'click', code: 'Link0001', brandId: 'b_1', ring: 2, type: 'guide', at }
    expect(
      counterDeltas([
        { eventName: 'MODIFY', newImage: click, oldImage: click },
        { eventName: 'REMOVE' },
        { eventName: 'INSERT', newImage: { ...click, entity: 'counter' } },
      ]),
    ).toEqual([])
    expect(counterDeltas([{ eventName: 'INSERT', newImage: { ...click, distributorId: 'd_1' } }])).toEqual([
      { counter: 'active', brandId: 'b_1', day: '2026-11-25', member: '2|guide|d_1', add: {} },
      {
        counter: 'distributorDay',
        brandId: 'b_1',
        day: '2026-11-25',
        distributorId: 'd_1',
        type: 'guide',
        add: { clicks: 1 },
      },
      { counter: 'link', code: 'Link0001', add: { clicks: 1 } },
      { counter: 'ringDay', brandId: 'b_1', day: '2026-11-25', ring: 2, type: 'guide', add: { clicks: 1 } },
    ])
  })
})

describe('counterDeltas of orders, refunds, ledger entries and distributors', () => {
  const reporting = {
    distributorId: 'd_1',
    ring: 2,
    type: 'member',
    store: 'S1',
    firstOrderOfCustomer: true,
    referredCustomer: true,
  }
  const order = { entity: 'order', brandId: 'b_1', paidAt: '2026-11-25T10:00:00.000Z', total: 5000, reporting }

  it('counts an order on its paid day under the credited ring and type, and its refund there too', () => {
    const refund = { entity: 'refund', brandId: 'b_1', paidAt: order.paidAt, base: 1200, reporting }
    const deltas = counterDeltas([
      { eventName: 'INSERT', newImage: order },
      { eventName: 'INSERT', newImage: refund },
    ])
    expect(deltas.find((d) => d.counter === 'ringDay')).toEqual({
      counter: 'ringDay',
      brandId: 'b_1',
      day: '2026-11-25',
      ring: 2,
      type: 'member',
      add: { orders: 1, gmv: 3800, newCustomers: 1, referredOrders: 1, referredRepeatOrders: 0, referredGmv: 3800 },
    })
    expect(deltas.find((d) => d.counter === 'storeDay')?.add).toEqual({ orders: 1, gmv: 3800 })
  })

  it('puts an unattributed order on ring 0, type none, with no distributor or active member', () => {
    const deltas = counterDeltas([
      {
        eventName: 'INSERT',
        newImage: {
          ...order,
          reporting: {
            distributorId: null,
            ring: 0,
            type: 'none',
            firstOrderOfCustomer: false,
            referredCustomer: false,
          },
        },
      },
    ])
    expect(deltas).toEqual([
      { counter: 'ringDay', brandId: 'b_1', day: '2026-11-25', ring: 0, type: 'none', add: { orders: 1, gmv: 5000 } },
    ])
  })

  it('adds commission and subtracts reversals on the order day; moves a distributor between headcount rows', () => {
    const entry = {
      entity: 'ledger',
      brandId: 'b_1',
      paidAt: order.paidAt,
      at: '2026-12-02T00:00:00.000Z',
      amount: 300,
      ring: 3,
      type: 'guide',
    }
    expect(
      counterDeltas([
        { eventName: 'INSERT', newImage: entry },
        { eventName: 'INSERT', newImage: { ...entry, amount: -100 } },
      ]),
    ).toEqual([
      { counter: 'ringDay', brandId: 'b_1', day: '2026-11-25', ring: 3, type: 'guide', add: { commission: 200 } },
    ])
    const d = {
      entity: 'distributor',
      id: 'd_1',
      brandId: 'b_1',
      ring: 2,
      type: 'member',
      status: 'active',
      joinedAt: '2026-01-01T00:00:00.000Z',
    }
    expect(
      counterDeltas([
        { eventName: 'MODIFY', oldImage: d, newImage: { ...d, status: 'left' }, at: '2026-11-30T08:00:00.000Z' },
      ]),
    ).toEqual([
      { counter: 'headcount', brandId: 'b_1', day: '2026-11-30', ring: 2, type: 'member', add: { distributors: -1 } },
    ])
    expect(
      counterDeltas([
        { eventName: 'MODIFY', oldImage: d, newImage: { ...d, name: 'new name' }, at: '2026-11-30T08:00:00.000Z' },
      ]),
    ).toEqual([])
  })
})
