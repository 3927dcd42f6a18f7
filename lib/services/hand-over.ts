import { listBoundCustomers, moveBindings } from '../db/bindings'
import { countHandoverLoad } from '../db/handover-counts'
import { getDistributor, listRecruits } from '../db/distributors'
import {
  countCustomersMoved,
  countRecruitMoving,
  finishRecruitMove,
  finishRun,
  getHandover,
  startHandover,
} from '../db/handovers'
import { INTERNAL_TYPES, placementUnder } from '../domain/ring'
import { AppError, invalidField } from '../errors'
import type { Distributor } from '../schemas/distributor'
import type { Handover } from '../schemas/handover'
import { getDistributorOrThrow } from './distributor-or-throw'
import { isInTeamOf } from './update-distributor'
import { moveTeam } from './move-team'
import { REQUEST_BUDGET_MS, type RequestBudget, requestBudget } from './request-budget'

/** Bindings moved per transaction (plus the record's count: 100 items at most). */
const BINDINGS_PER_CHUNK = 99

const now = () => new Date().toISOString()

type Failures = Handover['recruitFailures']

/**
 * An employee or guide leaves: status `left` at once (they stop earning), then
 * their direct recruits move under the successor, each with its whole team of any
 * size (`moveTeam`, in chunks: the recruit first, counted in the same transaction,
 * then their team top-down), and their bound customers are rebound to the successor
 * in chunks, a transaction per chunk with each binding guarded by its holder.
 * Future orders of those customers credit the successor; past ledger entries
 * never change. Re-running resumes where a run stopped (time budget, a crash) and
 * a finished hand-over returns its record.
 */
export async function handOver(
  brandId: string,
  leaverId: string,
  successorId: string,
  budgetMs = REQUEST_BUDGET_MS,
): Promise<Handover> {
  // Every run makes some progress (a chunk of a team, a recruit, a page of customers) before it
  // checks its budget, so re-runs always finish, however small the budget.
  const budget = requestBudget(budgetMs)
  const leaver = await getDistributorOrThrow(brandId, leaverId)
  const existing = await readHandover(leaverId, successorId)
  if (existing?.status === 'done') return existing
  const successor = await getDistributorOrThrow(brandId, successorId, 'successorId')
  await decideHandover(leaver, successor, existing)
  const record = existing ?? (await startRecord(brandId, leaverId, successorId))

  const failures: Failures = []
  const stop = () => finishRun(leaverId, { status: 'in_progress', recruitFailures: failures, updatedAt: now() })
  if (!(await finishMovingTeam(leaverId, record.movingRecruitId, budget))) return stop()
  if (!(await moveRecruits(leaverId, successor, budget, failures))) return stop()
  if (!(await moveCustomers(leaverId, successorId, budget))) return stop()
  return finish(leaverId, failures)
}

/** The leaver's hand-over record, if any; one to another successor is a conflict. */
async function readHandover(leaverId: string, successorId: string): Promise<Handover | undefined> {
  const record = await getHandover(leaverId)
  if (record && record.successorId !== successorId) {
    throw new AppError({
      code: 'conflict',
      message: `${leaverId} already handed over to ${record.successorId}.`,
      reason: 'handover.already_done',
      params: { successor: record.successorId },
      fields: { successorId: { reason: 'handover.already_done', params: { successor: record.successorId } } },
    })
  }
  return record
}

/** Throws unless the leaver may leave (checked only on the first run) and the successor may take over. */
async function decideHandover(leaver: Distributor, successor: Distributor, record: Handover | undefined) {
  if (!record) {
    if (!INTERNAL_TYPES.includes(leaver.type)) throw invalidField('id', { reason: 'handover.not_staff' })
    if (leaver.status === 'left') throw new AppError({ code: 'conflict', message: `${leaver.id} has already left.` })
  }
  if (successor.id === leaver.id) throw invalidField('successorId', { reason: 'handover.same_person' })
  if (successor.status !== 'active')
    throw invalidField('successorId', { reason: 'handover.successor_inactive', params: { status: successor.status } })
  if (await isInTeamOf(leaver.id, successor))
    throw invalidField('successorId', {
      reason: 'handover.successor_in_team',
      params: { successor: successor.id, leaver: leaver.id },
    })
}

