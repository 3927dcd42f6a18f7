import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsx } from 'hono/jsx'
import { StackedBar, barSegments } from '../../../../web/components/charts/StackedBar'
import { TrendChart, axisDays, barLayout } from '../../../../web/components/charts/TrendChart'
import { largestRemainderBps } from '../../../../lib/domain/shares'

describe('barSegments', () => {
  it('lays shares end to end across the whole width', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 7 }), (gmv) => {
        const shares = largestRemainderBps(gmv)
        const segs = barSegments(shares, 640)
        let x = 0
        segs.forEach((s, i) => {
          expect(s.x).toBeCloseTo(x, 9)
          expect(s.w).toBeCloseTo((640 * (shares[i] ?? 0)) / 10_000, 9)
          x = s.x + s.w
        })
        expect(x).toBeCloseTo(gmv.some((g) => g > 0) ? 640 : 0, 9)
      }),
    )
  })
})

describe('StackedBar', () => {
  const render = (shares: number[]) =>
    String(
      jsx(StackedBar, {
        title: '内部与外部',
        empty: '没有 GMV',
        segments: shares.map((shareBps, i) => ({
          key: `k${i}`,
          label: `类型${i}`,
          value: `¥${i}`,
          shareBps,
          colour: '#c2185b',
        })),
      }),
    )

  it('shows each share with two decimals, exactly, adding to 100%', () => {
    const svg = render(largestRemainderBps([1, 1, 1]))
    expect(svg).toMatch(/role="img" aria-label="内部与外部"/)
    const percents = [...svg.matchAll(/类型\d (\d+\.\d{2})% · /g)].map((m) => m[1])
    expect(percents).toEqual(['33.34', '33.33', '33.33'])
    expect(percents.reduce((n, p) => n + Number((p ?? '').replace('.', '')), 0)).toBe(10_000)
    expect(svg).not.toContain('没有 GMV')
  })

  it('draws an empty bar with a message when nothing was sold', () => {
    const svg = render([0, 0])
    expect(svg).toContain('没有 GMV')
    expect(svg).toContain('类型0 0.00% · ¥0')
    expect(svg).not.toMatch(/NaN|Infinity/)
    expect(svg.match(/height="28"/g)).toHaveLength(1) // the empty bar only, no segment
  })
})

describe('barLayout and TrendChart', () => {
  it('fits 1 to 366 days in the width, scaled to the peak', () => {
    for (const n of [1, 2, 30, 366]) {
      const values = Array.from({ length: n }, (_, i) => (i * 7) % 11)
      const bars = barLayout(values, 640, 64)
      expect(bars).toHaveLength(n)
      const last = bars[n - 1]
      expect((last?.x ?? 0) + (last?.w ?? 0)).toBeLessThanOrEqual(640 + 1e-9)
      expect(Math.max(...bars.map((b) => b.h))).toBe(Math.max(...values) === 0 ? 0 : 64)
      for (const b of bars) expect(Number.isFinite(b.x) && Number.isFinite(b.w) && Number.isFinite(b.h)).toBe(true)
    }
  })

  it('draws nothing, rather than NaN, for all-zero or negative days', () => {
    expect(barLayout([0, 0, 0], 640, 64).map((b) => b.h)).toEqual([0, 0, 0])
    expect(barLayout([-5, 10], 640, 64).map((b) => b.h)).toEqual([0, 64])
  })

  it('labels the first, middle and last day', () => {
    expect(axisDays(['a'])).toEqual([0])
    expect(axisDays(['a', 'b'])).toEqual([0, 1])
    expect(axisDays(['a', 'b', 'c', 'd', 'e'])).toEqual([0, 2, 4])
  })

  it('renders clicks, orders and GMV as three panels sharing the days', () => {
    const days = Array.from({ length: 366 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10))
    const series = ['clicks', 'orders', 'gmv'].map((key, k) => ({
      key,
      label: key,
      values: days.map((_, i) => (k === 2 ? 0 : i % 5)),
      format: String,
      colour: '#000',
    }))
    const svg = String(jsx(TrendChart, { title: '每日趋势', days, series, peak: (v: string) => `最高 ${v}` }))
    expect(svg).toMatch(/role="img" aria-label="每日趋势"/)
    expect(svg.match(/class="series"/g)).toHaveLength(3)
    expect(svg).toContain('>2024-01-01<')
    expect(svg).toContain('>2024-12-31<')
    expect(svg).toContain('最高 4')
    expect(svg).toContain('最高 0')
    expect(svg).not.toMatch(/NaN|Infinity/)
  })
})
