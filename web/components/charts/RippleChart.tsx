import type { FC } from 'hono/jsx'
import { largestRemainderBps } from '../../../lib/domain/shares'
import { bpsToPercent } from '../../shared/amounts'
import { EMPTY, MUTED, TEXT, px, ringColour } from './svg'

export interface RippleRingDatum {
  ring: number
  gmv: number
  orders: number
  distributors: number
}

export interface RippleChartText {
  title: string
  brand: string
  ringName: (ring: number) => string
  legend: (gmv: string, orders: number, distributors: number) => string
  empty: string
}

/**
 * Concentric bands around a hub of radius `inner`, the first innermost, each
 * band's area proportional to its value: the outer radius after k bands is
 * √(inner² + (outer² − inner²) × (sum of the first k) / total). Negative values
 * count as zero; with nothing to share every band is empty (radius `inner`).
 * @example rippleBands([3, 1], 0, 100) → [{ inner: 0, outer: 86.6… }, { inner: 86.6…, outer: 100 }]
 */
export function rippleBands(
  values: readonly number[],
  inner: number,
  outer: number,
): Array<{ inner: number; outer: number }> {
  const v = values.map((x) => Math.max(0, x))
  const total = v.reduce((a, b) => a + b, 0)
  let cum = 0
  let r = inner
  return v.map((x) => {
    cum += x
    const next = total === 0 ? inner : Math.sqrt(inner * inner + ((outer * outer - inner * inner) * cum) / total)
    const band = { inner: r, outer: next }
    r = next
    return band
  })
}

const CX = 170
const CY = 170
const HUB = 28
const OUTER = 160
const LEGEND_X = 360
const LEGEND_ROW = 44

/** The ripple: ring 1 innermost around the brand, band areas by GMV, and a legend with each ring's figures. */
export const RippleChart: FC<{ rings: RippleRingDatum[]; money: (minor: number) => string; text: RippleChartText }> = ({
  rings,
  money,
  text,
}) => {
  const bands = rippleBands(
    rings.map((r) => r.gmv),
    HUB,
    OUTER,
  )
  const shares = largestRemainderBps(rings.map((r) => r.gmv))
  const empty = bands.every((b) => b.outer === b.inner)
  const height = Math.max(2 * CY, 24 + rings.length * LEGEND_ROW)
  return (
    <svg
      class="chart"
      role="img"
      aria-label={text.title}
      viewBox={`0 0 720 ${height}`}
      width="720"
      height={height}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{text.title}</title>
      {empty ? <circle cx={CX} cy={CY} r={OUTER} fill="none" stroke={EMPTY} stroke-dasharray="4 4" /> : null}
      {bands.map((b, i) => {
        const ring = rings[i]
        if (!ring) return null
        const width = b.outer - b.inner
        if (width <= 0)
          return (
            <circle
              cx={CX}
              cy={CY}
              r={px(b.inner)}
              fill="none"
              stroke={ringColour(i)}
              stroke-dasharray="2 3"
              data-ring={ring.ring}
            />
          )
        const mid = (b.inner + b.outer) / 2
        return (
          <g data-ring={ring.ring}>
            <circle cx={CX} cy={CY} r={px(mid)} fill="none" stroke={ringColour(i)} stroke-width={px(width)}>
              <title>{`${text.ringName(ring.ring)}: ${text.legend(money(ring.gmv), ring.orders, ring.distributors)}`}</title>
            </circle>
            <circle cx={CX} cy={CY} r={px(b.outer)} fill="none" stroke="#fff" stroke-width="1" />
            {width >= 14 ? (
              <text x={CX} y={px(CY - mid + 4)} text-anchor="middle" font-size="11" fill="#fff">
                {ring.ring}
              </text>
            ) : null}
          </g>
        )
      })}
      <circle cx={CX} cy={CY} r={HUB} fill={TEXT} />
      <text x={CX} y={CY + 4} text-anchor="middle" font-size="12" fill="#fff">
        {text.brand}
      </text>
      {empty ? (
        <text x={CX} y={CY + HUB + 24} text-anchor="middle" font-size="13" fill={MUTED}>
          {text.empty}
        </text>
      ) : null}
      {rings.map((r, i) => {
        const y = 24 + i * LEGEND_ROW
        return (
          <g class="legend" data-ring={r.ring}>
            <rect x={LEGEND_X} y={y - 11} width="12" height="12" rx="2" fill={ringColour(i)} />
            <text x={LEGEND_X + 18} y={y} font-size="13" font-weight="600" fill={TEXT}>
              {`${text.ringName(r.ring)} · ${bpsToPercent(shares[i] ?? 0)}%`}
            </text>
            <text x={LEGEND_X + 18} y={y + 17} font-size="12" fill={MUTED}>
              {text.legend(money(r.gmv), r.orders, r.distributors)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
