/**
 * Exact shares and ratios for reports: integers in, integers or fixed decimal
 * strings out, never floats (the same figures on every machine and in every test).
 */

/**
 * Apportions 10000 basis points over non-negative values by largest remainder:
 * each gets floor(value × 10000 / total), and the points left go one each to the
 * largest remainders (ties to the earlier value). The result adds to exactly
 * 10000, and each share is within one point of its exact quota. All zeros when
 * the total is zero (there is nothing to share). Negative values count as zero.
 * @example largestRemainderBps([75, 13, 7, 5]) → [7500, 1300, 700, 500]
 * @example largestRemainderBps([1, 1, 1]) → [3334, 3333, 3333]
 */
export function largestRemainderBps(values: readonly number[]): number[] {
  const v = values.map((x) => BigInt(Math.max(0, Math.trunc(x))))
  const total = v.reduce((a, b) => a + b, 0n)
  if (total === 0n) return values.map(() => 0)
  const floors = v.map((x) => (x * 10000n) / total)
  const left = 10000 - Number(floors.reduce((a, b) => a + b, 0n))
  const order = v
    .map((x, i) => ({ i, rem: (x * 10000n) % total }))
    .sort((a, b) => (a.rem === b.rem ? a.i - b.i : a.rem > b.rem ? -1 : 1))
  const out = floors.map(Number)
  for (let k = 0; k < left; k++) out[order[k]!.i]! += 1
  return out
}

/**
 * n / d as a decimal string with 4 places, rounded half up; null when d is 0.
 * @example ratio4(1, 3) === '0.3333'   ratio4(2, 3) === '0.6667'   ratio4(5, 0) === null
 */
export function ratio4(n: number, d: number): string | null {
  if (d === 0) return null
  const negative = n < 0 !== d < 0 && n !== 0
  const N = BigInt(Math.abs(n))
  const D = BigInt(Math.abs(d))
  const scaled = (2n * N * 10000n + D) / (2n * D)
  const s = scaled.toString().padStart(5, '0')
  return `${negative ? '-' : ''}${s.slice(0, -4)}.${s.slice(-4)}`
}

/** n / d in basis points, rounded half up; null when d is 0. @example bpsOf(1, 3) === 3333 */
export function bpsOf(n: number, d: number): number | null {
  if (d === 0) return null
  return Number((2n * BigInt(n) * 10000n + BigInt(d)) / (2n * BigInt(d)))
}
