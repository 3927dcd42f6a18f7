import { describe, expect, it } from 'vitest'
import { Money } from '../../../lib/schemas/common'
import { ProductBody } from '../../../lib/schemas/product'

describe('Money schema', () => {
  it('accepts minor units and exact decimal strings, giving minor units', () => {
    expect(Money.parse(1999)).toBe(1999)
    expect(Money.parse(0)).toBe(0)
    expect(Money.parse('19.99')).toBe(1999)
    expect(Money.parse('19.9')).toBe(1990)
    expect(Money.parse('19')).toBe(1900)
    expect(Money.parse('0.01')).toBe(1)
  })

  it('rejects negatives, fractions of a fen, floats and non-numbers', () => {
    for (const bad of [-1, 1.5, '19.999', '-1', '-0.01', 'abc', '1e5', '', Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2, null, true, {}]) {
      expect(Money.safeParse(bad).success, String(bad)).toBe(false)
    }
  })

  it('turns a product price "19.99" into 1999', () => {
    const p = ProductBody.parse({ sku: 'S1', name: 'x', price: '19.99', url: 'https://shop.example.com/p' })
    expect(p.price).toBe(1999)
    expect(p.active).toBe(true)
  })
})
