import { writePayout } from '../db/payouts'
import { maskPayout } from '../domain/payout'
import type { PayoutDetails, PayoutMasked } from '../schemas/payout'
import { getDistributorOrThrow } from './distributor-or-throw'

/**
 * Stores a distributor's payout details (sealed) and their masked form, and answers
 * the masked form: the details are never read back through the API.
 * @example const masked = await setPayout(brandId, 'd_1', { accountName: '王芳', account: '6222…', channel: 'bank' })
 */
export async function setPayout(
  brandId: string,
  distributorId: string,
  details: PayoutDetails,
  now = new Date(),
): Promise<PayoutMasked> {
  await getDistributorOrThrow(brandId, distributorId)
  const masked = maskPayout(details, now.toISOString())
  await writePayout(distributorId, details, masked)
  return masked
}
