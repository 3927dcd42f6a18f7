import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { MobileData } from '../../../lib/services/mobile-home'
import { orderRef } from '../../../lib/domain/customer-mask'
import { money } from '../../format'

type Balance = MobileData['balance']
type LedgerEntry = MobileData['entries'][number]
type EntryStatus = LedgerEntry['status']

const STATUSES: EntryStatus[] = ['pending', 'available', 'settled', 'paid']

/** One statement row: an order and my entries on it (commission, refunds), newest order first. */
interface StatementRow {
  orderId: string
  at: string
  skus: string[]
  entries: LedgerEntry[]
}

/** Groups entries (newest first) by order, keeping the order of first appearance. */
export function statementRows(entries: readonly LedgerEntry[]): StatementRow[] {
  const rows = new Map<string, StatementRow>()
  for (const e of entries) {
    const row = rows.get(e.orderId) ?? { orderId: e.orderId, at: e.paidAt, skus: [], entries: [] }
    for (const l of e.lines) if (!row.skus.includes(l.sku)) row.skus.push(l.sku)
    row.entries.push(e)
    rows.set(e.orderId, row)
  }
  return [...rows.values()]
}

/** What an entry is, in words: direct or team bonus by level; a refund or adjustment says so. */
const entryLabel = (e: LedgerEntry, t: MobileText): string => {
  const level = e.level === 1 ? t.direct : t.teamBonus(e.level)
  return e.kind === 'commission' ? level : `${e.kind === 'reversal' ? t.refund : t.adjustment} · ${level}`
}

/** The statement's rows: product and order, then each entry with its amount and status. */
export const StatementList: FC<{ entries: LedgerEntry[]; names: Record<string, string>; t: MobileText }> = ({
  entries,
  names,
  t,
}) => (
  <ul class="list" id="entries">
    {statementRows(entries).map((row) => (
      <li class="statement-row" data-order={orderRef(row.orderId)}>
        <div class="row">
          <span class="grow product-names">{row.skus.map((s) => names[s] ?? s).join('、')}</span>
          <span class="muted date">{row.at.slice(0, 10)}</span>
        </div>
        <div class="muted">
          {t.order} <span class="order-id">{orderRef(row.orderId)}</span>
        </div>
        <ul class="list">
          {row.entries.map((e) => (
            <li class={`row entry${e.amount < 0 ? ' refund' : ''}`} data-entry={e.entryId} data-kind={e.kind}>
              <span class="grow level">{entryLabel(e, t)}</span>
              <span class="muted status">{t.status[e.status]}</span>
              <span class={e.amount < 0 ? 'amount' : 'earn amount'}>{money(e.amount, e.currency)}</span>
            </li>
          ))}
        </ul>
      </li>
    ))}
  </ul>
)

/** My balance by status (the console's names) and my latest entries as a statement, one row per order. */
export const MyEarnings: FC<{
  balance: Balance
  entries: LedgerEntry[]
  names: Record<string, string>
  t: MobileText
}> = ({ balance, entries, names, t }) => (
  <section class="card" id="earnings">
    <h2>{t.myEarnings}</h2>
    <dl class="balance">
      {STATUSES.map((s) => (
        <div data-status={s}>
          <dt>{t.status[s]}</dt>
          <dd class="amount">{money(balance[s], balance.currency)}</dd>
        </div>
      ))}
    </dl>
    <h2 style="margin-top:12px">{t.statement}</h2>
    {entries.length === 0 ? (
      <p class="muted">{t.noEntries}</p>
    ) : (
      <>
        <p class="muted" id="level-legend">
          {t.levelLegend}
        </p>
        <StatementList entries={entries} names={names} t={t} />
      </>
    )}
  </section>
)
