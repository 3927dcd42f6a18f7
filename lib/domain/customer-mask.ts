/**
 * A customer id as a shop shows it to staff: the first two and last two
 * characters around `***`; ids of four characters or fewer keep only their first.
 * @example maskCustomerId('13800138000') → '13***00'
 */
export function maskCustomerId(id: string): string {
  const chars = [...id]
  if (chars.length <= 4) return `${chars[0] ?? ''}***`
  return `${chars.slice(0, 2).join('')}***${chars.slice(-2).join('')}`
}

/** The last four characters of an order id: enough to recognise it, `…` before. */
export const orderRef = (orderId: string): string => `…${[...orderId].slice(-4).join('')}`
