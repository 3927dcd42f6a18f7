import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { sparkPoints } from '../../../../web/components/charts/Sparkline'

describe('sparkPoints', () => {
  it('spaces points evenly and puts the largest at the top, zero at the bottom', () => {
    expect(sparkPoints([0, 5, 10], 100, 20, 0)).toEqual([
      { x: 0, y: 20 },
      { x: 50, y: 10 },
      { x: 100, y: 0 },
    ])
    expect(sparkPoints([0, 0, 0], 100, 20, 2).map((p) => p.y)).toEqual([18, 18, 18])
    expect(sparkPoints([7], 100, 20, 2)).toEqual([{ x: 50, y: 2 }])
    expect(sparkPoints([], 100, 20)).toEqual([])
  })

  it('keeps every point inside the box, whatever the values (negative days included)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 10_000_000 }), { maxLength: 40 }), (values) => {
        for (const p of sparkPoints(values, 120, 32, 2)) {
          expect(p.x).toBeGreaterThanOrEqual(0)
          expect(p.x).toBeLessThanOrEqual(120)
          expect(p.y).toBeGreaterThanOrEqual(2)
          expect(p.y).toBeLessThanOrEqual(30)
        }
      }),
    )
  })
})
