import type { FC } from 'hono/jsx'
import type { Brand } from '../../../../lib/schemas/brand'
import type { Distributor } from '../../../../lib/schemas/distributor'
import type { Handover } from '../../../../lib/schemas/handover'
import { ConsoleLayout } from '../ConsoleLayout'
import { HandoverSummary } from './StaffLeftCard'

/** A staff member leaves: pick the successor (by 工号 or id, confirmed by name), then the hand-over runs and shows its counts. */
export const LeavePage: FC<{ brand: Brand; distributor: Distributor; handover?: Handover; script: string }> = ({ brand, distributor: d, handover, script }) => (
  <ConsoleLayout title="员工离职 Staff left" brandName={brand.name} script={script} current="distributors">
    <section class="card" id="leaver" data-id={d.id}>
      <h2>
        员工离职 Staff left: <a href={`/console/distributors/${encodeURIComponent(d.id)}`}>{d.name}</a>
      </h2>
      <p class="muted">
        工号 {d.externalId ?? '—'} · {d.store ?? '—'} · 状态 {d.status}
      </p>
      <p class="muted">离职后其绑定的客户和直属下级（连同各自团队）转给接任者；今后的订单计入接任者，历史佣金不变。Bound customers and direct recruits (with their teams) move to the successor; future orders credit the successor, past entries never change.</p>
    </section>
    <section class="card" id="handover-card" hidden={!handover}>
      <h3>交接 Hand-over</h3>
      <div id="handover-holder">{handover ? <HandoverSummary handover={handover} /> : null}</div>
    </section>
    {handover?.status === 'done' ? null : (
      <section class="card">
        <form id="leave-form">
          <label for="successor-query">接任者工号或 ID Successor's external id or id</label>
          <input id="successor-query" name="q" required value={handover?.successorId ?? ''} autocomplete="off" />
          <button type="button" id="successor-find" class="ghost">查找 Find</button>
          <p id="successor-found" role="status"></p>
          <button type="submit" id="leave-submit" disabled>确认离职并交接 Confirm and hand over</button>
          <p id="leave-status" role="status"></p>
        </form>
      </section>
    )}
  </ConsoleLayout>
)
