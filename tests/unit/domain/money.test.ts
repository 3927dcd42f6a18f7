import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { applyBps, formatMajor, parseMajor } from '../../../lib/domain/money'

const exponent = fc.integer({ min: 0, max: 3 })

describe('parseMajor / formatMajor', () => {
  it('round-trips every safe integer at exponents 0..3', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), exponent, (minor, e) => {
        expect(parseMajor(formatMajor(minor, e), e)).toBe(minor)
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips the edges of the safe range', () => {
    for (const e of [0, 1, 2, 3]) {
      for (const minor of [0, 1, -1, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER])
        expect(parseMajor(formatMajor(minor, e), e)).toBe(minor)
    }
  })

  it('parses "19.99" to exactly 1999 (no float arithmetic)', () => {
    expect(parseMajor('19.99', 2)).toBe(1999)
    expect(parseMajor('0.07', 2)).toBe(7)
    expect(parseMajor('1.1', 2)).toBe(110)
    expect(parseMajor('1', 2)).toBe(100)
    expect(parseMajor('-0.05', 2)).toBe(-5)
    expect(parseMajor('123', 0)).toBe(123)
    expect(parseMajor('1.234', 3)).toBe(1234)
  })

  it('formats with the exponent’s digits', () => {
    expect(formatMajor(123450, 2)).toBe('1234.50')
    expect(formatMajor(5, 2)).toBe('0.05')
    expect(formatMajor(-5, 2)).toBe('-0.05')
    expect(formatMajor(7, 0)).toBe('7')
    expect(formatMajor(7, 3)).toBe('0.007')
  })

  it('rejects more digits than the currency has, and anything that is not a plain decimal', () => {
    expect(parseMajor('1.234', 2)).toBeNull()
    expect(parseMajor('1.5', 0)).toBeNull()
    for (const bad of [
      'abc',
      '1e5',
      '',
      ' ',
      '1,000.00',
      '.5',
      '5.',
      '0x10',
      '19.99abc',
      '--1',
      '+1',
      'Infinity',
      'NaN',
    ]) {
      expect(parseMajor(bad, 2), bad).toBeNull()
    }
  })

  it('rejects amounts beyond the safe integer range instead of rounding', () => {
    expect(parseMajor('90071992547409.93', 2)).toBeNull()
    expect(parseMajor('9007199254740993', 0)).toBeNull()
  })

  it('refuses to format a non-integer', () => {
    expect(() => formatMajor(1.5, 2)).toThrow(RangeError)
  })
})

describe('applyBps', () => {
  const floorBig = (base: number, bps: number) => Number((BigInt(base) * BigInt(bps)) / 10000n) // both non-negative: truncation = floor

  it('equals floor(base × bps / 10000) and never exceeds the exact amount', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 0, max: 10000 }),
        (base, bps) => {
          const amount = applyBps(base, bps)
          expect(amount).toBe(floorBig(base, bps))
          expect(Number.isSafeInteger(amount)).toBe(true)
          // amount × 10000 ≤ base × bps < (amount + 1) × 10000, exactly
          expect(BigInt(amount) * 10000n <= BigInt(base) * BigInt(bps)).toBe(true)
          expect((BigInt(amount) + 1n) * 10000n > BigInt(base) * BigInt(bps)).toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('rounds down on known values', () => {
    expect(applyBps(1999, 1000)).toBe(199)
    expect(applyBps(9, 1000)).toBe(0)
    expect(applyBps(10000, 1)).toBe(1)
    expect(applyBps(9999, 1)).toBe(0)
    expect(applyBps(Number.MAX_SAFE_INTEGER, 10000)).toBe(Number.MAX_SAFE_INTEGER)
  })
})
