import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { Distributor } from '../../../lib/schemas/distributor'

/** My team: how many people at each level below me, and my direct recruits by name. */
export const MyTeam: FC<{
  levels: Array<{ level: number; count: number }>
  recruits: Distributor[]
  paidLevels: number
  t: MobileText
}> = ({ levels, recruits, paidLevels, t }) => (
  <section class="card" id="my-team">
    <h2>{t.myTeam}</h2>
    <p class="muted" id="team-hint">
      {t.teamHint(paidLevels)}
    </p>
    {levels.length === 0 ? (
      <p class="muted">{t.noTeam}</p>
    ) : (
      <>
        <ul class="list">
          {levels.map((l) => (
            <li class="row team-level" data-level={String(l.level)}>
              <span>{t.level(l.level)}</span>
              <span class="people" data-count={String(l.count)}>
                {t.people(l.count)}
              </span>
            </li>
          ))}
        </ul>
        <h2 style="margin-top:12px">{t.directRecruits}</h2>
        <ul class="list" id="recruits">
          {recruits.map((r) => (
            <li class="row recruit">
              <span class="grow">{r.name}</span>
              <span class="muted">{r.joinedAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      </>
    )}
  </section>
)
