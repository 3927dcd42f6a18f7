/**
 * The one definition of Ripple's DynamoDB table. The CDK stack and the local
 * table creation both map this plain data; never write the table's shape twice.
 *
 * Access patterns (every request path is a GetItem, a Query on one key, or a transaction):
 * | pattern                              | key                                             |
 * |--------------------------------------|-------------------------------------------------|
 * | brand and its programme              | pk BRAND#b, sk META                             |
 * | products of a brand                  | pk BRAND#b, sk begins_with PRODUCT#             |
 * | api key → brand and role             | pk KEY#sha256(key), sk META                     |
 * | distributor by id                    | pk DIST#d, sk META                              |
 * | distributors of a brand, by join     | GSI1 pk BRAND#b#DISTS, sk joinedAt#d            |
 * | recruits of a distributor            | GSI2 pk PARENT#p, sk joinedAt#d                 |
 * | team size by level                   | pk DIST#d, sk TEAM                              |
 * | distributor by external id / invite  | pk BRAND#b#EXT#x / INVITE#code, sk META         |
 * | link by code (redirect hot path)     | pk LINK#code, sk META                           |
 * | links of a distributor               | GSI1 pk DIST#d#LINKS, sk createdAt#code         |
 * | one link per distributor and target  | pk DIST#d, sk TARGET#productId or url hash      |
 * | click by id                          | pk CLICK#id, sk META (TTL)                      |
 * | visitor dedupe per link              | pk VISIT#code#visitor, sk META (TTL)            |
 * | sharded counters                     | pk <scope>#CTR#shard, sk <dimension>            |
 * | single-use sign-in token             | pk SIGNIN#sha256(token), sk META (TTL)          |
 */
export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'ttl',
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'GSI2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const

export type IndexName = (typeof table.globalSecondaryIndexes)[number]['indexName']

/** The table's name: `TABLE_NAME` from the environment, `ripple` by default. */
export const tableName = (): string => process.env.TABLE_NAME ?? 'ripple'
