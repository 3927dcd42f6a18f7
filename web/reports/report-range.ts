import { Day, daysBetween, MAX_REPORT_DAYS, ReportRange } from '../../lib/schemas/report'

/**
 * The dashboard's date range, read from `?from=&to=` (UTC days, both included).
 * Pure: "today" is passed in. A range that is not valid keeps what was typed (to
 * show beside the inputs with the reason) and falls back to the default range.
 */

const DAY_MS = 86_400_000
export const DEFAULT_DAYS = 30
export const PRESETS = ['last7', 'last30', 'last90', 'thisMonth'] as const
export type Preset = (typeof PRESETS)[number]
export type RangeProblem = 'badDate' | 'fromAfterTo' | 'tooLong'

export interface RangePick {
  /** The range the reports are read for: the asked one when valid, else the default. */
  range: ReportRange
  /** What the form shows: what was asked for, valid or not. */
  input: { from: string; to: string }
  errors: Partial<Record<'from' | 'to', RangeProblem>>
}

/** Today's UTC day. @example todayUtc(new Date('2026-11-25T23:59:59Z')) === '2026-11-25' */
export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10)

/** A UTC day moved by n days. @example addDays('2026-03-01', -1) === '2026-02-28' */
export const addDays = (day: string, n: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

/** Days in a range, both ends included. @example daysIn({ from: '2026-11-01', to: '2026-11-30' }) === 30 */
export const daysIn = ({ from, to }: ReportRange): number => daysBetween(from, to)

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export const isDay = (text: string): boolean => Day.safeParse(text).success

/** A preset's range ending today. @example presetRange('last7', '2026-11-25') → { from: '2026-11-19', to: '2026-11-25' } */
export function presetRange(preset: Preset, today: string): ReportRange {
  switch (preset) {
    case 'last7':
      return { from: addDays(today, -6), to: today }
    case 'last30':
      return { from: addDays(today, -(DEFAULT_DAYS - 1)), to: today }
    case 'last90':
      return { from: addDays(today, -89), to: today }
    case 'thisMonth':
      return { from: `${today.slice(0, 8)}01`, to: today }
  }
}

/** The presets that give exactly this range (usually none or one). */
export const presetsOf = (range: ReportRange, today: string): Preset[] =>
  PRESETS.filter((p) => {
    const r = presetRange(p, today)
    return r.from === range.from && r.to === range.to
  })

/**
 * The range asked for, or the last 30 days ending today with the reasons it was refused.
 * A missing end is today; a missing start is 29 days before the end.
 * @example pickRange('2026-11-10', '2026-11-01', '2026-11-25').errors → { from: 'fromAfterTo' }
 */
export function pickRange(from: string | undefined, to: string | undefined, today: string): RangePick {
  const fallback = presetRange('last30', today)
  const toText = to?.trim() || today
  const fromText = from?.trim() || (isDay(toText) ? addDays(toText, -(DEFAULT_DAYS - 1)) : fallback.from)
  const input = { from: fromText, to: toText }
  const errors: RangePick['errors'] = {}
  if (!isDay(fromText)) errors.from = 'badDate'
  if (!isDay(toText)) errors.to = 'badDate'
  if (!errors.from && !errors.to) {
    if (fromText > toText) errors.from = 'fromAfterTo'
    else if (daysIn(input) > MAX_REPORT_DAYS) errors.to = 'tooLong'
  }
  // The API's own schema has the last word, so the page never reads what the API would refuse.
  const parsed = ReportRange.safeParse(input)
  if (errors.from || errors.to || !parsed.success)
    return { range: fallback, input, errors: errors.from || errors.to ? errors : { from: 'badDate' } }
  return { range: parsed.data, input, errors }
}
