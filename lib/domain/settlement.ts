import { daySpan, monthSpan } from './time-zone'
/** One distributor's share of a batch: what the close decided and why. */
export interface SettlementLine {
  distributorId: string
  /** Sum of positive entries (commissions). */
  gross: number
  /** Sum of negative entries (reversals and adjustments), a negative number or 0. */
  reversals: number
  net: number
  entries: number
  carriedForward: boolean
  reason?: 'below_threshold' | 'negative'
}

/** Running sums per distributor while a close reads the available entries. */
export type Tally = Map<string, { gross: number; reversals: number; entries: number }>

/** Adds one entry to the tally (pure, so the close's arithmetic is property-testable). */
export function addToTally(tally: Tally, e: { distributorId: string; amount: number }): void {
  const t = tally.get(e.distributorId) ?? { gross: 0, reversals: 0, entries: 0 }
  if (e.amount >= 0) t.gross += e.amount
  else t.reversals += e.amount
  t.entries++
  tally.set(e.distributorId, t)
}

/**
 * Two tallies added up, distributor by distributor, as a new tally (neither is
 * changed). Associative and commutative, so a close may tally its shards in any
 * order and in any grouping and merge them after.
 * @example mergeTallies(new Map([['d1', { gross: 5, reversals: 0, entries: 1 }]]), new Map([['d1', { gross: 0, reversals: -2, entries: 1 }]])) → d1: { gross: 5, reversals: -2, entries: 2 }
 */
export function mergeTallies(a: Tally, b: Tally): Tally {
  const out: Tally = new Map([...a].map(([d, t]) => [d, { ...t }]))
  for (const [d, t] of b) {
    const m = out.get(d) ?? { gross: 0, reversals: 0, entries: 0 }
    out.set(d, { gross: m.gross + t.gross, reversals: m.reversals + t.reversals, entries: m.entries + t.entries })
  }
  return out
}

/**
 * The batch's lines: a distributor whose net is negative, or below the brand's
 * payout threshold, is carried forward (their entries stay available for the
 * next batch); everyone else is settled. Sorted by distributor id for stable exports.
 * @example linesFrom(tally, 1000) → [{ distributorId: 'd1', net: 800, carriedForward: true, reason: 'below_threshold' }]
 */
export function linesFrom(tally: Tally, payoutThreshold: number): SettlementLine[] {
  return [...tally.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([distributorId, t]) => {
      const net = t.gross + t.reversals
      const reason = net < 0 ? 'negative' : net < payoutThreshold || net === 0 ? 'below_threshold' : undefined
      return {
        distributorId,
        gross: t.gross,
        reversals: t.reversals,
        net,
        entries: t.entries,
        carriedForward: reason !== undefined,
        ...(reason ? { reason } : {}),
      }
    })
}

/**
 * The lines of what a batch has already moved: each distributor with settled
 * entries is paid in it, threshold or not (the money has moved). Restates a
 * batch whose plan did not list its entries (planned by an older release) from
 * its ledger movement; `carried` are the plan's carried-forward lines, kept, and
 * `planned` the distributors the plan settled, zeroed (and carried) if nothing of theirs moved.
 * @example movedLines(new Map([['d1', { gross: 300, reversals: 0, entries: 1 }]]), [], []) → [{ distributorId: 'd1', net: 300, carriedForward: false, … }]
 */
export function movedLines(
  moved: Tally,
  carried: readonly SettlementLine[],
  planned: readonly string[],
): SettlementLine[] {
  const out = new Map<string, SettlementLine>()
  for (const l of carried) out.set(l.distributorId, l)
  for (const d of planned)
    if (!moved.has(d) && !out.has(d))
      out.set(d, {
        distributorId: d,
        gross: 0,
        reversals: 0,
        net: 0,
        entries: 0,
        carriedForward: true,
        reason: 'below_threshold',
      })
  for (const [d, t] of moved)
    out.set(d, {
      distributorId: d,
      gross: t.gross,
      reversals: t.reversals,
      net: t.gross + t.reversals,
      entries: t.entries,
      carriedForward: false,
    })
  return [...out.values()].sort((a, b) =>
    a.distributorId < b.distributorId ? -1 : a.distributorId > b.distributorId ? 1 : 0,
  )
}

