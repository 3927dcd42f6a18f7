import { MAX_MONEY, minorUnits } from '../domain/money'
import { invalidField } from '../errors'
import type { MoneyInput } from '../schemas/common'

/**
 * A money field in minor units for the brand's or order's currency, or a 422
 * naming the field ("19.999" in CNY, "19.9" in JPY, anything over `MAX_MONEY`).
 */
export function minorOrThrow(value: MoneyInput, currency: string, field: string): number {
  const minor = minorUnits(value, currency)
  if (minor === null) throw invalidField(field, { reason: 'money.not_amount', params: { currency } })
  if (minor > MAX_MONEY) throw invalidField(field, { reason: 'money.at_most', params: { maximum: MAX_MONEY } })
  return minor
}
