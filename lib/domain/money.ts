/**
 * Money is integer minor units (fen, cents) with an ISO 4217 currency; never floats.
 * These helpers convert exactly between decimal strings and minor units.
 */

/**
 * The largest money value the API accepts or computes, in minor units: 10^12 (¥10 billion at two decimals),
 * so a sum of many such values stays far inside 2^53 (docs/architecture.md §3.1). Prices, discounts, fixed
 * commissions, caps, thresholds, refunds, a line's base and an order's total are all checked against it.
 */
export const MAX_MONEY = 1_000_000_000_000

/** The largest quantity on an order or refund line. */
export const MAX_QTY = 1_000_000

/** Digits after the decimal point for a currency: CNY 2, JPY 0, BHD 3. */
export function currencyExponent(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

/** True for a three-letter code that Intl knows as a currency. */
export function isCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false
  return Intl.supportedValuesOf('currency').includes(code)
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/

/**
 * Parses a decimal string in major units into integer minor units, exactly.
 * Returns null when the text is not a plain decimal or has more digits than the
 * currency allows (no silent rounding of money).
 * @example parseMajor('19.99', 2) === 1999
 */
export function parseMajor(text: string, exponent: number): number | null {
  const m = DECIMAL.exec(text.trim())
  if (!m) return null
  const [, sign, whole = '', frac = ''] = m
  if (frac.length > exponent) return null
  const digits = whole + frac.padEnd(exponent, '0')
  const value = Number(BigInt(digits))
  if (!Number.isSafeInteger(value)) return null
  return sign && value !== 0 ? -value : value
}

/**
 * Formats integer minor units as a decimal string in major units, exactly.
 * @example formatMajor(123450, 2) === '1234.50'
 */
export function formatMajor(minor: number, exponent: number): string {
  if (!Number.isInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`)
  const sign = minor < 0 ? '-' : ''
  // BigInt prints a stored value past 2^53 as its digits (String would print 1e+21): a page still renders it.
  const digits = BigInt(Math.abs(minor))
    .toString()
    .padStart(exponent + 1, '0')
  if (exponent === 0) return sign + digits
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/**
 * floor(base × bps / 10000) in integer arithmetic: rounding never pays more than the rate says.
 * @example applyBps(1999, 1000) === 199
 */
export function applyBps(base: number, bps: number): number {
  return Number((BigInt(base) * BigInt(bps)) / 10000n)
}

/**
 * An amount as an API accepts it (minor units, or a decimal string in major
 * units) in exact minor units for a currency; null when the string has more
 * decimals than the currency has.
 * @example minorUnits('19.99', 'CNY') === 1999; minorUnits('1999', 'JPY') === 1999; minorUnits(1999, 'CNY') === 1999
 */
export function minorUnits(value: number | string, currency: string): number | null {
  return typeof value === 'number' ? value : parseMajor(value, currencyExponent(currency))
}
