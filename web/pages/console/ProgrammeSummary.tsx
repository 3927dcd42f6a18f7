import type { FC } from 'hono/jsx'
import type { Programme } from '../../../lib/schemas/programme'
import type { Lang } from '../../i18n/lang'
import type { ConsoleText } from '../../i18n/console'
import { TYPE_NAMES } from '../../i18n/console-admin'
import { money, percentOfBps } from '../../format'

/** The programme settings at a glance, for a finance key's home (admins edit them on /console/programme). */
export const ProgrammeSummary: FC<{ programme: Programme; lang: Lang; t: ConsoleText }> = ({
  programme: p,
  lang,
  t,
}) => {
  const items: Array<[string, string]> = [
    [t.levels, String(p.maxLevels)],
    [t.defaultRates, p.defaultBps.map((bps, i) => `L${i + 1} ${percentOfBps(bps)}%`).join(' · ')],
    [t.binding, p.bindingDays === 0 ? t.bindingForever : t.bindingFor(p.bindingDays, p.bindingPolicy)],
    [t.hold, t.days(p.holdDays)],
    [t.selfPurchase, p.selfPurchase === 'allow' ? t.selfAllow : t.selfDeny],
    [t.currency, p.currency],
    [t.payoutThreshold, money(p.payoutThreshold, p.currency)],
    [t.recruitType, TYPE_NAMES[lang][p.defaultRecruitType]],
    [t.allowedDomains, p.allowedDomains.join(', ')],
  ]
  return (
    <section class="card" id="programme">
      <h2>{t.programme}</h2>
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
