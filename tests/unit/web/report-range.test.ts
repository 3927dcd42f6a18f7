import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { ReportRange } from '../../../lib/schemas/report'
import { addDays, daysIn, pickRange, presetRange, presetsOf, todayUtc } from '../../../web/reports/report-range'

const TODAY = '2026-03-15'

describe('the dashboard range', () => {
  it('defaults to the last 30 days ending today (UTC)', () => {
    expect(todayUtc(new Date('2026-03-15T23:59:59.999Z'))).toBe('2026-03-15')
    const pick = pickRange(undefined, undefined, TODAY)
    expect(pick).toEqual({
      range: { from: '2026-02-14', to: TODAY },
      input: { from: '2026-02-14', to: TODAY },
      errors: {},
    })
    expect(daysIn(pick.range)).toBe(30)
    expect(presetsOf(pick.range, TODAY)).toEqual(['last30'])
  })

  it('has presets for 7, 30 and 90 days and this month', () => {
    expect(presetRange('last7', TODAY)).toEqual({ from: '2026-03-09', to: TODAY })
    expect(presetRange('last90', TODAY)).toEqual({ from: '2025-12-16', to: TODAY })
    expect(presetRange('thisMonth', TODAY)).toEqual({ from: '2026-03-01', to: TODAY })
    expect(presetRange('thisMonth', '2026-03-01')).toEqual({ from: '2026-03-01', to: '2026-03-01' })
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
  })

  it('takes a valid range as asked, one day or a whole leap year', () => {
    expect(pickRange('2026-01-05', '2026-01-05', TODAY)).toMatchObject({
      range: { from: '2026-01-05', to: '2026-01-05' },
      errors: {},
    })
    expect(pickRange('2024-01-01', '2024-12-31', TODAY)).toMatchObject({
      range: { from: '2024-01-01', to: '2024-12-31' },
      errors: {},
    })
    expect(pickRange(undefined, '2026-01-31', TODAY)).toMatchObject({
      range: { from: '2026-01-02', to: '2026-01-31' },
      errors: {},
    })
  })

  it('refuses what is not a range, keeps what was typed, and falls back to the default', () => {
    const fallback = { from: '2026-02-14', to: TODAY }
    expect(pickRange('2026-02-30', '2026-03-01', TODAY)).toEqual({
      range: fallback,
      input: { from: '2026-02-30', to: '2026-03-01' },
      errors: { from: 'badDate' },
    })
    expect(pickRange('2026-03-01', 'yesterday', TODAY)).toMatchObject({ range: fallback, errors: { to: 'badDate' } })
    expect(pickRange('2026-03-10', '2026-03-01', TODAY)).toMatchObject({
      range: fallback,
      errors: { from: 'fromAfterTo' },
    })
    expect(pickRange('2024-01-01', '2025-01-01', TODAY)).toMatchObject({ range: fallback, errors: { to: 'tooLong' } })
    expect(pickRange('<script>', '', TODAY)).toMatchObject({
      range: fallback,
      input: { from: '<script>', to: TODAY },
      errors: { from: 'badDate' },
    })
  })

  it('only ever reads a range the API would accept', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ maxLength: 12 })),
        fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })),
        (from, to) => {
          const pick = pickRange(from ?? undefined, to ? to.toISOString().slice(0, 10) : undefined, TODAY)
          expect(ReportRange.safeParse(pick.range).success).toBe(true)
        },
      ),
    )
  })
})
