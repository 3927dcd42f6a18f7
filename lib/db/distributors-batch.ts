import { batchGet } from './batch-get'
import { keys } from './keys'
import { strip, type KeyedRead } from './items'
import type { Distributor } from '../schemas/distributor'

/** Many distributors by id at once, keyed by id; unknown ids are absent. */
export async function getDistributors(ids: readonly string[]): Promise<Map<string, Distributor>> {
  const items = await batchGet(ids.map((id) => keys.distributor(id)))
  return new Map(items.map((item) => strip<Distributor>(item)).map((d) => [d.id, d]))
}

export const distributorRead = (id: string): KeyedRead<Distributor> => ({
  key: keys.distributor(id),
  parse: strip<Distributor>,
})
