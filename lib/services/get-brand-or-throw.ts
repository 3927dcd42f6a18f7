import { getBrand } from '../db/brands'
import { AppError } from '../errors'
import type { Brand } from '../schemas/brand'

/** A brand already read (e.g. in a batch), or a 404 when the credential points at a brand that is gone. */
export function brandOrThrow(brand: Brand | undefined): Brand {
  if (!brand) throw new AppError({ code: 'not_found', message: 'Brand not found.' })
  return brand
}

/** The brand, or a 404 when the credential points at a brand that is gone. */
export const getBrandOrThrow = async (brandId: string): Promise<Brand> => brandOrThrow(await getBrand(brandId))
