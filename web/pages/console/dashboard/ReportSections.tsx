import type { FC } from 'hono/jsx'
import type { ReportRange } from '../../../../lib/schemas/report'
import { RippleChart } from '../../../components/charts/RippleChart'
import { StackedBar } from '../../../components/charts/StackedBar'
import { TrendChart } from '../../../components/charts/TrendChart'
import { circleColour } from '../../../components/charts/svg'
import { money, percent2 } from '../../../format'
import { TYPE_NAMES } from '../../../i18n/console-admin'
import type { DashboardText } from '../../../i18n/dashboard'
import type { Lang } from '../../../i18n/lang'
import type { DashboardData } from '../../../reports/load-reports'
import {
  channelTable,
  overviewTable,
  rippleTable,
  topTable,
  trendTable,
  typesTable,
} from '../../../reports/report-tables'
import { DataTable } from './DataTable'

/** What every section is drawn with. */
export interface SectionProps {
  data: DashboardData
  range: ReportRange
  lang: Lang
  t: DashboardText
}

/** The three triangle metrics as figure cards, the overview's other figures in its table. */
export const TriangleSection: FC<SectionProps> = ({ data: { overview: o }, range, lang, t }) => {
  const m = (minor: number) => money(minor, o.currency)
  const cards = [
    {
      id: 'metric-referral',
      label: t.referralRate,
      value: o.customerReferralRateBps === null ? t.none : percent2(o.customerReferralRateBps),
      hint: t.referralRateHint(o.referredNewCustomers, o.newCustomers),
    },
    {
      id: 'metric-repurchase',
      label: t.repurchaseRate,
      value: o.repurchaseRateBps === null ? t.none : percent2(o.repurchaseRateBps),
      hint: t.repurchaseRateHint(o.referredRepeatOrders, o.referredOrders),
    },
    {
      id: 'metric-gmv-per-customer',
      label: t.gmvPerCustomer,
      value: o.gmvPerReferredCustomer === null ? t.none : m(o.gmvPerReferredCustomer),
      hint: t.gmvPerCustomerHint(m(o.referredGmv), o.referredNewCustomers),
    },
  ]
  return (
    <section class="card" id="triangle">
      <h2>{t.triangleTitle}</h2>
      <div class="figures">
        {cards.map((c) => (
          <div class="figure" id={c.id}>
            <p class="figure-label">{c.label}</p>
            <p class="figure-value">{c.value}</p>
            <p class="muted">{c.hint}</p>
          </div>
        ))}
      </div>
      <details>
        <summary>{t.dataTable}</summary>
        <DataTable table={overviewTable(o, t)} range={range} lang={lang} download={t.downloadCsv} />
      </details>
    </section>
  )
}

/** The ripple chart, the amplification, and the table under them (eleven columns need the width). */
export const RippleSection: FC<SectionProps> = ({ data: { ripple: r }, range, lang, t }) => (
  <section class="card" id="ripple">
    <h2>{t.rippleTitle}</h2>
    <p class="muted">{t.rippleIntro}</p>
    <RippleChart
      rings={r.rings}
      money={(minor) => money(minor, r.currency)}
      text={{ title: t.rippleChart, brand: t.brand, ringName: t.ringName, legend: t.ringLegend, empty: t.noGmv }}
    />
    <p id="amplification">
      {t.amplification}: <strong>{r.amplification ?? t.none}</strong>
    </p>
    <DataTable table={rippleTable(r, t)} range={range} lang={lang} download={t.downloadCsv} empty={t.noGmv} />
  </section>
)

/** Two stacked bars (internal vs external, then by type), each with its table. */
export const ChannelSection: FC<SectionProps> = ({ data: { channels: c }, range, lang, t }) => {
  const seen = { internal: 0, external: 0 }
  const types = c.types.map((x) => ({
    key: x.type,
    label: TYPE_NAMES[lang][x.type],
    value: money(x.gmv, c.currency),
    shareBps: x.shareBps,
    colour: circleColour(x.circle, seen[x.circle]++),
  }))
  return (
    <section class="card" id="channels">
      <h2>{t.channelTitle}</h2>
      <p class="muted">{t.channelIntro}</p>
      <div class="chart-pair">
        <div>
          <h3>{t.circleBar}</h3>
          <StackedBar
            title={t.circleBar}
            empty={t.noDistributionGmv}
            segments={c.circles.map((x) => ({
              key: x.circle,
              label: t.circles[x.circle],
              value: money(x.gmv, c.currency),
              shareBps: x.shareBps,
              colour: circleColour(x.circle),
            }))}
          />
          <DataTable table={channelTable(c, t)} range={range} lang={lang} download={t.downloadCsv} />
        </div>
        <div>
          <h3>{t.typeBar}</h3>
          <StackedBar title={t.typeBar} empty={t.noDistributionGmv} segments={types} />
          <DataTable table={typesTable(c, t, lang)} range={range} lang={lang} download={t.downloadCsv} />
        </div>
      </div>
    </section>
  )
}

/** Clicks, orders and GMV per day; the day-by-day table is folded past two weeks (a year is 366 rows). */
export const TrendSection: FC<SectionProps> = ({ data: { trend: d }, range, lang, t }) => {
  const count = (n: number) => String(n)
  return (
    <section class="card" id="trend">
      <h2>{t.trendTitle}</h2>
      <TrendChart
        title={t.trendChart}
        days={d.days.map((x) => x.day)}
        peak={t.peak}
        series={[
          { key: 'clicks', label: t.clicks, values: d.days.map((x) => x.clicks), format: count, colour: '#1976d2' },
          { key: 'orders', label: t.orders, values: d.days.map((x) => x.orders), format: count, colour: '#00897b' },
          {
            key: 'gmv',
            label: t.gmv(d.currency),
            values: d.days.map((x) => x.gmv),
            format: (n) => money(n, d.currency),
            colour: '#c2185b',
          },
        ]}
      />
      <details open={d.days.length <= 14}>
        <summary>{t.dataTable}</summary>
        <DataTable table={trendTable(d, t)} range={range} lang={lang} download={t.downloadCsv} />
      </details>
    </section>
  )
}

/** The ten distributors with the most GMV in the range. */
export const TopSection: FC<SectionProps & { currency: string }> = ({ data, currency, range, lang, t }) => (
  <section class="card" id="top">
    <h2>{t.topTitle}</h2>
    <DataTable
      table={topTable(data.top, currency, t, lang)}
      range={range}
      lang={lang}
      download={t.downloadCsv}
      empty={t.noTop}
    />
  </section>
)
