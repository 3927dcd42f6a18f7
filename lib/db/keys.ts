/**
 * Key builders: the only place key strings are spelled. Routes and domain code
 * never build a key; the repositories in this folder do, through these.
 */
export const keys = {
  brand: (brandId: string) => ({ pk: `BRAND#${brandId}`, sk: 'META' }),
  product: (brandId: string, sku: string) => ({ pk: `BRAND#${brandId}`, sk: `PRODUCT#${sku}` }),
  productsOf: (brandId: string) => ({ pk: `BRAND#${brandId}`, skPrefix: 'PRODUCT#' }),
  apiKey: (keyHash: string) => ({ pk: `KEY#${keyHash}`, sk: 'META' }),
  distributor: (id: string) => ({ pk: `DIST#${id}`, sk: 'META' }),
  team: (id: string) => ({ pk: `DIST#${id}`, sk: 'TEAM' }),
  distributorsOf: (brandId: string) => `BRAND#${brandId}#DISTS`,
  recruitsOf: (parentId: string) => `PARENT#${parentId}`,
  externalId: (brandId: string, externalId: string) => ({ pk: `BRAND#${brandId}#EXT#${externalId}`, sk: 'META' }),
  invite: (code: string) => ({ pk: `INVITE#${code}`, sk: 'META' }),
  link: (code: string) => ({ pk: `LINK#${code}`, sk: 'META' }),
  linksOf: (distributorId: string) => `DIST#${distributorId}#LINKS`,
  linkTarget: (distributorId: string, targetKey: string) => ({ pk: `DIST#${distributorId}`, sk: `TARGET#${targetKey}` }),
  click: (clickId: string) => ({ pk: `CLICK#${clickId}`, sk: 'META' }),
  visit: (code: string, visitorId: string) => ({ pk: `VISIT#${code}#${visitorId}`, sk: 'META' }),
  signIn: (tokenHash: string) => ({ pk: `SIGNIN#${tokenHash}`, sk: 'META' }),
  /** A write shard of a counter scope; readers sum every shard. */
  counter: (scope: string, shard: number, dimension: string) => ({ pk: `${scope}#CTR#${shard}`, sk: dimension }),
} as const

/** Sort key that orders by time and stays unique: `2026-11-25T10:00:00.000Z#id`. */
export const timeSortKey = (iso: string, id: string): string => `${iso}#${id}`
