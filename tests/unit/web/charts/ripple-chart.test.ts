import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { jsx } from 'hono/jsx'
import { RippleChart, rippleBands, type RippleRingDatum } from '../../../../web/components/charts/RippleChart'

const text = {
  title: '涟漪图',
  brand: '品牌',
  ringName: (n: number) => `第 ${n} 圈`,
  legend: (g: string, o: number, d: number) => `GMV ${g} · ${o} 单 · ${d} 人`,
  empty: '此期间没有分销 GMV',
}
const render = (rings: RippleRingDatum[]) =>
  String(jsx(RippleChart, { rings, money: (n: number) => `¥${(n / 100).toFixed(2)}`, text }))
const area = (b: { inner: number; outer: number }) => b.outer * b.outer - b.inner * b.inner

describe('rippleBands', () => {
  it('puts ring 1 innermost, bands touching, the last ending at the outer radius', () => {
    const bands = rippleBands([300, 100, 0, 100], 20, 160)
    expect(bands[0]?.inner).toBe(20)
    for (let i = 1; i < bands.length; i++) expect(bands[i]?.inner).toBe(bands[i - 1]?.outer)
    expect(bands[3]?.outer).toBeCloseTo(160, 9)
    expect(bands[2]?.outer).toBe(bands[2]?.inner)
  })

  it('gives every band an area proportional to its value, radii never decreasing', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 12 }), (values) => {
        const bands = rippleBands(values, 28, 160)
        const total = values.reduce((a, b) => a + b, 0)
        bands.forEach((b, i) => {
          expect(b.outer).toBeGreaterThanOrEqual(b.inner)
          if (total > 0) expect(area(b) / (160 * 160 - 28 * 28)).toBeCloseTo((values[i] ?? 0) / total, 9)
        })
      }),
    )
  })

  it('draws nothing for nothing: zero or negative totals leave every band at the hub, no NaN', () => {
    expect(rippleBands([0, 0], 28, 160)).toEqual([
      { inner: 28, outer: 28 },
      { inner: 28, outer: 28 },
    ])
    expect(rippleBands([-50, 0], 28, 160)).toEqual([
      { inner: 28, outer: 28 },
      { inner: 28, outer: 28 },
    ])
    expect(rippleBands([], 28, 160)).toEqual([])
  })
})

describe('RippleChart', () => {
  it('is an image with a title, each ring labelled with its number, share, GMV, orders and distributors', () => {
    const svg = render([
      { ring: 1, gmv: 29900, orders: 1, distributors: 2 },
      { ring: 2, gmv: 10100, orders: 2, distributors: 3 },
    ])
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-label="涟漪图"/)
    expect(svg).toContain('<title>涟漪图</title>')
    expect(svg).toContain('第 1 圈 · 74.75%')
    expect(svg).toContain('GMV ¥299.00 · 1 单 · 2 人')
    expect(svg).toContain('第 2 圈 · 25.25%')
    expect(svg).toContain('GMV ¥101.00 · 2 单 · 3 人')
    expect(svg).not.toContain('NaN')
    expect(svg).not.toContain('此期间没有分销 GMV')
  })

  it('says so when there is no GMV, with or without rings', () => {
    for (const rings of [[], [{ ring: 1, gmv: 0, orders: 0, distributors: 4 }]]) {
      const svg = render(rings)
      expect(svg).toContain('此期间没有分销 GMV')
      expect(svg).not.toMatch(/NaN|Infinity/)
    }
    expect(render([{ ring: 1, gmv: 0, orders: 0, distributors: 4 }])).toContain('第 1 圈 · 0.00%')
  })
})
