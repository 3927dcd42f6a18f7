import type { FC } from 'hono/jsx'
import type { MobileText } from '../../i18n/mobile'
import type { MyResults as Results } from '../../../lib/schemas/me'
import { Sparkline } from '../../components/charts/Sparkline'
import { money } from '../../format'

const FIGURES = ['clicks', 'orders', 'gmv'] as const
const TEAM_COLOUR = '#1976d2'

/** The results card's own rules: a three-column table that fits 375 px, and sparklines that fill their cell. */
export const resultsCss = `
.results{table-layout:fixed;margin-top:4px}
.results th,.results td{padding:6px 4px;border-bottom:1px solid #f0f0f0;vertical-align:middle}
.results thead th{font-size:.8rem;color:#777;font-weight:400;text-align:right}
.results tbody th{font-weight:400;color:#555;width:30%}
.results td{text-align:right;font-weight:600;font-variant-numeric:tabular-nums}
.results tr:last-child th,.results tr:last-child td{border-bottom:0}
.spark{display:block;width:100%;height:32px}
.levels{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:6px 0 0;padding:0}
.levels li{background:#f6f6f8;border-radius:999px;padding:2px 10px;font-size:.85rem}
`

/**
 * 我的业绩 My results: my own and my team's clicks, orders and sales over the
 * last 30 days, a daily sales trend for each, and team size by level.
 */
export const MyResults: FC<{
  results: Results
  levels: Array<{ level: number; count: number }>
  currency: string
  /** Levels the programme pays: the hint never promises more. */
  paidLevels: number
  t: MobileText
}> = ({ results, levels, currency, paidLevels, t }) => {
  const { stats, teamStats } = results
  const show = (f: (typeof FIGURES)[number], n: number) => (f === 'gmv' ? money(n, currency) : String(n))
  const teamSize = levels.reduce((n, l) => n + l.count, 0)
  return (
    <section class="card" id="my-results">
      <div class="row">
        <h2>{t.myResults}</h2>
        <span class="muted" id="results-range" data-from={stats.from} data-to={stats.to}>
          {t.last30Days}
        </span>
      </div>
      <table class="results">
        <thead>
          <tr>
            <th></th>
            <th scope="col">{t.resultsMe}</th>
            <th scope="col">{t.resultsTeam}</th>
          </tr>
        </thead>
        <tbody>
          {FIGURES.map((f) => (
            <tr data-field={f}>
              <th scope="row">{t.figure[f]}</th>
              <td class="own">{show(f, stats[f])}</td>
              <td class="team">{show(f, teamStats[f])}</td>
            </tr>
          ))}
          <tr class="trend">
            <th scope="row">{t.trend}</th>
            <td class="own">
              <Sparkline values={stats.daily.map((d) => d.gmv)} label={t.trendLabel(t.resultsMe)} />
            </td>
            <td class="team">
              <Sparkline
                values={teamStats.daily.map((d) => d.gmv)}
                label={t.trendLabel(t.resultsTeam)}
                colour={TEAM_COLOUR}
              />
            </td>
          </tr>
        </tbody>
      </table>
      <p style="margin:8px 0 0">
        {t.teamSize} <b id="team-size">{teamSize}</b> {t.peopleUnit(teamSize)}
        <span class="muted">
          {' · '}
          <span id="team-new" data-count={String(teamStats.newMembers)}>
            {t.newMembers(teamStats.newMembers)}
          </span>
        </span>
      </p>
      {levels.length > 0 ? (
        <ul class="levels">
          {levels.map((l) => (
            <li data-level={String(l.level)}>
              {t.level(l.level)} <b class="count">{l.count}</b>
            </li>
          ))}
        </ul>
      ) : null}
      <p class="muted" style="margin:6px 0 0">
        {t.teamHint(paidLevels)}
      </p>
    </section>
  )
}