/** Totals of the settled lines (carried-forward lines are not paid in this batch). */
export function batchTotals(lines: readonly SettlementLine[]) {
  const settled = lines.filter((l) => !l.carriedForward)
  return {
    distributors: settled.length,
    gross: settled.reduce((s, l) => s + l.gross, 0),
    reversals: settled.reduce((s, l) => s + l.reversals, 0),
    net: settled.reduce((s, l) => s + l.net, 0),
    entries: settled.reduce((s, l) => s + l.entries, 0),
    carriedForward: lines.length - settled.length,
  }
}

/**
 * The closing instant of a period in the brand's zone: entries available up to (not
 * including) it are taken. A month ends at the next month's local midnight, a custom
 * range at local midnight after `to` (docs/architecture.md §3.7).
 * @example periodEnd({ period: '2026-11' }, 'Asia/Shanghai').end === '2026-11-30T16:00:00.000Z'
 */
export function periodEnd(
  period: { period: string } | { from: string; to: string },
  zone = 'UTC',
): { id: string; label: string; from?: string; end: string } {
  if ('period' in period) return { id: period.period, label: period.period, end: monthSpan(period.period, zone).end }
  const end = daySpan(period.to, zone).end
  return { id: `${period.from}_${period.to}`, label: `${period.from}..${period.to}`, from: period.from, end }
}

/**
 * Whether a close of a period ending at `end`, begun at `startedAt`, plans an
 * available entry: one available by the period end, or any negative adjustment
 * (a refund after settlement is recovered by the next batch, whatever its date);
 * either way only if it was stamped available before the close began. The plan
 * alone applies this rule and records the entries it took; the move takes exactly
 * those, so an entry the plan did not see (a write racing it, a lagging index)
 * waits for the next batch whatever its stamp (docs/architecture.md §6.4).
 * @example takenByClose({ availableAt: '2026-12-03T00:00:00Z', kind: 'adjustment', amount: -50, availableSince: '2026-12-03T00:00:00Z', createdAt: '…' }, '2026-11-01T00:00:00.000Z', '2026-12-05T00:00:00.000Z') === true
 */
export function takenByClose(
  e: { availableAt: string; kind: string; amount: number; availableSince?: string; createdAt: string },
  end: string,
  startedAt: string,
): boolean {
  const due = e.availableAt < end || (e.kind === 'adjustment' && e.amount < 0)
  return due && (e.availableSince ?? e.createdAt) <= startedAt
}

/**
 * Splits entries into transactions of at most `maxItems` items, counting one
 * update per entry, one balance per distinct distributor and one for the batch.
 * Entries are grouped by distributor first, so a chunk carries few balances and
 * a large close needs about half the transactions that fixed chunks of 40 would.
 * @example moveChunks(entries, 100) → [[…up to 98 entries of a few distributors…], …]
 */
export function moveChunks<E extends { distributorId: string }>(entries: readonly E[], maxItems = 100): E[][] {
  const sorted = [...entries].sort((a, b) =>
    a.distributorId < b.distributorId ? -1 : a.distributorId > b.distributorId ? 1 : 0,
  )
  const chunks: E[][] = []
  let chunk: E[] = []
  let people = 0
  for (const e of sorted) {
    const newPerson = chunk.length === 0 || chunk[chunk.length - 1]!.distributorId !== e.distributorId
    if (chunk.length + people + (newPerson ? 1 : 0) + 1 + 1 > maxItems) {
      chunks.push(chunk)
      chunk = []
      people = 0
    }
    if (chunk.length === 0 || chunk[chunk.length - 1]!.distributorId !== e.distributorId) people++
    chunk.push(e)
  }
  if (chunk.length) chunks.push(chunk)
  return chunks
}
