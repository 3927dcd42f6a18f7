import { describe, expect, it } from 'vitest'
import { Money } from '../../../lib/schemas/common'
import { minorUnits } from '../../../lib/domain/money'
import { OrderBody } from '../../../lib/schemas/order'

describe('Money schema', () => {
  it('accepts minor units and plain decimal strings', () => {
    for (const ok of [1999, 0, '19.99', '19.9', '19', '0.01'])
      expect(Money.safeParse(ok).success, String(ok)).toBe(true)
  })

  it('rejects negatives, sub-cent strings, floats and non-numbers', () => {
    for (const bad of [
      -1,
      1.5,
      '19.999',
      '-1',
      '-0.01',
      'abc',
      '1e5',
      '',
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.MAX_SAFE_INTEGER + 2,
      null,
      true,
      {},
    ]) {
      expect(Money.safeParse(bad).success, String(bad)).toBe(false)
    }
  })

  it('converts decimal strings by the currency exponent, exactly', () => {
    expect(minorUnits('19.99', 'CNY')).toBe(1999)
    expect(minorUnits('19.9', 'USD')).toBe(1990)
    expect(minorUnits('1999', 'JPY')).toBe(1999)
    expect(minorUnits('19.99', 'JPY')).toBeNull()
    expect(minorUnits(1999, 'JPY')).toBe(1999)
  })

  it('turns an order line "19.99" into 1999 fen and "500" into 500 yen', () => {
    const cny = OrderBody.parse({
      orderId: 'o',
      currency: 'CNY',
      paidAt: '2026-11-01T00:00:00Z',
      lines: [{ sku: 'S', qty: 1, unitPrice: '19.99', discount: '0.99' }],
    })
    expect(cny.lines[0]).toMatchObject({ unitPrice: 1999, discount: 99 })
    const jpy = OrderBody.parse({
      orderId: 'o',
      currency: 'JPY',
      paidAt: '2026-11-01T00:00:00Z',
      lines: [{ sku: 'S', qty: 1, unitPrice: '500' }],
    })
    expect(jpy.lines[0]?.unitPrice).toBe(500)
    const bad = OrderBody.safeParse({
      orderId: 'o',
      currency: 'JPY',
      paidAt: '2026-11-01T00:00:00Z',
      lines: [{ sku: 'S', qty: 1, unitPrice: '5.5' }],
    })
    expect(bad.success).toBe(false)
    expect(bad.error?.issues[0]?.path).toEqual(['lines', 0, 'unitPrice'])
  })
})
