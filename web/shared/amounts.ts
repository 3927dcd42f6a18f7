/**
 * Exact conversions the console shows and reads, safe for both the server and the
 * browser bundles (no BigInt literals: the client target is ES2019). Rates are
 * basis points, money is integer minor units; text is converted digit by digit,
 * never through a float.
 */

/** Symbols for the currencies brands on Ripple price in; any other shows its ISO code. */
export const CURRENCY_SYMBOLS: Record<string, string> = { CNY: '¥', JPY: '¥', USD: '$', HKD: 'HK$', EUR: '€', GBP: '£' }

const PERCENT = /^(\d{1,5})(?:\.(\d{0,2}))?$/

/**
 * A percentage typed by a person as basis points, exactly; null when it is not a
 * plain number with at most two decimals. Range is the API's to judge.
 * @example percentToBps('12.5') === 1250
 * @example percentToBps('3') === 300
 */
export function percentToBps(text: string): number | null {
  const m = PERCENT.exec(text.trim().replace(/%$/, '').trim())
  if (!m) return null
  const [, whole = '0', frac = ''] = m
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}

/**
 * Basis points as a percentage with two decimals, by integer arithmetic.
 * @example bpsToPercent(1250) === '12.50'
 */
export function bpsToPercent(bps: number): string {
  return formatMinor(bps, 2)
}

/**
 * Integer minor units as a decimal string with `exponent` decimals.
 * @example formatMinor(-1005, 2) === '-10.05'
 */
export function formatMinor(minor: number, exponent: number): string {
  if (!Number.isInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`)
  // BigInt prints a stored value past 2^53 as its digits (String would print 1e+21): a page still renders it.
  const digits = BigInt(Math.abs(minor))
    .toString()
    .padStart(exponent + 1, '0')
  const sign = minor < 0 ? '-' : ''
  return exponent === 0 ? sign + digits : `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
}

/** Digits after the decimal point for a currency (CNY 2, JPY 0), as Intl knows it. */
export function exponentOf(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
}

/**
 * Minor units as display money with the currency's symbol, exactly.
 * @example moneyText(29900, 'CNY') === '¥299.00'
 */
export function moneyText(minor: number, currency: string): string {
  const amount = formatMinor(minor, exponentOf(currency))
  const symbol = CURRENCY_SYMBOLS[currency]
  return symbol ? `${symbol}${amount}` : `${currency} ${amount}`
}

/**
 * A decimal amount typed by a person as integer minor units, exactly (digit by
 * digit, never a float); null when it is not a plain amount with at most
 * `exponent` decimals.
 * @example parseMinor('100.5', 2) === 10050
 * @example parseMinor('1000', 0) === 1000
 */
export function parseMinor(text: string, exponent: number): number | null {
  const m = /^(\d{1,15})(?:\.(\d*))?$/.exec(text.trim())
  if (!m) return null
  const [, whole = '0', frac = ''] = m
  if (frac.length > exponent) return null
  const minor = Number(whole + frac.padEnd(exponent, '0'))
  return Number.isSafeInteger(minor) ? minor : null
}
