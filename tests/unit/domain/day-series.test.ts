import { describe, expect, it } from 'vitest'
import { denseDays, lastDays, totalsOf } from '../../../lib/domain/day-series'

describe('day series', () => {
  it('covers the last n UTC days, today included, oldest first, across a month end', () => {
    const r = lastDays(new Date('2026-03-01T23:59:59.999Z'), 3)
    expect(r).toEqual({ from: '2026-02-27', to: '2026-03-01', days: ['2026-02-27', '2026-02-28', '2026-03-01'] })
    expect(lastDays(new Date('2026-11-25T00:00:00.000Z'), 30).days).toHaveLength(30)
  })

  it('fills missing days with zeros, keeps only the fields asked, ignores rows outside the days', () => {
    const rows = [
      { day: 'd3', orders: 2, gmv: 500, recruits: 1 },
      { day: 'd1', orders: 1, gmv: -100, recruits: 0 },
      { day: 'd9', orders: 7, gmv: 7, recruits: 7 },
    ]
    expect(denseDays(['d1', 'd2', 'd3'], rows, ['orders', 'gmv'] as const)).toEqual([
      { day: 'd1', orders: 1, gmv: -100 },
      { day: 'd2', orders: 0, gmv: 0 },
      { day: 'd3', orders: 2, gmv: 500 },
    ])
    expect(totalsOf(rows.slice(0, 2), ['orders', 'gmv'] as const)).toEqual({ orders: 3, gmv: 400 })
  })
})
