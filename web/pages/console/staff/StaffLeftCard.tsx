import type { FC } from 'hono/jsx'
import type { Distributor } from '../../../../lib/schemas/distributor'
import type { Handover } from '../../../../lib/schemas/handover'
import { INTERNAL_TYPES } from '../../../../lib/domain/ring'
import { HANDOVER_STATUS_LABELS } from '../../../i18n/staff'

/**
 * The distributor page's "staff left" block: the hand-over when they have left,
 * else (for the brand's own staff) a link to the page that picks a successor.
 * Load the hand-over with `getHandover(d.id)` from lib/db/handovers.
 */
export const StaffLeftCard: FC<{ distributor: Distributor; handover?: Handover }> = ({ distributor, handover }) => {
  if (!handover && !INTERNAL_TYPES.includes(distributor.type)) return null
  return (
    <section class="card" id="staff-left">
      <h3>员工离职 Staff left</h3>
      {handover ? (
        <HandoverSummary handover={handover} />
      ) : (
        <p>
          <a href={`/console/distributors/${encodeURIComponent(distributor.id)}/leave`} id="staff-left-link">
            办理离职并交接客户和下级 Record leaving and hand over customers and recruits
          </a>
        </p>
      )}
    </section>
  )
}

/** Who took over, how many customers and recruits moved, and any recruit that could not. */
export const HandoverSummary: FC<{ handover: Handover }> = ({ handover: h }) => (
  <div id="handover">
    <dl class="summary">
      <div>
        <dt>状态 Status</dt>
        <dd id="handover-status" data-status={h.status}>{HANDOVER_STATUS_LABELS[h.status] ?? h.status}</dd>
      </div>
      <div>
        <dt>接任者 Successor</dt>
        <dd>
          <a href={`/console/distributors/${encodeURIComponent(h.successorId)}`} id="handover-successor">{h.successorId}</a>
        </dd>
      </div>
      <div>
        <dt>转移客户 Customers moved</dt>
        <dd id="handover-customers">{h.customersMoved}</dd>
      </div>
      <div>
        <dt>转移下级 Recruits moved</dt>
        <dd id="handover-recruits">{h.recruitsMoved}</dd>
      </div>
      <div>
        <dt>开始 Started</dt>
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
