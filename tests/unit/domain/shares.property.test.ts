import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { bpsOf, largestRemainderBps, ratio4 } from '../../../lib/domain/shares'

describe('largestRemainderBps', () => {
  it('adds to exactly 10000 (or all zero), each share within one point of its exact quota, larger values never get less', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 12 }), (values) => {
        const shares = largestRemainderBps(values)
        const total = values.reduce((a, b) => a + b, 0)
        if (total === 0) return expect(shares.every((s) => s === 0)).toBe(true)
        expect(shares.reduce((a, b) => a + b, 0)).toBe(10000)
        values.forEach((v, i) => {
          const exact = (BigInt(v) * 10000n * 1000n) / BigInt(total) // thousandths of a point
          expect(Math.abs(shares[i]! * 1000 - Number(exact))).toBeLessThan(1000)
          values.forEach((w, j) => {
            if (v > w) expect(shares[i]!).toBeGreaterThanOrEqual(shares[j]!)
          })
        })
      }),
    )
  })

  it('reproduces exact tables and breaks ties by position', () => {
    expect(largestRemainderBps([75, 13, 7, 5])).toEqual([7500, 1300, 700, 500])
    expect(largestRemainderBps([1, 1, 1])).toEqual([3334, 3333, 3333])
    expect(largestRemainderBps([0, 0])).toEqual([0, 0])
  })
})

describe('ratio4 and bpsOf', () => {
  it('round half up to 4 places and to basis points, null over zero', () => {
    expect([ratio4(1, 3), ratio4(2, 3), ratio4(0, 5), ratio4(7, 2), ratio4(1, 0)]).toEqual([
      '0.3333',
      '0.6667',
      '0.0000',
      '3.5000',
      null,
    ])
    expect([bpsOf(1, 3), bpsOf(2, 3), bpsOf(1, 0)]).toEqual([3333, 6667, null])
  })
})
