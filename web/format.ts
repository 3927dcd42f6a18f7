import { currencyExponent, formatMajor } from '../lib/domain/money'
import { CURRENCY_SYMBOLS as SYMBOLS, bpsToPercent } from './shared/amounts'

/**
 * Minor units as display money, exactly (no floats on the way).
 * @example money(29900, 'CNY') === '¥299.00'
 */
export function money(minor: number, currency: string): string {
  const amount = formatMajor(minor, currencyExponent(currency))
  const symbol = SYMBOLS[currency]
  return symbol ? `${symbol}${amount}` : `${currency} ${amount}`
}

/**
 * Basis points as a percentage string, exactly: 1000 → "10", 250 → "2.5".
 * @example percentOfBps(1250) === '12.5'
 */
export function percentOfBps(bps: number): string {
  return formatMajor(bps, 2).replace(/\.?0+$/, '')
}

/**
 * Basis points as a percentage with two decimals, as the console shows rates.
 * @example percent2(1250) === '12.50%'
 */
export const percent2 = (bps: number): string => `${bpsToPercent(bps)}%`
