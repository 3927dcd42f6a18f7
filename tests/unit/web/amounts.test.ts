import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { formatMinor, parseMinor } from '../../../web/shared/amounts'

describe('parseMinor', () => {
  it('reads typed amounts exactly by the currency exponent', () => {
    expect(parseMinor('100.5', 2)).toBe(10050)
    expect(parseMinor(' 0.07 ', 2)).toBe(7)
    expect(parseMinor('12.', 2)).toBe(1200)
    expect(parseMinor('1000', 0)).toBe(1000)
  })

  it('refuses what is not a plain amount with at most exponent decimals', () => {
    for (const bad of ['', '-1', '1.005', '1e3', '1,000', 'abc', '.5']) expect(parseMinor(bad, 2), bad).toBeNull()
    expect(parseMinor('1.5', 0)).toBeNull()
  })

  it('round-trips formatMinor', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.constantFrom(0, 2, 3),
        (minor, exp) => parseMinor(formatMinor(minor, exp), exp) === minor,
      ),
    )
  })
})
