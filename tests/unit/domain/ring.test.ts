import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { circleOf, MAX_ANCESTORS, placementUnder } from '../../../lib/domain/ring'
import { DISTRIBUTOR_TYPES } from '../../../lib/schemas/distributor'

const INTERNAL = ['employee', 'guide', 'online_rep', 'offline_rep'] as const
const EXTERNAL = ['member', 'partner', 'media'] as const

describe('placementUnder', () => {
  it('puts internal roots on ring 1 and external roots on ring 2', () => {
    for (const t of INTERNAL) {
      expect(circleOf(t)).toBe('internal')
      expect(placementUnder(null, t)).toEqual({ parentId: null, ancestors: [], depth: 0, ring: 1 })
    }
    for (const t of EXTERNAL) {
      expect(circleOf(t)).toBe('external')
      expect(placementUnder(null, t)).toEqual({ parentId: null, ancestors: [], depth: 0, ring: 2 })
    }
  })

  it('puts a recruit one ring and one level below its recruiter, whatever the recruit’s type', () => {
    const parent = { id: 'p', ancestors: ['a', 'b'], depth: 2, ring: 3 }
    for (const t of DISTRIBUTOR_TYPES) {
      expect(placementUnder(parent, t)).toEqual({ parentId: 'p', ancestors: ['p', 'a', 'b'], depth: 3, ring: 4 })
    }
  })

  it('builds ancestors nearest first and caps them at 10 down any chain', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DISTRIBUTOR_TYPES), { minLength: 1, maxLength: 25 }), (types) => {
        let node = { id: 'n0', ...placementUnder(null, types[0]!) }
        const rootRing = node.ring
        for (let i = 1; i < types.length; i++) {
          const child = { id: `n${i}`, ...placementUnder(node, types[i]!) }
          expect(child.parentId).toBe(`n${i - 1}`)
          expect(child.depth).toBe(i)
          expect(child.ring).toBe(rootRing + i)
          const expected = Array.from({ length: Math.min(i, MAX_ANCESTORS) }, (_, k) => `n${i - 1 - k}`)
          expect(child.ancestors).toEqual(expected)
          node = child
        }
      }),
    )
    expect(MAX_ANCESTORS).toBe(10)
  })
})
