/**
 * Phone numbers in E.164 (`+8613800138000`). People type them every which way: a
 * mainland mobile number without its country code, spaces and dashes, `0086` for `+86`.
 * A number under +86 must be a mainland mobile number (11 digits from 13x to 19x),
 * since the code goes out by SMS; other countries are taken at E.164's word (8 to 15 digits).
 * @example normalisePhone('138 0013 8000') → '+8613800138000'
 * @example normalisePhone('+44 7700 900123') → '+447700900123'
 * @example normalisePhone('12345') → undefined
 */
export function normalisePhone(input: string): string | undefined {
  const compact = input.trim().replace(/[\s()\-.]/g, '')
  const mainland = /^1[3-9]\d{9}$/
  if (mainland.test(compact)) return `+86${compact}`
  const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact
  const m = /^\+([1-9]\d{7,14})$/.exec(international)
  if (!m) return undefined
  const digits = m[1] ?? ''
  if (digits.startsWith('86')) return mainland.test(digits.slice(2)) ? `+${digits}` : undefined
  return `+${digits}`
}

/** The number as a person reads it back, middle digits hidden: `+86 138****8000`. */
export function maskPhone(e164: string): string {
  const cn = /^\+86(\d{3})\d{4}(\d{4})$/.exec(e164)
  if (cn) return `+86 ${cn[1]}****${cn[2]}`
  return `${e164.slice(0, 4)}****${e164.slice(-3)}`
}
