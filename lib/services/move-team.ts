import { listRecruits, MAX_MOVE_MEMBERS, writeMove } from '../db/distributors'
import { MAX_TRANSACT_ITEMS, type TransactItem } from '../db/transact'
import { placementUnder } from '../domain/ring'
import { moveDeltas } from '../domain/team'
import { AppError, invalidField } from '../errors'
import type { Distributor } from '../schemas/distributor'
import type { RequestBudget } from './request-budget'

export interface MoveTeamOptions {
  /**
   * Refuse (422 on parentId) a team that does not fit one transaction, before
   * writing anything: PATCH moves all or nothing.
   */
  oneTransaction?: boolean
  /** The request's time budget: a run stops between chunks once it is spent; each run still writes at least one chunk, so re-runs always progress. */
  budget?: RequestBudget
  /** Written in the transaction that moves the root, and only then (a hand-over's count of moved recruits). */
  withRoot?: TransactItem
}

/** Parents whose recruits are listed at once while walking a level. */
const PARALLEL_LISTS = 10

type Move = { before: Distributor; after: Distributor }

/**
 * Moves `before` to `root` (its new placement, and any other changed field) and
 * rewrites its team below, top-down and level by level, each member placed under
 * its recruiter's new placement. Each chunk of at most MAX_MOVE_MEMBERS members is
 * one transaction with the team counts of exactly those members (`moveDeltas`),
 * so counts are always right for what is stored, however the move is cut.
 *
 * Resumable: a member already placed under its recruiter's current placement is
 * skipped (its team is still walked), so calling again with the stored root as
 * both `before` and `root` finishes a move that stopped at its budget or crashed.
 * Returns true when the whole team is placed; false when it stopped at the
 * budget or a guard failed (someone moved a member meanwhile): call again.
 * @example if (!(await moveTeam(current, { ...current, ...placementUnder(successor, current.type) }, { budget }))) return 'in_progress'
 */
export async function moveTeam(before: Distributor, root: Distributor, opts: MoveTeamOptions = {}): Promise<boolean> {
  let chunk: Move[] = []
  let extra: TransactItem[] = []
  const fits = (moves: Move[]) =>
    moves.length <= MAX_MOVE_MEMBERS && moves.length + moveDeltas(moves).size + extra.length <= MAX_TRANSACT_ITEMS
  /** Writes the chunk; false when a guard failed. */
  const flush = async (): Promise<boolean> => {
    if (chunk.length === 0) return true
    const ok = await writeMove(chunk, moveDeltas(chunk), extra)
    if (!ok && opts.oneTransaction)
      throw new AppError({ code: 'conflict', message: 'The team changed while it was being moved; retry.' })
    chunk = []
    extra = []
    if (ok) opts.budget?.did()
    return ok
  }

  if (changed(before, root)) {
    chunk.push({ before, after: root })
    if (opts.withRoot) extra.push(opts.withRoot)
  }
  for (let level: Distributor[] = [root]; level.length > 0; ) {
    const next: Distributor[] = []
    for (const [parent, recruits] of await recruitsOfEach(level)) {
      for (const member of recruits) {
        const after = { ...member, ...placementUnder(parent, member.type) }
        next.push(after)
        if (samePlacement(member, after)) continue
        const move = { before: member, after }
        if (!fits([...chunk, move])) {
          if (opts.oneTransaction) throw tooLarge()
          if (!(await flush()) || opts.budget?.over()) return false
        }
        chunk.push(move)
      }
    }
    level = next
  }
  return flush()
}

const samePlacement = (a: Distributor, b: Distributor): boolean =>
  a.parentId === b.parentId &&
  a.depth === b.depth &&
  a.ring === b.ring &&
  a.ancestors.length === b.ancestors.length &&
  a.ancestors.every((id, i) => b.ancestors[i] === id)

/** True when the root itself is rewritten: a new placement, or other fields a PATCH changes with it. */
const changed = (a: Distributor, b: Distributor): boolean => JSON.stringify(a) !== JSON.stringify(b)

const tooLarge = () =>
  invalidField('parentId', {
    reason: 'distributor.team_too_big',
    params: { maximum: MAX_MOVE_MEMBERS - 1 },
    text: `The team below is over ${MAX_MOVE_MEMBERS - 1} people, more than one change can move at once; move its sub-teams first. A leaving staff member's recruits move with teams of any size through POST /api/distributors/{id}/leave.`,
  })

/** Every recruit of each parent (all pages), a few parents at a time. */
async function recruitsOfEach(parents: Distributor[]): Promise<Array<[Distributor, Distributor[]]>> {
  const out: Array<[Distributor, Distributor[]]> = []
  for (let i = 0; i < parents.length; i += PARALLEL_LISTS) {
    const batch = parents.slice(i, i + PARALLEL_LISTS)
    out.push(
      ...(await Promise.all(
        batch.map(async (p): Promise<[Distributor, Distributor[]]> => [p, await allRecruits(p.id)]),
      )),
    )
  }
  return out
}

async function allRecruits(parentId: string): Promise<Distributor[]> {
  const out: Distributor[] = []
  let cursor: string | undefined
  do {
    const page = await listRecruits(parentId, { cursor, limit: 100 })
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}
