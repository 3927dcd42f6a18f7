import { createHash } from 'node:crypto'
import { ownersOfExternalIds } from '../db/external-ids'
import { createDistributor } from '../db/distributors'
import { createDistributorsTogether, fitsOneTransaction, getDistributorsConsistently } from '../db/distributors-import'
import { placementUnder } from '../domain/ring'
import { teamDeltas, type TeamCounts } from '../domain/team'
import type { ImportError, ImportErrorParams, PlannedRow } from '../domain/staff-import'
import type { Distributor } from '../schemas/distributor'
import { AppError } from '../errors'
import { newInviteCode, recruiterOf } from './create-distributor'
import { updateDistributor, type DistributorChanges } from './update-distributor'

export interface SliceOutcome {
  created: number
  updated: number
  unchanged: number
  failures: ImportError[]
}

/** Records a row that could not be written: the message in both languages, and what it names for a page to word. */
type Fail = (r: PlannedRow, message: string, params: ImportErrorParams) => void

/** The row's recruiter failed to write, so the row cannot be placed. */
const recruiterNotImported = (fail: Fail, r: PlannedRow) =>
  fail(r, `推荐人 ${r.recruiterExternalId} 未能导入。The recruiter ${r.recruiterExternalId} was not imported.`, {
    recruiter: r.recruiterExternalId,
  })

/** Updates of existing rows in flight at once: each is a read and a write or a small transaction. */
const UPDATE_CONCURRENCY = 8

/** An imported row's id, derived from the brand and external id: a retried create can only collide with itself. */
const importedId = (brandId: string, externalId: string) =>
  `d_${createHash('sha256').update(`${brandId}:ext:${externalId}`).digest('base64url').slice(0, 14)}`

/**
 * Writes one slice of planned rows (recruiters-first, so each row's recruiter is
 * already stored or earlier in the slice). New rows go in as few transactions as
 * fit (distributor, invite code, external id claim, recruiters' team counts);
 * existing rows (same external id) get their name, store, type and recruiter updated.
 */
export async function writeSlice(brandId: string, rows: readonly PlannedRow[]): Promise<SliceOutcome> {
  const out: SliceOutcome = { created: 0, updated: 0, unchanged: 0, failures: [] }
  const ids = [...new Set(rows.flatMap((r) => [r.externalId, r.recruiterExternalId ?? '']).filter(Boolean))]
  const owners = await ownersOfExternalIds(brandId, ids)
  const stored = await getDistributorsConsistently([...new Set(owners.values())])
  const placed = new Map<string, Distributor>()
  for (const d of stored) if (d.brandId === brandId && d.externalId) placed.set(d.externalId, d)
  const existed = new Set(placed.keys())
  const fail: Fail = (r, message, params) =>
    out.failures.push({ line: r.line, field: '_', reason: 'write_failed', message, params })

  // Level by level: a row's recruiter is created or moved before the row itself is written.
  for (const level of [...new Set(rows.map((r) => r.level))]) {
    const atLevel = rows.filter((r) => r.level === level)
    await createRows(
      brandId,
      atLevel.filter((r) => !existed.has(r.externalId)),
      placed,
      out,
      fail,
    )
    await pool(
      atLevel.filter((r) => existed.has(r.externalId)),
      UPDATE_CONCURRENCY,
      (r) => updateRow(brandId, r, placed, out, fail),
    )
  }
  return out
}

/** An existing row (same external id): name, store, type and a named recruiter brought in line with the file. */
async function updateRow(
  brandId: string,
  r: PlannedRow,
  placed: Map<string, Distributor>,
  out: SliceOutcome,
  fail: Fail,
) {
  const current = placed.get(r.externalId)!
  const parent = r.recruiterExternalId ? placed.get(r.recruiterExternalId) : undefined
  if (r.recruiterExternalId && !parent) return recruiterNotImported(fail, r)
  const changes: DistributorChanges = {}
  if (r.name !== current.name) changes.name = r.name
  if (r.store && r.store !== current.store) changes.store = r.store
  if (r.type !== current.type) changes.type = r.type
  if (r.phone && r.phone !== current.phone) changes.phone = r.phone
  if (parent && parent.id !== current.parentId) changes.parentId = parent.id
  if (Object.keys(changes).length === 0) return void out.unchanged++
  try {
    placed.set(r.externalId, await updateDistributor(brandId, current.id, changes))
    out.updated++
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    fail(r, err.message, { detail: err.message })
  }
}

