import type { FC } from 'hono/jsx'
import { px } from './svg'

/**
 * Where each value sits in a `width` × `height` box: evenly spaced left to right,
 * scaled between the smallest value (or 0, if all are above it) at the bottom and
 * the largest at the top, `pad` kept free above and below for the stroke. A flat
 * series lies on the bottom line.
 * @example sparkPoints([0, 5, 10], 100, 20, 0) → [{ x: 0, y: 20 }, { x: 50, y: 10 }, { x: 100, y: 0 }]
 */
export function sparkPoints(
  values: readonly number[],
  width: number,
  height: number,
  pad = 2,
): Array<{ x: number; y: number }> {
  const lo = Math.min(0, ...values)
  const hi = Math.max(0, ...values)
  const step = values.length > 1 ? width / (values.length - 1) : 0
  return values.map((v, i) => ({
    x: px(values.length > 1 ? i * step : width / 2),
    y: px(hi === lo ? height - pad : height - pad - ((v - lo) / (hi - lo)) * (height - 2 * pad)),
  }))
}

const W = 120
const H = 32

/**
 * A small trend line, drawn on the server (no script, no CDN): the last point
 * marked, the values in `data-values` for whoever needs the numbers. It stretches
 * to its container's width; the stroke stays 1.5 px.
 */
export const Sparkline: FC<{ values: number[]; label: string; colour?: string }> = ({
  values,
  label,
  colour = '#c2185b',
}) => {
  const points = sparkPoints(values, W, H)
  const last = points[points.length - 1]
  return (
    <svg
      class="spark"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      xmlns="http://www.w3.org/2000/svg"
      data-values={values.join(',')}
    >
      <title>{label}</title>
      <line x1="0" x2={W} y1={H - 2} y2={H - 2} stroke="#eee" stroke-width="1" vector-effect="non-scaling-stroke" />
      <polyline
        points={points.map((p) => `${p.x},${p.y}`).join(' ')}
        fill="none"
        stroke={colour}
        stroke-width="1.5"
        stroke-linejoin="round"
        vector-effect="non-scaling-stroke"
      />
      {last ? <circle cx={last.x} cy={last.y} r="2" fill={colour} /> : null}
    </svg>
  )
}
