import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { call, newBrand, newDistributor } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { expectConsistent } from '../support/team'
import { MAX_MOVE_MEMBERS } from '../../lib/db/distributors'

describe('random recruiter moves keep placements and team counts consistent', () => {
  it('after every valid or refused move', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom('employee', 'member', 'guide', 'partner')),
          { minLength: 4, maxLength: 14 },
        ),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 }),
        async (nodes, moves) => {
          const { adminKey } = await newBrand()
          const ids: string[] = []
          for (const [i, [pick, rootChance, type]] of nodes.entries()) {
            const parentId = i === 0 || rootChance === 0 ? null : ids[i - 1 - (pick % Math.min(i, 3))]!
            ids.push((await newDistributor(adminKey, { name: `n${i}`, type, parentId })).id)
          }
          for (const [who, to, toRoot] of moves) {
            const id = ids[who % ids.length]!
            const parentId = toRoot ? null : ids[to % ids.length]!
            const r = await call('PATCH', `/api/distributors/${id}`, { token: adminKey, body: { parentId } })
            expect([200, 422], JSON.stringify(r.body)).toContain(r.status)
            if (r.status === 422) expect(r.body.error.fields).toHaveProperty('parentId')
          }
          await expectConsistent(adminKey)
        },
      ),
      { numRuns: 6, seed: 20261125 },
    )
  })

  it('keeps a chain deeper than 10 consistent when its top moves', async () => {
    const { adminKey } = await newBrand()
    const chain = [await newDistributor(adminKey, { name: 'c0', type: 'member' })]
    for (let i = 1; i <= 13; i++)
      chain.push(await newDistributor(adminKey, { name: `c${i}`, type: 'member', parentId: chain[i - 1]!.id }))
    const top = await newDistributor(adminKey, { name: 'top', type: 'employee' })
    const mid = await newDistributor(adminKey, { name: 'mid', type: 'guide', parentId: top.id })
    expect(
      (await call('PATCH', `/api/distributors/${chain[0]!.id}`, { token: adminKey, body: { parentId: mid.id } }))
        .status,
    ).toBe(200)
    await expectConsistent(adminKey)
    expect(
      (await call('PATCH', `/api/distributors/${chain[4]!.id}`, { token: adminKey, body: { parentId: null } })).status,
    ).toBe(200)
    await expectConsistent(adminKey)
  })

  it(`refuses to move a team over ${MAX_MOVE_MEMBERS - 1} people in one transaction, with 422 fields.parentId and nothing changed`, async () => {
    const { adminKey } = await newBrand()
    const boss = await newDistributor(adminKey, { name: 'boss', type: 'employee' })
    const other = await newDistributor(adminKey, { name: 'other', type: 'employee' })
    for (let i = 0; i < MAX_MOVE_MEMBERS; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          newDistributor(adminKey, { name: `m${i + j}`, type: 'member', parentId: boss.id }),
        ),
      )
    }
    const before = await tableSnapshot()
    const refused = await call('PATCH', `/api/distributors/${boss.id}`, {
      token: adminKey,
      body: { parentId: other.id },
    })
    expectError(refused, 422, 'invalid_input', ['parentId'])
    expect(refused.body.error.fields.parentId).toContain('/leave')
    expect(await tableSnapshot()).toEqual(before)
    await expectConsistent(adminKey)
  })
})