/** New rows, grouped into transactions in plan order; a group that fails a condition is retried row by row. */
async function createRows(
  brandId: string,
  rows: readonly PlannedRow[],
  placed: Map<string, Distributor>,
  out: SliceOutcome,
  fail: Fail,
) {
  let group: Array<{ row: PlannedRow; d: Distributor }> = []
  let deltas = new Map<string, TeamCounts>()
  const flush = async () => {
    if (group.length === 0) return
    const ok = await createDistributorsTogether(
      group.map((g) => g.d),
      deltas,
    )
    if (ok) out.created += group.length
    else for (const g of group) await createOne(g.row, g.d, placed, out, fail)
    group = []
    deltas = new Map()
  }
  for (const row of rows) {
    const parentOf = () => (row.recruiterExternalId ? placed.get(row.recruiterExternalId) : null)
    const placement = placementUnder(parentOf() ?? null, row.type)
    const own = teamDeltas([], placement.ancestors, [1])
    // A full group is written first (its outcome could decide whether this row's recruiter exists).
    if (!fitsOneTransaction(group.length + 1, mergeDeltas(deltas, own).size)) await flush()
    if (parentOf() === undefined) {
      recruiterNotImported(fail, row)
      continue
    }
    deltas = mergeDeltas(deltas, own)
    const parent = parentOf()
    const d: Distributor = {
      id: importedId(brandId, row.externalId),
      brandId,
      name: row.name,
      type: row.type,
      status: 'active',
      externalId: row.externalId,
      store: row.store,
      phone: row.phone,
      ...placement,
      inviteCode: newInviteCode(),
      joinedAt: new Date().toISOString(),
      // Counted as a recruit of their recruiter, exactly as a join through the API is.
      recruiter: recruiterOf(parent),
    }
    group.push({ row, d })
    // Placed now so its recruits later in the slice can be placed under it; removed again if its write fails.
    placed.set(row.externalId, d)
  }
  await flush()
}

/** One row on its own: a fresh invite code on a clash; an external id someone else just claimed counts as a failure to retry. */
async function createOne(
  row: PlannedRow,
  d: Distributor,
  placed: Map<string, Distributor>,
  out: SliceOutcome,
  fail: Fail,
) {
  const parent = row.recruiterExternalId ? placed.get(row.recruiterExternalId) : null
  if (parent === undefined) return recruiterNotImported(fail, row)
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = { ...d, inviteCode: attempt === 0 ? d.inviteCode : newInviteCode() }
    const result = await createDistributor(candidate, teamDeltas([], d.ancestors, [1]))
    if (result.created) {
      out.created++
      placed.set(row.externalId, candidate)
      return
    }
    if (result.reason === 'phone_taken') {
      placed.delete(row.externalId)
      return fail(
        row,
        `手机号 ${row.phone} 已属于分销员 ${result.holderId}。The phone number already belongs to ${result.holderId}.`,
        {},
      )
    }
    if (result.reason !== 'invite_taken') break
  }
  placed.delete(row.externalId)
  fail(
    row,
    `工号 ${row.externalId} 正被同时创建，请重新导入。External id ${row.externalId} was being created at the same time; import again.`,
    { value: row.externalId },
  )
}

function mergeDeltas(a: Map<string, TeamCounts>, b: Map<string, TeamCounts>): Map<string, TeamCounts> {
  const out = new Map<string, TeamCounts>([...a].map(([k, v]) => [k, { ...v }]))
  for (const [id, d] of b) {
    const cur = out.get(id) ?? {}
    for (const [level, n] of Object.entries(d)) cur[Number(level)] = (cur[Number(level)] ?? 0) + n
    out.set(id, cur)
  }
  return out
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!)
  })
  await Promise.all(runners)
}
