import type { FC } from 'hono/jsx'
import type { Distributor } from '../../../../lib/schemas/distributor'
import type { Handover } from '../../../../lib/schemas/handover'
import { INTERNAL_TYPES } from '../../../../lib/domain/ring'
import type { Lang } from '../../../i18n/lang'
import { staffText } from '../../../i18n/staff'

/**
 * The distributor page's "staff left" block, in its caller's language: the
 * hand-over when they have left, else (for the brand's own staff) a link to the
 * page that picks a successor. Load the hand-over with `getHandover(d.id)` from lib/db/handovers.
 */
export const StaffLeftCard: FC<{ distributor: Distributor; handover?: Handover; lang: Lang }> = ({
  distributor,
  handover,
  lang,
}) => {
  if (!handover && !INTERNAL_TYPES.includes(distributor.type)) return null
  const t = staffText(lang)
  return (
    <section class="card" id="staff-left">
      <h3>{t.staffLeft}</h3>
      {handover ? (
        <HandoverSummary handover={handover} lang={lang} />
      ) : (
        <p>
          <a href={`/console/distributors/${encodeURIComponent(distributor.id)}/leave`} id="staff-left-link">
            {t.recordLeaving}
          </a>
        </p>
      )}
    </section>
  )
}

/** Who took over, how many customers and recruits moved, and any recruit that could not (the API's reason, in English). */
export const HandoverSummary: FC<{ handover: Handover; lang: Lang }> = ({ handover: h, lang }) => {
  const t = staffText(lang)
  return (
    <div id="handover">
      <dl class="summary">
        <div>
          <dt>{t.statusLabel}</dt>
          <dd id="handover-status" data-status={h.status}>
            {t.handoverStatuses[h.status] ?? h.status}
          </dd>
        </div>
        <div>
          <dt>{t.successor}</dt>
          <dd>
            <a href={`/console/distributors/${encodeURIComponent(h.successorId)}`} id="handover-successor">
              {h.successorId}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t.customersMoved}</dt>
          <dd id="handover-customers">{h.customersMoved}</dd>
        </div>
        <div>
          <dt>{t.recruitsMoved}</dt>
          <dd id="handover-recruits">{h.recruitsMoved}</dd>
        </div>
        <div>
          <dt>{t.started}</dt>
          <dd>{h.startedAt.slice(0, 16).replace('T', ' ')} UTC</dd>
        </div>
      </dl>
      {h.recruitFailures.length > 0 ? (
        <ul class="error" id="handover-failures">
          {h.recruitFailures.map((f) => (
            <li>
              {f.name} ({f.distributorId}): {f.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