/** Writes a fresh in-progress record (the leaver stops earning); a rival start at the same moment is a conflict. */
async function startRecord(brandId: string, leaverId: string, successorId: string): Promise<Handover> {
  const fresh: Handover = {
    leaverId,
    successorId,
    brandId,
    status: 'in_progress',
    customersMoved: 0,
    recruitsMoved: 0,
    recruitFailures: [],
    startedAt: now(),
    updatedAt: now(),
  }
  const record = (await startHandover(fresh)) ? fresh : await getHandover(leaverId)
  if (!record || record.successorId !== successorId)
    throw new AppError({
      code: 'conflict',
      message: 'Another hand-over of this distributor started at the same moment; reload it.',
    })
  return record
}

/** Finishes a team an earlier run left halfway (a large one, a crash); its recruit already counts as moved. */
async function finishMovingTeam(leaverId: string, movingRecruitId: string | undefined, budget: RequestBudget) {
  if (!movingRecruitId) return true
  const moving = await getDistributor(movingRecruitId)
  if (moving && !(await moveTeam(moving, moving, { budget }))) return false
  await finishRecruitMove(leaverId, movingRecruitId)
  budget.did()
  return true
}

/**
 * Moves the direct recruits under the successor, each with its whole team in chunks; one that
 * cannot move is added to `failures`, not forced. False when the budget ran out first.
 */
async function moveRecruits(leaverId: string, successor: Distributor, budget: RequestBudget, failures: Failures) {
  let cursor: string | undefined
  do {
    const page = await listRecruits(leaverId, { cursor, limit: 50 })
    for (const listed of page.items) {
      if (budget.over()) return false
      const recruit = await getDistributor(listed.id)
      if (!recruit || recruit.parentId !== leaverId) continue // the index still lists a recruit that has moved
      try {
        const target = { ...recruit, ...placementUnder(successor, recruit.type) }
        const done = await moveTeam(recruit, target, {
          budget,
          withRoot: countRecruitMoving(leaverId, recruit.id, now()),
        })
        budget.did()
        if (!done) return false
        await finishRecruitMove(leaverId, recruit.id)
      } catch (err) {
        if (!(err instanceof AppError)) throw err
        failures.push({ distributorId: recruit.id, name: recruit.name, reason: err.message })
      }
    }
    cursor = page.nextCursor
  } while (cursor)
  return true
}

/** Rebinds the bound customers, a chunk per transaction, re-reading the index from where it stopped. */
async function moveCustomers(leaverId: string, successorId: string, budget: RequestBudget) {
  let cursor: string | undefined
  do {
    if (budget.over()) return false
    const page = await listBoundCustomers(leaverId, { cursor, limit: BINDINGS_PER_CHUNK })
    const held = page.items.filter((b) => b.distributorId === leaverId)
    if (held.length > 0)
      await moveBindings(held, leaverId, successorId, (n) => countCustomersMoved(leaverId, n, now()), now())
    budget.did()
    cursor = page.nextCursor
  } while (cursor)
  return true
}

/** Done when every recruit moved; blocked, with the recruits that could not move, otherwise. */
function finish(leaverId: string, failures: Failures): Promise<Handover> {
  const at = now()
  return finishRun(
    leaverId,
    failures.length > 0
      ? { status: 'blocked', recruitFailures: failures, updatedAt: at }
      : { status: 'done', recruitFailures: [], updatedAt: at, finishedAt: at },
  )
}

/**
 * What a leaver's hand-over would move (bound customers, direct recruits), for the confirmation that names it:
 * capped counts on the existing indexes, never a scan (lib/db/handover-counts.ts).
 */
export const handoverLoad = (leaverId: string) => countHandoverLoad(leaverId)
