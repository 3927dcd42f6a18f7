/**
 * The one definition of Ripple's DynamoDB table. The CDK stack and the local
 * table creation both map this plain data; never write the table's shape twice.
 *
 * Access patterns (every request path is a GetItem, a Query on one key, or a transaction):
 * | pattern                              | key                                             |
 * |--------------------------------------|-------------------------------------------------|
 * | brand and its programme              | pk BRAND#b, sk META                             |
 * | products of a brand                  | pk BRAND#b, sk begins_with PRODUCT#             |
 * | campaigns of a brand                 | pk BRAND#b, sk begins_with CAMPAIGN#            |
 * | api key → brand and role             | pk KEY#sha256(key), sk META                     |
 * | distributor by id                    | pk DIST#d, sk META                              |
 * | distributors of a brand, by join     | GSI1 pk BRAND#b#DISTS, sk joinedAt#d            |
 * | recruits of a distributor            | GSI2 pk PARENT#p, sk joinedAt#d                 |
 * | team size by level                   | pk DIST#d, sk TEAM                              |
 * | distributor by external id / invite  | pk BRAND#b#EXT#x / INVITE#code, sk META         |
 * | link by code (redirect hot path)     | pk LINK#code, sk META                           |
 * | links of a distributor               | GSI1 pk DIST#d#LINKS, sk createdAt#code         |
 * | one link per distributor and target  | pk DIST#d, sk TARGET#productId or url hash      |
 * | click by id (also: visitor dedupe)   | pk CLICK#id, sk META (TTL); id = HMAC(code,     |
 * |                                      | visitor, 30-min bucket), conditional PutItem    |
 * | sharded counters                     | pk <scope>#CTR#shard, sk <dimension>            |
 * | stream batch applied (idempotency)   | pk STREAMBATCH#firstSeq#chunk, sk META (TTL)    |
 * | placements a batch counted clicks at | pk STREAMBATCH#firstSeq#placements, sk PART#n   |
 * | stream pump checkpoint (local only)  | pk JOB#stream-pump#shardId, sk META             |
 * | single-use sign-in token             | pk SIGNIN#sha256(token), sk META (TTL)          |
 * | customer's binding                   | pk BRAND#b#CUST#c, sk BINDING                   |
 * | customers bound to a distributor     | GSI2 pk BOUND#d, sk customerId (hand-over, /me) |
 * | a customer's orders credited to d    | GSI1 pk BRAND#b#CUST#c#WITH#d, sk paidAt#order  |
 * | a leaver's hand-over                 | pk DIST#d, sk HANDOVER                          |
 *
 * | report counters (lib/db/report-layout)| pk BRAND#b#<RPT|HC|DDAY|SDAY|ACT>#CTR#shard,   |
 * |                                      | sk day… (a date range: one Query per shard)     |
 * | a customer's first order             | pk BRAND#b#CUST#c, sk FIRST                     |
 * | rate limit: one fixed window's count | pk RATE#scope#subject, sk W#windowStart (TTL),  |
 * |                                      | one UpdateItem ADD returning the new count      |
 *
 * Counters are not written on the request paths: the table's stream feeds
 * functions/counters.ts, which sums each batch's events (clicks, links, joins,
 * orders, refunds, ledger entries) per counter and applies them in one
 * transaction per chunk, marked so a retried batch never counts twice. The
 * redirect stays one round trip of reads (with its per-address count) and one
 * write, and a viral link or a sale day puts one counter write per batch on a
 * key, not one per event.
 */
export const table = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'ttl',
  /**
   * New and old images: most counters need only the inserted item, but a
   * distributor's update must say which ring/type row (and whether the count)
   * it leaves, and only the old image knows that for certain under concurrency.
   */
  stream: 'NEW_AND_OLD_IMAGES',
  globalSecondaryIndexes: [
    { indexName: 'GSI1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'GSI2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const

export type IndexName = (typeof table.globalSecondaryIndexes)[number]['indexName']

/** The table's name: `TABLE_NAME` from the environment, `ripple` by default. */
export const tableName = (): string => process.env.TABLE_NAME ?? 'ripple'
