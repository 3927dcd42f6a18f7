import { batchGet } from './batch-get'
import { keys } from './keys'

/**
 * Which distributor holds each external id (工号) of a brand, by the claim items
 * written with every distributor that has one; unclaimed ids are absent.
 * Consistent reads, so a claim written by the previous request is seen.
 * @example await ownersOfExternalIds('b1', ['E001', 'E002']) → Map { 'E001' => 'd_…' }
 */
export async function ownersOfExternalIds(
  brandId: string,
  externalIds: readonly string[],
): Promise<Map<string, string>> {
  const items = await batchGet(
    externalIds.map((x) => keys.externalId(brandId, x)),
    true,
  )
  const prefix = keys.externalId(brandId, '').pk
  return new Map(items.map((item) => [String(item.pk).slice(prefix.length), String(item.distributorId)]))
}
