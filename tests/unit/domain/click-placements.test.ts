import { describe, expect, it } from 'vitest'
import {
  clickedDistributors,
  counterDeltas,
  type CounterDelta,
  type Placement,
  type TableChange,
} from '../../../lib/domain/counter-deltas'

/** Clicks count where their distributor stands when the batch is counted, not where the link recorded them. */

const AT = '2026-11-20T08:00:00.000Z'
const DAY = '2026-11-20'
/** A click as its link recorded it: under the leaver (d_leaver), ring 3. */
const click = (clickId: string, distributorId = 'd_r1'): TableChange => ({
  eventName: 'INSERT',
  newImage: {
    entity: 'click',
    clickId,
    code: 'CODE1',
    brandId: 'b_1',
    distributorId,
    ring: 3,
    type: 'member',
    ancestors: ['d_leaver', 'd_mgr'],
    at: AT,
  },
})
/** After the hand-over: under the successor, a root guide, so ring 2. */
const moved: Placement = { ring: 2, type: 'member', ancestors: ['d_succ'] }

const pick = (deltas: CounterDelta[], counter: CounterDelta['counter']) => deltas.filter((d) => d.counter === counter)

describe('clicks at the current placement', () => {
  it("counts a moved recruit's clicks in its new ring and its new recruiters' teams", () => {
    const deltas = counterDeltas([click('c1'), click('c2')], new Map([['d_r1', moved]]))
    expect(pick(deltas, 'ringDay')).toEqual([
      { counter: 'ringDay', brandId: 'b_1', day: DAY, ring: 2, type: 'member', add: { clicks: 2 } },
    ])
    expect(pick(deltas, 'teamDay')).toEqual([
      { counter: 'teamDay', brandId: 'b_1', day: DAY, distributorId: 'd_succ', add: { clicks: 2 } },
    ])
    expect(pick(deltas, 'active')).toEqual([
      { counter: 'active', brandId: 'b_1', day: DAY, member: '2|member|d_r1', add: {} },
    ])
    expect(pick(deltas, 'distributorDay')).toEqual([
      {
        counter: 'distributorDay',
        brandId: 'b_1',
        day: DAY,
        distributorId: 'd_r1',
        type: 'member',
        add: { clicks: 2 },
      },
    ])
    expect(pick(deltas, 'link')).toEqual([{ counter: 'link', code: 'CODE1', add: { clicks: 2 } }])
  })

  it('counts a type change under the new type', () => {
    const deltas = counterDeltas(
      [click('c1')],
      new Map([['d_r1', { ring: 3, type: 'partner', ancestors: ['d_leaver', 'd_mgr'] }]]),
    )
    expect(pick(deltas, 'ringDay')).toMatchObject([{ ring: 3, type: 'partner', add: { clicks: 1 } }])
    expect(pick(deltas, 'distributorDay')).toMatchObject([{ type: 'partner' }])
  })

  it("falls back to the click's own fields for a distributor not in the lookup (or no lookup)", () => {
    const stored = counterDeltas([click('c1')])
    expect(counterDeltas([click('c1')], new Map([['d_other', moved]]))).toEqual(stored)
    expect(pick(stored, 'ringDay')).toMatchObject([{ ring: 3, type: 'member' }])
    expect(pick(stored, 'teamDay').map((d) => (d.counter === 'teamDay' ? d.distributorId : ''))).toEqual([
      'd_leaver',
      'd_mgr',
    ])
  })

  it('keeps a link counted where its distributor stood when it was created', () => {
    const link: TableChange = {
      eventName: 'INSERT',
      newImage: {
        entity: 'link',
        code: 'CODE1',
        brandId: 'b_1',
        distributorId: 'd_r1',
        ring: 3,
        type: 'member',
        createdAt: AT,
      },
    }
    expect(counterDeltas([link], new Map([['d_r1', moved]]))).toEqual([
      { counter: 'ringDay', brandId: 'b_1', day: DAY, ring: 3, type: 'member', add: { links: 1 } },
    ])
  })
})

describe('clickedDistributors', () => {
  it('lists the distinct distributors of inserted clicks only, sorted', () => {
    const order: TableChange = { eventName: 'INSERT', newImage: { entity: 'order', distributorId: 'd_a' } }
    const removed: TableChange = { eventName: 'REMOVE', oldImage: { entity: 'click', distributorId: 'd_b' } }
    expect(
      clickedDistributors([
        click('c1', 'd_z'),
        click('c2', 'd_r1'),
        click('c3', 'd_z'),
        order,
        removed,
        click('c4', ''),
      ]),
    ).toEqual(['d_r1', 'd_z'])
  })
})
