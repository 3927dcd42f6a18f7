import type { FC } from 'hono/jsx'
import { MUTED, TEXT, px } from './svg'

export interface TrendSeries {
  key: string
  label: string
  values: number[]
  /** A value as the peak label shows it (a count, or money). */
  format: (n: number) => string
  colour: string
}

/**
 * One bar per value in a plot `width` × `height`, scaled to the largest value
 * (a range of 1 day or 366). Negative values (a day refunded more than it sold)
 * draw nothing; all zeros draw nothing rather than divide by zero.
 * @example barLayout([0, 5, 10], 300, 50) → [{ x: 0, w: 99, h: 0 }, { x: 100, w: 99, h: 25 }, { x: 200, w: 99, h: 50 }]
 */
export function barLayout(
  values: readonly number[],
  width: number,
  height: number,
): Array<{ x: number; w: number; h: number }> {
  const max = Math.max(0, ...values)
  const slot = values.length === 0 ? 0 : width / values.length
  const gap = slot >= 4 ? 1 : 0
  return values.map((v, i) => ({ x: i * slot, w: slot - gap, h: max === 0 ? 0 : (height * Math.max(0, v)) / max }))
}

/** The days labelled under the x axis: first, middle and last, without repeats. */
export const axisDays = (days: readonly string[]): number[] =>
  [...new Set([0, Math.floor((days.length - 1) / 2), days.length - 1])].filter((i) => i >= 0 && i < days.length)

const WIDTH = 640
const PLOT = 64
const PANEL = 96

/** Small multiples sharing one x axis: a bar chart per series (clicks, orders, GMV), each scaled to its own peak. */
export const TrendChart: FC<{
  title: string
  days: string[]
  series: TrendSeries[]
  peak: (value: string) => string
}> = ({ title, days, series, peak }) => {
  const height = series.length * PANEL + 20
  const slot = days.length === 0 ? 0 : WIDTH / days.length
  return (
    <svg
      class="chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{title}</title>
      {series.map((s, k) => {
        const top = k * PANEL
        const base = top + 22 + PLOT
        return (
          <g class="series" data-key={s.key}>
            <text x="0" y={top + 14} font-size="13" font-weight="600" fill={TEXT}>
              {s.label}
            </text>
            <text x={WIDTH} y={top + 14} font-size="12" text-anchor="end" fill={MUTED}>
              {peak(s.format(Math.max(0, ...s.values)))}
            </text>
            {barLayout(s.values, WIDTH, PLOT).map((b, i) =>
              b.h > 0 ? (
                <rect x={px(b.x)} y={px(base - b.h)} width={px(Math.max(b.w, 0.5))} height={px(b.h)} fill={s.colour}>
                  <title>{`${days[i] ?? ''}: ${s.format(s.values[i] ?? 0)}`}</title>
                </rect>
              ) : null,
            )}
            <line x1="0" x2={WIDTH} y1={base} y2={base} stroke="#ccc" />
          </g>
        )
      })}
      {axisDays(days).map((i) => (
        <text
          x={i === 0 ? 0 : i === days.length - 1 ? WIDTH : px(i * slot + slot / 2)}
          y={height - 4}
          font-size="11"
          fill={MUTED}
          text-anchor={i === 0 ? 'start' : i === days.length - 1 ? 'end' : 'middle'}
        >
          {days[i]}
        </text>
      ))}
    </svg>
  )
}
