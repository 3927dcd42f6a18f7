/**
 * What the server-rendered charts share: coordinates rounded to 2 decimals (a
 * smaller page, the same output on every machine) and the colours.
 */

/** A coordinate as written into the SVG. @example px(1 / 3) === 0.33 */
export const px = (n: number): number => Math.round(n * 100) / 100

/** Ring colours, innermost first; rings past the last reuse it. */
export const RING_COLOURS = [
  '#880e4f',
  '#ad1457',
  '#c2185b',
  '#d81b60',
  '#e91e63',
  '#ec407a',
  '#f06292',
  '#f48fb1',
  '#f8bbd0',
] as const
export const ringColour = (i: number): string => RING_COLOURS[Math.min(i, RING_COLOURS.length - 1)] ?? '#f8bbd0'

/** Internal channels in the brand's magenta, external in blue, darker first. */
const CIRCLE_SHADES = {
  internal: ['#c2185b', '#e91e63', '#f06292', '#f8bbd0'],
  external: ['#0d47a1', '#1976d2', '#42a5f5', '#90caf9'],
} as const
export const circleColour = (circle: 'internal' | 'external', i = 0): string =>
  CIRCLE_SHADES[circle][Math.min(i, 3)] ?? '#999'

export const TEXT = '#222'
export const MUTED = '#777'
export const EMPTY = '#e0e0e0'
