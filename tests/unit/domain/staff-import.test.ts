import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { planImport, readStaffRows, typeFromCell, type StaffRow } from '../../../lib/domain/staff-import'

const rec = (line: number, ...cells: string[]) => ({ line, cells })

describe('readStaffRows', () => {
  it('maps Chinese or English headers in any order and ignores extra columns', () => {
    const r = readStaffRows([
      rec(1, '备注', '工号', '类型', '姓名', '部门'),
      rec(2, 'x', 'E1', '导购', '李雷', '静安店'),
    ])
    expect(r.rows).toEqual([
      { line: 2, name: '李雷', type: 'guide', externalId: 'E1', store: '静安店', recruiterExternalId: undefined },
    ])
  })

  it('knows every type word and code', () => {
    expect(
      [
        '员工',
        '导购',
        '线上客户代表',
        '线下客户代表',
        '会员',
        '异业合作',
        '媒体',
        'KOC',
        'online_rep',
        'Offline Rep',
        'PARTNER',
      ].map(typeFromCell),
    ).toEqual([
      'employee',
      'guide',
      'online_rep',
      'offline_rep',
      'member',
      'partner',
      'media',
      'member',
      'online_rep',
      'offline_rep',
      'partner',
    ])
    expect(typeFromCell('店员')).toBeUndefined()
  })

  it('refuses a name over 80 characters', () => {
    const r = readStaffRows([rec(1, 'name', 'type', 'external_id'), rec(2, 'x'.repeat(81), 'guide', 'E1')])
    expect(r.errors).toEqual([expect.objectContaining({ line: 2, field: 'name', reason: 'too_long' })])
  })
})

describe('planImport', () => {
  const row = (externalId: string, recruiterExternalId?: string, line = 0): StaffRow => ({
    line,
    name: externalId,
    type: 'guide',
    externalId,
    recruiterExternalId,
  })

  it('orders recruiters first whatever the file order, by level then line', () => {
    const { plan, errors } = planImport(
      [row('c', 'b', 2), row('b', 'a', 3), row('x', 'ext', 4), row('a', undefined, 5)],
      new Set(['ext']),
    )
    expect(errors).toEqual([])
    expect(plan.map((r) => [r.externalId, r.level])).toEqual([
      ['x', 0],
      ['a', 0],
      ['b', 1],
      ['c', 2],
    ])
  })

  it('refuses a cycle, a self-recruit, and the rows hanging below them', () => {
    const { plan, errors } = planImport(
      [row('a', 'b', 2), row('b', 'a', 3), row('s', 's', 4), row('d', 'a', 5), row('ok', undefined, 6)],
      new Set(),
    )
    expect(plan.map((r) => r.externalId)).toEqual(['ok'])
    expect(errors.map((e) => [e.line, e.reason])).toEqual([
      [2, 'recruiter_cycle'],
      [3, 'recruiter_cycle'],
      [4, 'recruiter_cycle'],
      [5, 'recruiter_invalid'],
    ])
  })

  it('for any recruiter graph: every row is planned or refused once, and each planned recruiter comes before its recruits', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.nat(40), { nil: undefined }), { minLength: 1, maxLength: 40 }), (parents) => {
        const rows = parents.map((p, i) => row(`r${i}`, p === undefined ? undefined : `r${p}`, i + 2))
        const { plan, errors } = planImport(rows, new Set())
        expect(plan.length + errors.length).toBe(rows.length)
        expect(new Set([...plan.map((r) => r.line), ...errors.map((e) => e.line)]).size).toBe(rows.length)
        const position = new Map(plan.map((r, i) => [r.externalId, i]))
        for (const r of plan) {
          if (!r.recruiterExternalId) continue
          expect(position.get(r.recruiterExternalId)).toBeLessThan(position.get(r.externalId)!)
        }
        // A row is planned exactly when following its recruiters reaches a row without one (no cycle, no unknown recruiter).
        for (const r of rows) {
          const seen = new Set<string>()
          let at: StaffRow | undefined = r
          while (at?.recruiterExternalId && !seen.has(at.externalId)) {
            seen.add(at.externalId)
            at = rows.find((x) => x.externalId === at!.recruiterExternalId)
          }
          const reachesRoot = !!at && !at.recruiterExternalId
          expect(position.has(r.externalId), r.externalId).toBe(reachesRoot)
        }
      }),
    )
  })
})
