import { getDistributor } from '../db/distributors'
import { AppError } from '../errors'
import type { Distributor } from '../schemas/distributor'

/**
 * The brand's distributor by id. Another brand's distributor answers exactly
 * like a missing one, so ids never leak across brands.
 */
export async function getDistributorOrThrow(brandId: string, id: string, field = 'id'): Promise<Distributor> {
  const d = await getDistributor(id)
  if (!d || d.brandId !== brandId) {
    throw new AppError({
      code: 'not_found',
      message: `Distributor ${id} not found.`,
      fields: field === 'id' ? undefined : { [field]: { reason: 'distributor.not_in_brand' } },
    })
  }
  return d
}
