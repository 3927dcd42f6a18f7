import { getDistributor, updateDistributorFields } from '../db/distributors'
import { INTERNAL_TYPES, MAX_ANCESTORS, placementUnder } from '../domain/ring'
import { wouldCycle } from '../domain/team'
import { AppError, invalidField } from '../errors'
import type { Distributor, DistributorStatus, DistributorType } from '../schemas/distributor'
import { getDistributorOrThrow } from './distributor-or-throw'
import { moveTeam } from './move-team'
import { signOutDistributor } from './sessions'
import { setPayout } from './set-payout'
import type { PayoutDetails } from '../schemas/payout'
import { changeDistributorPhone } from '../db/phones'

export interface DistributorChanges {
  name?: string
  type?: DistributorType
  status?: DistributorStatus
  store?: string | null
  payeeReference?: string | null
  /** E.164, or null to remove it; its claim changes in the record's own transaction (lib/db/phones.ts). */
  phone?: string | null
  parentId?: string | null
  payout?: PayoutDetails
}

/**
 * Applies a PATCH. Name and status change in place. A new recruiter, or a type
 * change that moves a root between circles, moves the whole team below: every
 * member's ancestors, depth and ring, and every recruiter's team counts, in one
 * transaction. A team too large for one transaction is refused (422 on parentId)
 * rather than moved in chunks behind an "in progress" answer: PATCH stays all or
 * nothing, and the one move that must take any team, a leaving staff member's, is
 * the resumable hand-over (`handOver`, which re-runs `moveTeam` in chunks).
 * Leaving is not a status change here (`refuseLeavingByPatch`).
 */
export async function updateDistributor(
  brandId: string,
  id: string,
  changes: DistributorChanges,
): Promise<Distributor> {
  const read = await getDistributorOrThrow(brandId, id)
  refuseLeavingByPatch(read, changes.status)
  // Payout details go to their own sealed item (set-payout.ts); the record keeps the masked form.
  if (changes.payout) read.payout = await setPayout(brandId, id, changes.payout)
  const phoneChanges = changes.phone !== undefined && changes.phone !== (read.phone ?? null)
  if (phoneChanges) await changeDistributorPhone(brandId, id, read.phone, changes.phone ?? null)
  const current: Distributor = phoneChanges ? { ...read, phone: changes.phone ?? undefined } : read
  // Suspended (or set back to pending): their sessions end for good, not just while suspended (sessions.ts).
  // Stamped after the write, which may Put the whole record (a move) from `current`, read before the stamp.
  const signsOut = !!changes.status && changes.status !== 'active' && current.status === 'active'
  const stamped = async (d: Distributor) => (signsOut ? { ...d, sessionsNotBefore: await signOutDistributor(id) } : d)
  const parentId = changes.parentId === undefined ? current.parentId : changes.parentId
  const type = changes.type ?? current.type
  const parent = parentId ? await getDistributorOrThrow(brandId, parentId, 'parentId') : null
  if (parent && (await isInTeamOf(current.id, parent))) {
    throw invalidField('parentId', { reason: 'distributor.cycle', params: { parent: parent.id, child: current.id } })
  }
  const placement = placementUnder(parent, type)
  const moves = placement.parentId !== current.parentId || placement.ring !== current.ring
  if (!moves) {
    const fields = {
      name: changes.name,
      status: changes.status,
      type: changes.type,
      store: changes.store,
      payeeReference: changes.payeeReference,
    }
    if (Object.values(fields).every((v) => v === undefined)) return current
    return stamped(await updateDistributorFields(id, fields))
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
  await moveTeam(current, root, { oneTransaction: true })
  return stamped(root)
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
    throw new AppError({
      code: 'invalid_input',
      message: `Status left cannot be set here. ${how}`,
      reason: 'distributor.cannot_set_left',
      fields: { status: { reason: 'distributor.cannot_set_left', text: `Status left cannot be set here. ${how}` } },
    })
  }
  if (current.status === 'left') {
    throw new AppError({
      code: 'conflict',
      message: `${current.id} has left (their hand-over: ${leaveRoute}); their status no longer changes. Add them again as a new distributor instead.`,
      reason: 'distributor.left_status',
      fields: { status: { reason: 'distributor.left_status' } },
    })
  }
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
