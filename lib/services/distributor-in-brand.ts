import { getDistributor } from '../db/distributors'
import { ownersOfExternalIds } from '../db/external-ids'
import { IdParam } from '../schemas/common'
import type { Distributor } from '../schemas/distributor'

/**
 * The brand's distributor with this id: undefined when there is none or it belongs to another
 * brand (another brand's distributor is as missing as an unknown one). One GetItem.
 * @example const d = await distributorInBrand(claims.b, claims.d)
 */
export async function distributorInBrand(brandId: string, id: string): Promise<Distributor | undefined> {
  const d = await getDistributor(id)
  return d?.brandId === brandId ? d : undefined
}

/**
 * The brand's distributor by id, or by external id (工号) when no id of the brand matches; `q` is
 * tried as an id only when it has an id's shape. The external id's owner is read as stored:
 * callers check its brand.
 */
export async function distributorByIdOrExternalId(brandId: string, q: string): Promise<Distributor | undefined> {
  const byId = IdParam.safeParse(q).success ? await getDistributor(q) : undefined
  if (byId?.brandId === brandId) return byId
  const owner = (await ownersOfExternalIds(brandId, [q])).get(q)
  return owner ? getDistributor(owner) : undefined
}
