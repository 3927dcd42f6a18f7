import { listBoundCustomers, moveBindings } from '../db/bindings'
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
import type { Handover } from '../schemas/handover'
import { getDistributorOrThrow } from './distributor-or-throw'
import { isInTeamOf } from './update-distributor'
import { moveTeam } from './move-team'
import { REQUEST_BUDGET_MS, requestBudget } from './request-budget'

/** Bindings moved per transaction (plus the record's count: 100 items at most). */
const BINDINGS_PER_CHUNK = 99

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
  let record = await getHandover(leaverId)
  if (record && record.successorId !== successorId) {
    throw new AppError({
      code: 'conflict',
      message: `${leaverId} already handed over to ${record.successorId}.`,
      fields: { successorId: `Already handed over to ${record.successorId}.` },
    })
  }
  if (record?.status === 'done') return record
  const successor = await getDistributorOrThrow(brandId, successorId, 'successorId')
  if (!record) {
    if (!INTERNAL_TYPES.includes(leaver.type))
      throw invalidField(
        'id',
        "Only the brand's own staff (employees, guides, customer reps) leave with a hand-over; suspend other distributors instead.",
      )
    if (leaver.status === 'left') throw new AppError({ code: 'conflict', message: `${leaverId} has already left.` })
  }
  if (successor.id === leaver.id) throw invalidField('successorId', 'The successor must be someone else.')
  if (successor.status !== 'active')
    throw invalidField('successorId', `The successor must be active (they are ${successor.status}).`)
  if (await isInTeamOf(leaver.id, successor))
    throw invalidField('successorId', `${successor.id} is in ${leaver.id}'s own team; pick someone outside it.`)

  const now = () => new Date().toISOString()
  if (!record) {
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
    record = (await startHandover(fresh)) ? fresh : await getHandover(leaverId)
    if (!record || record.successorId !== successorId)
      throw new AppError({
        code: 'conflict',
        message: 'Another hand-over of this distributor started at the same moment; reload it.',
      })
  }
  const failures: Handover['recruitFailures'] = []
  const stop = () => finishRun(leaverId, { status: 'in_progress', recruitFailures: failures, updatedAt: now() })

  // A team an earlier run left halfway (a large one, a crash) is finished first; its recruit already counts as moved.
  if (record.movingRecruitId) {
    const moving = await getDistributor(record.movingRecruitId)
    if (moving && !(await moveTeam(moving, moving, { budget }))) return stop()
    await finishRecruitMove(leaverId, record.movingRecruitId)
    budget.did()
  }

  // Direct recruits, each moved with its whole team in chunks; one that cannot move is reported, not forced.
  let cursor: string | undefined
  do {
    const page = await listRecruits(leaverId, { cursor, limit: 50 })
    for (const listed of page.items) {
      if (budget.over()) return stop()
      const recruit = await getDistributor(listed.id)
      if (!recruit || recruit.parentId !== leaverId) continue // the index still lists a recruit that has moved
      try {
        const target = { ...recruit, ...placementUnder(successor, recruit.type) }
        const done = await moveTeam(recruit, target, {
          budget,
          withRoot: countRecruitMoving(leaverId, recruit.id, now()),
        })
        budget.did()
        if (!done) return stop()
        await finishRecruitMove(leaverId, recruit.id)
      } catch (err) {
        if (!(err instanceof AppError)) throw err
        failures.push({ distributorId: recruit.id, name: recruit.name, reason: err.message })
      }
    }
    cursor = page.nextCursor
  } while (cursor)

  // Bound customers, a chunk per transaction; the index page is re-read from where it stopped.
  cursor = undefined
  do {
    if (budget.over()) return stop()
    const page = await listBoundCustomers(leaverId, { cursor, limit: BINDINGS_PER_CHUNK })
    const held = page.items.filter((b) => b.distributorId === leaverId)
    if (held.length > 0)
      await moveBindings(held, leaverId, successorId, (n) => countCustomersMoved(leaverId, n, now()), now())
    budget.did()
    cursor = page.nextCursor
  } while (cursor)

  const at = now()
  return finishRun(
    leaverId,
    failures.length > 0
      ? { status: 'blocked', recruitFailures: failures, updatedAt: at }
      : { status: 'done', recruitFailures: [], updatedAt: at, finishedAt: at },
  )
}
