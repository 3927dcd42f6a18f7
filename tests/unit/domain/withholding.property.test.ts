import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { labourRemunerationTax, TAX_SCHEDULES, withholdingFor } from '../../../lib/domain/withholding'

const yuan = (n: number) => Math.round(n * 100)

describe('labour remuneration tax (fen)', () => {
  // Hand-computed: [income ¥, tax ¥].
  const cases: [number, number][] = [
    [0, 0],
    [500, 0],
    [800, 0],
    [800.01, 0], // 0.01 × 20 % = 0.002 fen short of a fen: rounds to 0
    [800.03, 0.01], // 0.03 × 20 % = 0.006 → ¥0.01 (half up)
    [1_000, 40],
    [3_999.99, 640], // 3,199.99 × 20 % = 639.998 → 640.00
    [4_000, 640],
    [4_000.01, 640], // 3,200.008 × 20 % = 640.0016 → 640.00
    [5_000, 800],
    [20_000, 3_200],
    [25_000, 4_000], // taxable exactly ¥20,000: top of the 20 % bracket
    [25_000.01, 4_000], // 20,000.008 × 30 % − 2,000 = 4,000.0024
    [30_000, 5_200],
    [62_500, 13_000], // taxable exactly ¥50,000
    [62_500.01, 13_000], // 50,000.008 × 40 % − 7,000 = 13,000.0032
    [100_000, 25_000],
    [1_000_000, 313_000],
  ]
  it.each(cases)('¥%d → ¥%d', (income, tax) => {
    expect(labourRemunerationTax(yuan(income))).toBe(yuan(tax))
  })

  it('refuses what is not whole fen', () => {
    expect(() => labourRemunerationTax(-1)).toThrow(RangeError)
    expect(() => labourRemunerationTax(1.5)).toThrow(RangeError)
  })

  it('is non-decreasing and never takes more than a fen per fen of income', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 10_000 }), (income, more) => {
        const a = labourRemunerationTax(income)
        const b = labourRemunerationTax(income + more)
        expect(b).toBeGreaterThanOrEqual(a)
        expect(b - a).toBeLessThanOrEqual(more)
        expect(a).toBeLessThanOrEqual(income)
      }),
    )
  })

  it('withholds the same for the month however it is split into batches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 6 }), (batches) => {
        let income = 0
        let withheld = 0
        for (const amount of batches) {
          const { tax, net } = withholdingFor(income, amount, withheld, labourRemunerationTax)
          expect(tax + net).toBe(amount)
          expect(tax).toBeGreaterThanOrEqual(0)
          income += amount
          withheld += tax
        }
        expect(withheld).toBe(labourRemunerationTax(income))
      }),
    )
  })

  it('never withholds from a negative batch, and the none profile withholds nothing', () => {
    expect(withholdingFor(500_000, -10_000, 84_000, labourRemunerationTax)).toEqual({ tax: 0, net: -10_000 })
    expect(withholdingFor(0, 10_000_000, 0, TAX_SCHEDULES.none)).toEqual({ tax: 0, net: 10_000_000 })
  })
})
