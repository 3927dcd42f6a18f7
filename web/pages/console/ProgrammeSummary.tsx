import type { FC } from 'hono/jsx'
import type { Programme } from '../../../lib/schemas/programme'
import { money, percentOfBps } from '../../format'
import { TYPE_LABELS } from '../../i18n/distributor-types'

/** The programme settings at a glance; editing them comes with the full console. */
export const ProgrammeSummary: FC<{ programme: Programme }> = ({ programme: p }) => {
  const items: Array<[string, string]> = [
    ['层级 Levels', String(p.maxLevels)],
    ['默认佣金 Default rates', p.defaultBps.map((bps, i) => `L${i + 1} ${percentOfBps(bps)}%`).join(' · ')],
    ['绑定期 Binding', p.bindingDays === 0 ? '永久 Permanent' : `${p.bindingDays} 天 days (${p.bindingPolicy === 'first' ? '首次 first' : '最新 last'})`],
    ['冻结期 Hold', `${p.holdDays} 天 days`],
    ['自购 Self-purchase', p.selfPurchase === 'allow' ? '允许 Allowed' : '不计佣 Denied'],
    ['币种 Currency', p.currency],
    ['结算门槛 Payout threshold', money(p.payoutThreshold, p.currency)],
    ['邀请加入类型 Recruit type', TYPE_LABELS[p.defaultRecruitType]],
    ['允许的域名 Allowed domains', p.allowedDomains.join(', ')],
  ]
  return (
    <section class="card" id="programme">
      <h2>分销计划 Programme</h2>
      <dl class="summary">
        {items.map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
