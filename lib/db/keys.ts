/**
 * Key builders: the only place key strings are spelled. Routes and domain code
 * never build a key; the repositories in this folder do, through these.
 */
export const keys = {
  brand: (brandId: string) => ({ pk: `BRAND#${brandId}`, sk: 'META' }),
  product: (brandId: string, sku: string) => ({ pk: `BRAND#${brandId}`, sk: `PRODUCT#${sku}` }),
  productsOf: (brandId: string) => ({ pk: `BRAND#${brandId}`, skPrefix: 'PRODUCT#' }),
  apiKey: (keyHash: string) => ({ pk: `KEY#${keyHash}`, sk: 'META' }),
  /** A brand API key's record by id (role, label, last 4, status): the list, rotation, and the console session check. */
  apiKeyRecord: (brandId: string, keyId: string) => ({ pk: `BRAND#${brandId}`, sk: `APIKEY#${keyId}` }),
  apiKeysOf: (brandId: string) => ({ pk: `BRAND#${brandId}`, skPrefix: 'APIKEY#' }),
  /** A brand's "sign every distributor out" stamp: sessions issued before it are refused. */
  sessionStamp: (brandId: string) => ({ pk: `BRAND#${brandId}`, sk: 'SESSIONS' }),
  distributor: (id: string) => ({ pk: `DIST#${id}`, sk: 'META' }),
  team: (id: string) => ({ pk: `DIST#${id}`, sk: 'TEAM' }),
  /** A distributor's payout details, sealed (lib/db/payouts.ts): never part of the distributor's own item. */
  payout: (id: string) => ({ pk: `DIST#${id}`, sk: 'PAYOUT' }),
  distributorsOf: (brandId: string) => `BRAND#${brandId}#DISTS`,
  recruitsOf: (parentId: string) => `PARENT#${parentId}`,
  externalId: (brandId: string, externalId: string) => ({ pk: `BRAND#${brandId}#EXT#${externalId}`, sk: 'META' }),
  /** A phone number's claim in a brand: which distributor has it (sign-in by phone is this GetItem). */
  phone: (brandId: string, phone: string) => ({ pk: `BRAND#${brandId}#PHONE#${phone}`, sk: 'META' }),
  /** The sign-in code last sent to a phone number of a brand: its HMAC, expiry and tries. */
  phoneCode: (brandId: string, phone: string) => ({ pk: `BRAND#${brandId}#PHONE#${phone}`, sk: 'CODE' }),
  invite: (code: string) => ({ pk: `INVITE#${code}`, sk: 'META' }),
  link: (code: string) => ({ pk: `LINK#${code}`, sk: 'META' }),
  linksOf: (distributorId: string) => `DIST#${distributorId}#LINKS`,
  linkTarget: (distributorId: string, targetKey: string) => ({
    pk: `DIST#${distributorId}`,
    sk: `TARGET#${targetKey}`,
  }),
  click: (clickId: string) => ({ pk: `CLICK#${clickId}`, sk: 'META' }),
  signIn: (tokenHash: string) => ({ pk: `SIGNIN#${tokenHash}`, sk: 'META' }),
  rule: (brandId: string, ruleId: string) => ({ pk: `BRAND#${brandId}`, sk: `RULE#${ruleId}` }),
  rulesOf: (brandId: string) => ({ pk: `BRAND#${brandId}`, skPrefix: 'RULE#' }),
  campaign: (brandId: string, campaignId: string) => ({ pk: `BRAND#${brandId}`, sk: `CAMPAIGN#${campaignId}` }),
  campaignsOf: (brandId: string) => ({ pk: `BRAND#${brandId}`, skPrefix: 'CAMPAIGN#' }),
  ruleVersion: (brandId: string, ruleId: string, version: number) => ({
    pk: `BRAND#${brandId}`,
    sk: `RULEV#${ruleId}#${String(version).padStart(6, '0')}`,
  }),
  binding: (brandId: string, customerId: string) => ({ pk: `BRAND#${brandId}#CUST#${customerId}`, sk: 'BINDING' }),
  /** GSI2 partition of the bindings held by one distributor (sort key: customer id): a hand-over finds them without a scan. */
  boundTo: (distributorId: string) => `BOUND#${distributorId}`,
  /** A leaving distributor's hand-over to a successor: progress and counts. */
  handover: (distributorId: string) => ({ pk: `DIST#${distributorId}`, sk: 'HANDOVER' }),
  order: (brandId: string, orderId: string) => ({ pk: `BRAND#${brandId}#ORDER#${orderId}`, sk: 'META' }),
  /** GSI1 partition of a customer's orders credited to one distributor (sort key: paidAt#orderId): "my customers". */
  customerOrdersWith: (brandId: string, customerId: string, distributorId: string) =>
    `BRAND#${brandId}#CUST#${customerId}#WITH#${distributorId}`,
  refund: (brandId: string, orderId: string, refundId: string) => ({
    pk: `BRAND#${brandId}#ORDER#${orderId}`,
    sk: `REFUND#${refundId}`,
  }),
  ledgerEntry: (distributorId: string, at: string, entryId: string) => ({
    pk: `DIST#${distributorId}#LEDGER`,
    sk: `${at}#${entryId}`,
  }),
  ledgerOf: (distributorId: string) => `DIST#${distributorId}#LEDGER`,
  /** Brand-wide ledger by month, in LEDGER_SHARDS write shards (a GSI partition takes ~1,000 writes/s). */
  brandLedger: (brandId: string, month: string, shard: number) => `BRAND#${brandId}#LEDGER#${month}#${shard}`,
  /** Pending entries by the day they become available, sharded; the hold-release job reads these. */
  holdDue: (day: string, shard: number) => `HOLD#${day}#${shard}`,
  /** Available entries of a brand, sharded; the settlement close reads these. */
  availableOf: (brandId: string, shard: number) => `BRAND#${brandId}#AVAIL#${shard}`,
  /** Settled (and then paid) entries of a batch, sharded; exports and mark-paid read these. Brand-scoped: batch ids (st_<period>) repeat across brands. */
  settledIn: (brandId: string, batchId: string, shard: number) => `BRAND#${brandId}#SETTLED#${batchId}#${shard}`,
  settlement: (brandId: string, batchId: string) => ({ pk: `BRAND#${brandId}#SETTLEMENT#${batchId}`, sk: 'META' }),
  settlementLine: (brandId: string, batchId: string, distributorId: string) => ({
    pk: `BRAND#${brandId}#SETTLEMENT#${batchId}`,
    sk: `LINE#${distributorId}`,
  }),
  settlementsOf: (brandId: string) => `BRAND#${brandId}#SETTLEMENTS`,
  settlementLock: (brandId: string) => ({ pk: `BRAND#${brandId}`, sk: 'SETTLEMENT_LOCK' }),
  balance: (distributorId: string, currency: string) => ({ pk: `DIST#${distributorId}`, sk: `BALANCE#${currency}` }),
  webhookEvent: (brandId: string, eventId: string) => ({ pk: `BRAND#${brandId}#EVENT#${eventId}`, sk: 'META' }),
  job: (name: string) => ({ pk: `JOB#${name}`, sk: 'META' }),
  /** The local stream pump's position in one shard of the table's stream. */
  streamCheckpoint: (shardId: string) => ({ pk: `JOB#stream-pump#${shardId}`, sk: 'META' }),
  /** Marks one chunk of a stream batch as applied to the counters, so a retry skips it. */
  streamBatch: (firstSequenceNumber: string, chunk: number) => ({
    pk: `STREAMBATCH#${firstSequenceNumber}#${chunk}`,
    sk: 'META',
  }),
  /** The placements a stream batch's clicks were counted at, in parts, so a retry counts at the same ones. */
  streamBatchPlacements: (firstSequenceNumber: string, part = 0) => ({
    pk: `STREAMBATCH#${firstSequenceNumber}#placements`,
    sk: `PART#${String(part).padStart(3, '0')}`,
  }),
  /** A write shard of a counter scope; readers sum every shard. */
  counter: (scope: string, shard: number, dimension: string) => ({ pk: `${scope}#CTR#${shard}`, sk: dimension }),
  /**
   * A brand's report counters of one kind, as a `counter()` scope: RPT (ring/type
   * rows), HC (headcount deltas), DDAY (distributors), SDAY (stores), ACT (active
   * sets). Sort keys start with the day, so a date range is one Query per shard.
   */
  reportScope: (brandId: string, kind: 'RPT' | 'HC' | 'DDAY' | 'SDAY' | 'ACT') => `BRAND#${brandId}#${kind}`,
  /**
   * A distributor's team counters (what everyone below them did): one item per
   * day and write shard, `<day>#<shard>`, all under one partition key, so a
   * 30-day team series is one Query however many shards.
   */
  teamCounters: (brandId: string, distributorId: string) => `BRAND#${brandId}#TEAM#${distributorId}`,
  teamCounter: (brandId: string, distributorId: string, day: string, shard: number) => ({
    pk: `BRAND#${brandId}#TEAM#${distributorId}`,
    sk: `${day}#${shard}`,
  }),
  isTeamCounters: (pk: string) => /^BRAND#[^#]+#TEAM#[^#]+$/.test(pk),
  /**
   * One fixed window of a rate limit (lib/db/rate-limits.ts): a count of what `subject`
   * (an address, a brand, an invite code…) did in `scope` since `windowStart`, removed by TTL.
   */
  rateWindow: (scope: string, subject: string, windowStart: number) => ({
    pk: `RATE#${scope}#${subject}`,
    sk: `W#${new Date(windowStart).toISOString()}`,
  }),
  /** A customer's first order with a brand: written once, so "new customer" needs no scan. */
  customerFirst: (brandId: string, customerId: string) => ({ pk: `BRAND#${brandId}#CUST#${customerId}`, sk: 'FIRST' }),
} as const

/** Sort key that orders by time and stays unique: `2026-11-25T10:00:00.000Z#id`. */
export const timeSortKey = (iso: string, id: string): string => `${iso}#${id}`
