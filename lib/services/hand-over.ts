import { listBoundCustomers, moveBindings } from '../db/bindings'
import { listRecruits } from '../db/distributors'
import { countCustomersMoved, countRecruitMoved, finishRun, getHandover, startHandover } from '../db/handovers'
import { INTERNAL_TYPES } from '../domain/ring'
import { AppError, invalidField } from '../http/errors'
import type { Handover } from '../schemas/handover'
import { getDistributorOrThrow } from './distributor-or-throw'
import { isInTeamOf, updateDistributor } from './update-distributor'
import { REQUEST_BUDGET_MS } from './request-budget'

/** Bindings moved per transaction (plus the record's count: 100 items at most). */
const BINDINGS_PER_CHUNK = 99
export const DEFAULT_HANDOVER_BUDGET_MS = REQUEST_BUDGET_MS

/**
 * An employee or guide leaves: status `left` at once (they stop earning), then
 * their direct recruits move under the successor, each with its whole team (the
 * existing subtree move), and their bound customers are rebound to the successor
 * in chunks, a transaction per chunk with each binding guarded by its holder.
 * Future orders of those customers credit the successor; past ledger entries
 * never change. Re-running resumes where a run stopped (time budget, a crash) and
 * a finished hand-over returns its record.
 */
export async function handOver(brandId: string, leaverId: string, successorId: string, budgetMs = DEFAULT_HANDOVER_BUDGET_MS): Promise<Handover> {
  const started = Date.now()
  const leaver = await getDistributorOrThrow(brandId, leaverId)
  let record = await getHandover(leaverId)
  if (record && record.successorId !== successorId) {
    throw new AppError({ code: 'conflict', message: `${leaverId} already handed over to ${record.successorId}.`, fields: { successorId: `Already handed over to ${record.successorId}.` } })
  }
  if (record?.status === 'done') return record
  const successor = await getDistributorOrThrow(brandId, successorId, 'successorId')
  if (!record) {
    if (!INTERNAL_TYPES.includes(leaver.type)) throw invalidField('id', 'Only the brand\'s own staff (employees, guides, customer reps) leave with a hand-over; suspend other distributors instead.')
    if (leaver.status === 'left') throw new AppError({ code: 'conflict', message: `${leaverId} has already left.` })
  }
  if (successor.id === leaver.id) throw invalidField('successorId', 'The successor must be someone else.')
  if (successor.status !== 'active') throw invalidField('successorId', `The successor must be active (they are ${successor.status}).`)
  if (await isInTeamOf(leaver.id, successor)) throw invalidField('successorId', `${successor.id} is in ${leaver.id}'s own team; pick someone outside it.`)

  const now = () => new Date().toISOString()
  if (!record) {
    const fresh: Handover = { leaverId, successorId, brandId, status: 'in_progress', customersMoved: 0, recruitsMoved: 0, recruitFailures: [], startedAt: now(), updatedAt: now() }
    record = (await startHandover(fresh)) ? fresh : await getHandover(leaverId)
    if (!record || record.successorId !== successorId) throw new AppError({ code: 'conflict', message: 'Another hand-over of this distributor started at the same moment; reload it.' })
  }
  const overBudget = () => Date.now() - started > budgetMs

  // Direct recruits, each moved with its team; one whose team is too large for one move is reported, not forced.
  const failures: Handover['recruitFailures'] = []
  let cursor: string | undefined
  do {
    const page = await listRecruits(leaverId, { cursor, limit: 50 })
    for (const recruit of page.items) {
      if (overBudget()) return finishRun(leaverId, { status: 'in_progress', recruitFailures: failures, updatedAt: now() })
      try {
        await updateDistributor(brandId, recruit.id, { parentId: successorId })
        await countRecruitMoved(leaverId, now())
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
    if (overBudget()) return finishRun(leaverId, { status: 'in_progress', recruitFailures: failures, updatedAt: now() })
    const page = await listBoundCustomers(leaverId, { cursor, limit: BINDINGS_PER_CHUNK })
    const held = page.items.filter((b) => b.distributorId === leaverId)
    if (held.length > 0) await moveBindings(held, leaverId, successorId, (n) => countCustomersMoved(leaverId, n, now()), now())
    cursor = page.nextCursor
  } while (cursor)

  const at = now()
  return finishRun(leaverId, failures.length > 0 ? { status: 'blocked', recruitFailures: failures, updatedAt: at } : { status: 'done', recruitFailures: [], updatedAt: at, finishedAt: at })
}
