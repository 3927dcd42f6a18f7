import type { FC } from 'hono/jsx'
import { bpsToPercent } from '../../shared/amounts'
import { EMPTY, MUTED, TEXT, px } from './svg'

export interface BarSegment {
  key: string
  label: string
  /** The segment's amount as shown (already formatted). */
  value: string
  /** Its share in basis points; the segments' shares add to 10000, or are all 0. */
  shareBps: number
  colour: string
}

/**
 * Where each segment sits in a bar `width` wide: from the running sum of the
 * shares before it to the sum including it, so the segments meet without gaps
 * and the last one ends at exactly `width` when the shares add to 10000.
 * @example barSegments([7500, 2500], 600) → [{ x: 0, w: 450 }, { x: 450, w: 150 }]
 */
export function barSegments(sharesBps: readonly number[], width: number): Array<{ x: number; w: number }> {
  let cum = 0
  return sharesBps.map((bps) => {
    const x = (width * cum) / 10_000
    cum += Math.max(0, bps)
    return { x, w: (width * cum) / 10_000 - x }
  })
}

const WIDTH = 640
const BAR = 28
const ROW = 22

/** One horizontal bar stacked by share, with a legend of each segment's share (2 decimals) and amount. */
export const StackedBar: FC<{ title: string; segments: BarSegment[]; empty: string }> = ({
  title,
  segments,
  empty,
}) => {
  const placed = barSegments(
    segments.map((s) => s.shareBps),
    WIDTH,
  )
  const none = segments.every((s) => s.shareBps === 0)
  const height = BAR + 16 + segments.length * ROW
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
      <rect x="0" y="0" width={WIDTH} height={BAR} rx="4" fill={EMPTY} />
      {segments.map((s, i) => {
        const p = placed[i]
        return p && p.w > 0 ? (
          <rect x={px(p.x)} y="0" width={px(p.w)} height={BAR} fill={s.colour} data-key={s.key}>
            <title>{`${s.label} ${bpsToPercent(s.shareBps)}%`}</title>
          </rect>
        ) : null
      })}
      {none ? (
        <text x={WIDTH / 2} y={BAR / 2 + 5} text-anchor="middle" font-size="13" fill={MUTED}>
          {empty}
        </text>
      ) : null}
      {segments.map((s, i) => {
        const y = BAR + 16 + i * ROW
        return (
          <g class="legend" data-key={s.key}>
            <rect x="0" y={y - 11} width="13" height="13" rx="2" fill={s.colour} />
            <text x="20" y={y} font-size="15" fill={TEXT}>
              {`${s.label} ${bpsToPercent(s.shareBps)}% · ${s.value}`}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
