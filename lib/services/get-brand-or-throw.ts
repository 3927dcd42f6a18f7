import { getBrand } from '../db/brands'
import { AppError } from '../http/errors'
import type { Brand } from '../schemas/brand'

/** The brand, or a 404 when the credential points at a brand that is gone. */
export async function getBrandOrThrow(brandId: string): Promise<Brand> {
  const brand = await getBrand(brandId)
  if (!brand) throw new AppError({ code: 'not_found', message: 'Brand not found.' })
  return brand
}
