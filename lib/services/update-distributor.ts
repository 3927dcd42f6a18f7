import { getDistributor, listRecruits, MAX_MOVE_MEMBERS, updateDistributorFields, writeMove } from '../db/distributors'
import { INTERNAL_TYPES, MAX_ANCESTORS, placementUnder } from '../domain/ring'
import { teamDeltas, wouldCycle } from '../domain/team'
import { AppError, invalidField } from '../http/errors'
import type { Distributor, DistributorStatus, DistributorType } from '../schemas/distributor'
import { getDistributorOrThrow } from './distributor-or-throw'

export interface DistributorChanges {
  name?: string
  type?: DistributorType
  status?: DistributorStatus
  store?: string | null
  payeeReference?: string | null
  parentId?: string | null
}

/**
 * Applies a PATCH. Name and status change in place. A new recruiter, or a type
 * change that moves a root between circles, moves the whole team below: every
 * member's ancestors, depth and ring, and every recruiter's team counts, in one
 * transaction. Leaving is not a status change here (`refuseLeavingByPatch`).
 */
export async function updateDistributor(brandId: string, id: string, changes: DistributorChanges): Promise<Distributor> {
  const current = await getDistributorOrThrow(brandId, id)
  refuseLeavingByPatch(current, changes.status)
  const parentId = changes.parentId === undefined ? current.parentId : changes.parentId
  const type = changes.type ?? current.type
  const parent = parentId ? await getDistributorOrThrow(brandId, parentId, 'parentId') : null
  if (parent && (await isInTeamOf(current.id, parent))) {
    throw invalidField('parentId', `${parent.id} is in ${current.id}'s own team; that would make a cycle.`)
  }
  const placement = placementUnder(parent, type)
  const moves = placement.parentId !== current.parentId || placement.ring !== current.ring
  if (!moves) {
    const fields = { name: changes.name, status: changes.status, type: changes.type, store: changes.store, payeeReference: changes.payeeReference }
    if (Object.values(fields).every((v) => v === undefined)) return current
    return updateDistributorFields(id, fields)
  }

  const root: Distributor = {
    ...current,
    ...placement,
    type,
    name: changes.name ?? current.name,
    status: changes.status ?? current.status,
    store: changes.store === null ? undefined : (changes.store ?? current.store),
    payeeReference: changes.payeeReference === null ? undefined : (changes.payeeReference ?? current.payeeReference),
  }
  const members = await collectTeam(current)
  const moved = [{ before: current, after: root }]
  const placed = new Map<string, Distributor>([[root.id, root]])
  const levelCounts = [1]
  for (const m of members) {
    const newParent = placed.get(m.member.parentId ?? '')
    if (!newParent) continue
    const after = { ...m.member, ...placementUnder(newParent, m.member.type) }
    placed.set(after.id, after)
    moved.push({ before: m.member, after })
    levelCounts[m.level] = (levelCounts[m.level] ?? 0) + 1
  }
  const ok = await writeMove(moved, teamDeltas(current.ancestors, placement.ancestors, levelCounts))
  if (!ok) throw new AppError({ code: 'conflict', message: 'The team changed while it was being moved; retry.' })
  return root
}

/**
 * Status `left` belongs to the hand-over (POST /api/distributors/:id/leave), which
 * sets it together with moving the leaver's bound customers and direct recruits to a
 * successor; set by PATCH it would strand them under someone who no longer earns.
 * The reverse is refused too: a leaver's customers and team have gone to the
 * successor and their hand-over record stays, so a returning employee is a new
 * distributor (a re-activated one would come back without them, and could never hand
 * over again). Sending `left` for someone who already left changes nothing and passes,
 * so a client that echoes the whole record is not refused; name, store and payee
 * reference still change (finance may need the payee to settle what they earned).
 */
function refuseLeavingByPatch(current: Distributor, status: DistributorStatus | undefined): void {
  if (status === undefined || status === current.status) return
  const leaveRoute = `POST /api/distributors/${current.id}/leave`
  if (status === 'left') {
    const how = INTERNAL_TYPES.includes(current.type)
      ? `Use ${leaveRoute} with a successorId: it sets status left and hands their customers and recruits to the successor.`
      : `Only the brand's own staff leave, through ${leaveRoute}; suspend a ${current.type} instead.`
    throw invalidField('status', `Status left cannot be set here. ${how}`)
  }
  if (current.status === 'left') {
    throw new AppError({
      code: 'conflict',
      message: `${current.id} has left (their hand-over: ${leaveRoute}); their status no longer changes. Add them again as a new distributor instead.`,
      fields: { status: 'A distributor who left cannot change status; add them again as a new distributor.' },
    })
  }
}

/** The team below a distributor, breadth first, refusing teams too large for one transaction. */
async function collectTeam(root: Distributor): Promise<Array<{ member: Distributor; level: number }>> {
  const out: Array<{ member: Distributor; level: number }> = []
  let frontier = [root]
  for (let level = 1; frontier.length > 0; level++) {
    const next: Distributor[] = []
    for (const parent of frontier) {
      let cursor: string | undefined
      do {
        const page = await listRecruits(parent.id, { cursor, limit: 100 })
        for (const member of page.items) {
          out.push({ member, level })
          next.push(member)
        }
        if (out.length + 1 > MAX_MOVE_MEMBERS) {
          throw invalidField('parentId', `The team below is over ${MAX_MOVE_MEMBERS - 1} people; move its sub-teams first.`)
        }
        cursor = page.nextCursor
      } while (cursor)
    }
    frontier = next
  }
  return out
}

/**
 * True when `candidate` sits in `nodeId`'s team. Ancestor lists are capped at
 * 10, so a deep chain is followed upward 10 levels at a time.
 */
export async function isInTeamOf(nodeId: string, candidate: Distributor): Promise<boolean> {
  let cursor: Distributor | undefined = candidate
  for (let hops = 0; cursor && hops < 100; hops++) {
    if (wouldCycle(nodeId, cursor)) return true
    if (cursor.ancestors.length < MAX_ANCESTORS) return false
    cursor = await getDistributor(cursor.ancestors[MAX_ANCESTORS - 1] ?? '')
  }
  return false
}
