import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { MobileData } from '../../../lib/services/mobile-home'
import { money } from '../../format'

type Balance = MobileData['balance']
type LedgerEntry = MobileData['entries'][number]
type EntryStatus = LedgerEntry['status']

const STATUSES: EntryStatus[] = ['pending', 'available', 'settled', 'paid']

/** An order id shown to a distributor: its last four characters are enough to recognise it. */
const maskOrderId = (orderId: string): string => `…${orderId.slice(-4)}`

/** My balance by status and my latest ledger entries (reversals show as negative amounts). */
export const MyEarnings: FC<{ balance: Balance; entries: LedgerEntry[]; t: MobileText }> = ({
  balance,
  entries,
  t,
}) => (
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
    <h2 style="margin-top:12px">{t.latestEntries}</h2>
    {entries.length === 0 ? (
      <p class="muted">{t.noEntries}</p>
    ) : (
      <ul class="list" id="entries">
        {entries.map((e) => (
          <li class="row entry" data-entry={e.entryId}>
            <div class="grow">
              <div>
                {t.order} <span class="order-id">{maskOrderId(e.orderId)}</span> ·{' '}
                <span class="level">{t.level(e.level)}</span>
              </div>
              <div class="muted">
                <span class="date">{e.at.slice(0, 10)}</span>
                {e.kind === 'commission' ? null : ` · ${t.kind[e.kind]}`}
              </div>
            </div>
            <div style="text-align:right">
              <div class="earn amount">{money(e.amount, e.currency)}</div>
              <div class="muted status">{t.status[e.status]}</div>
            </div>
          </li>
        ))}
      </ul>
    )}
  </section>
)
