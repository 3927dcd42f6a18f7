import type { FC } from 'hono/jsx'
import { MAX_REPORT_DAYS } from '../../../../lib/schemas/report'
import type { DashboardText } from '../../../i18n/dashboard'
import type { Lang } from '../../../i18n/lang'
import {
  PRESETS,
  daysIn,
  presetRange,
  presetsOf,
  type RangeProblem,
  type RangePick,
} from '../../../reports/report-range'

const errorText = (t: DashboardText, e: RangeProblem): string =>
  e === 'badDate' ? t.badDate : e === 'fromAfterTo' ? t.fromAfterTo : t.tooLong(MAX_REPORT_DAYS)

const DateField: FC<{ name: 'from' | 'to'; label: string; value: string; error?: string }> = ({
  name,
  label,
  value,
  error,
}) => (
  <div class="field">
    <label for={`range-${name}`}>{label}</label>
    <input
      type="date"
      id={`range-${name}`}
      name={name}
      value={value}
      required
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `range-${name}-error` : undefined}
    />
    {error ? (
      <p class="field-error error" id={`range-${name}-error`} data-error-for={name} role="alert">
        {error}
      </p>
    ) : null}
  </div>
)

/** The dashboard's date range: a plain GET form and preset links, every one keeping the language. */
export const RangePicker: FC<{ pick: RangePick; today: string; lang: Lang; t: DashboardText }> = ({
  pick,
  today,
  lang,
  t,
}) => {
  const current = presetsOf(pick.range, today)
  const link = (from: string, to: string) => `/console?${new URLSearchParams({ from, to, lang }).toString()}`
  const failed = pick.errors.from || pick.errors.to
  return (
    <section class="card" id="range">
      <h2>{t.range}</h2>
      <form method="get" action="/console" class="range-form" id="range-form">
        <input type="hidden" name="lang" value={lang} />
        <DateField
          name="from"
          label={t.from}
          value={pick.input.from}
          error={pick.errors.from ? errorText(t, pick.errors.from) : undefined}
        />
        <DateField
          name="to"
          label={t.to}
          value={pick.input.to}
          error={pick.errors.to ? errorText(t, pick.errors.to) : undefined}
        />
        <div class="actions">
          <button type="submit" id="range-apply">
            {t.apply}
          </button>
        </div>
      </form>
      <nav class="presets" aria-label={t.range}>
        {PRESETS.map((p) => {
          const r = presetRange(p, today)
          return (
            <a
              class="btn ghost"
              id={`preset-${p}`}
              href={link(r.from, r.to)}
              aria-current={current.includes(p) ? 'true' : undefined}
            >
              {t.presets[p]}
            </a>
          )
        })}
      </nav>
      {failed ? (
        <p class="error" id="range-fallback" role="status">
          {t.fallback(pick.range.from, pick.range.to)}
        </p>
      ) : null}
      <p class="muted" id="range-shown" data-from={pick.range.from} data-to={pick.range.to}>
        {t.rangeShown(pick.range.from, pick.range.to, daysIn(pick.range))}
      </p>
    </section>
  )
}
