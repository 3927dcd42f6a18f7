import type { FC } from 'hono/jsx'
import type { Brand } from '../../../../lib/schemas/brand'
import { percentOfBps } from '../../../format'
import type { DashboardText } from '../../../i18n/dashboard'
import type { Lang, LangSwitch } from '../../../i18n/lang'
import type { DashboardData } from '../../../reports/load-reports'
import type { RangePick } from '../../../reports/report-range'
import { ConsolePage } from '../ConsoleLayout'
import { adminCss } from '../../../components/Field'
import { RangePicker } from './RangePicker'
import { ChannelSection, RippleSection, TopSection, TrendSection, TriangleSection } from './ReportSections'

const dashboardCss = `
.range-form{display:grid;grid-template-columns:repeat(auto-fit,minmax(10rem,14rem));gap:0 12px;align-items:start}
.range-form .actions{margin:1.75rem 0 10px}
.presets{display:flex;gap:8px;flex-wrap:wrap}
.presets a[aria-current]{background:#c2185b;color:#fff}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:8px}
.figure{background:#f6f6f8;border-radius:8px;padding:12px}
.figure p{margin:0}
.figure-label{color:#555}
.figure-value{font-size:1.6rem;font-weight:600}
.chart-pair{display:grid;grid-template-columns:minmax(0,1fr);gap:16px;align-items:start}
@media (min-width:1100px){.chart-pair{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
svg.chart{display:block;width:100%;max-width:640px;height:auto}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
tfoot td{font-weight:600;border-top:2px solid #ddd}
.data-table th,.data-table td{overflow-wrap:normal}
.data-table td.num,.data-table td:first-child{white-space:nowrap}
details summary{cursor:pointer;color:#c2185b;margin:8px 0}
h3{font-size:.95rem;margin:8px 0}
`

/** The brand admin's home: who is signed in, the programme in a line, the range, then every report with its table. */
export const DashboardPage: FC<{
  brand: Brand
  lang: Lang
  t: DashboardText
  langSwitch: LangSwitch
  pick: RangePick
  today: string
  data: DashboardData
}> = ({ brand, lang, t, langSwitch, pick, today, data }) => {
  const p = brand.programme
  const section = { data, range: pick.range, lang, t }
  return (
    <ConsolePage view={{ brand, lang, langSwitch }} title={t.title} current="home" extraCss={adminCss + dashboardCss}>
      <section class="card" id="summary">
        <h1>{t.title}</h1>
        <p class="muted">
          {t.signedInAs} <strong id="role">{t.roleAdmin}</strong>
        </p>
        <p id="programme">
          {t.programme}:{' '}
          {t.programmeLine(
            p.maxLevels,
            p.defaultBps.map((bps, i) => `L${i + 1} ${percentOfBps(bps)}%`).join(' · '),
            p.holdDays,
            p.currency,
          )}{' '}
          · <a href={`/console/programme?lang=${lang}`}>{t.programmeEdit}</a>
        </p>
      </section>
      <RangePicker pick={pick} today={today} lang={lang} t={t} />
      <TriangleSection {...section} />
      <RippleSection {...section} />
      <ChannelSection {...section} />
      <TrendSection {...section} />
      <TopSection {...section} currency={p.currency} />
    </ConsolePage>
  )
}
