import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { clickCounterDeltas, ringTypeDimension, type TableChange } from '../../../lib/domain/click-counters'
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
  clickImage.map((newImage) => ({ eventName: 'MODIFY' as const, newImage })),
  fc.constant({ eventName: 'REMOVE' as const }),
  clickImage.map((c) => ({ eventName: 'INSERT' as const, newImage: { ...c, entity: 'link' } })),
  clickImage.map(({ ring: _ring, ...c }) => ({ eventName: 'INSERT' as const, newImage: c })),
)

const inserts = (changes: TableChange[]) => changes.filter((c) => c.eventName === 'INSERT' && c.newImage?.entity === 'click' && typeof c.newImage.ring === 'number')
const sum = (xs: { clicks: number }[]) => xs.reduce((n, x) => n + x.clicks, 0)

describe('clickCounterDeltas', () => {
  it('counts exactly the click inserts, once per link and once per brand-day dimension', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        const deltas = clickCounterDeltas(changes)
        const clicks = inserts(changes)
        expect(sum(deltas.filter((d) => d.counter === 'link'))).toBe(clicks.length)
        expect(sum(deltas.filter((d) => d.counter === 'brandDay'))).toBe(clicks.length)
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
        const deltas = clickCounterDeltas(changes).filter((d) => d.counter === 'brandDay')
        const keys = deltas.map((d) => (d.counter === 'brandDay' ? `${d.brandId}|${d.day}|${d.dimension}` : ''))
        expect(new Set(keys).size).toBe(keys.length)
        for (const d of deltas) {
          if (d.counter !== 'brandDay') continue
          const mine = inserts(changes).filter((c) => {
            const i = c.newImage as { brandId: string; at: string; ring: number; type: string }
            return i.brandId === d.brandId && new Date(i.at).toISOString().slice(0, 10) === d.day && ringTypeDimension(i.ring, i.type) === d.dimension
          })
          expect(d.clicks).toBe(mine.length)
          expect(d.clicks).toBeGreaterThan(0)
        }
      }),
    )
  })

  it('gives the same deltas in the same order for the same batch, whatever order the clicks are counted in', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 40 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))), ([changes, shuffled]) => {
        expect(clickCounterDeltas(shuffled)).toEqual(clickCounterDeltas(changes))
      }),
    )
  })

  it('ignores everything that is not a click insert', () => {
    const at = '2026-11-25T23:59:59.999Z'
    const click = { entity: 'click', code: 'Link0001', brandId: 'b_1', ring: 2, type: 'guide', at }
    expect(clickCounterDeltas([{ eventName: 'MODIFY', newImage: click }, { eventName: 'REMOVE' }, { eventName: 'INSERT', newImage: { ...click, entity: 'counter' } }])).toEqual([])
    expect(clickCounterDeltas([{ eventName: 'INSERT', newImage: click }])).toEqual([
      { counter: 'brandDay', brandId: 'b_1', day: '2026-11-25', dimension: 'ring#2#type#guide', clicks: 1 },
      { counter: 'link', code: 'Link0001', dimension: 'total', clicks: 1 },
    ])
  })
})
