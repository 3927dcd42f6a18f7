/**
 * The console pages' plain reads: each is one db call with nothing to decide, so the service is the
 * db function itself. web/ imports them from here, never from lib/db (docs/architecture.md §1): when
 * a read gains a rule, the rule lands here and the pages get it with the API.
 */
export { listCampaigns } from '../db/campaigns'
export { searchDistributors } from '../db/distributor-search'
export { getHandover } from '../db/handovers'
export { listProducts } from '../db/products'
export { listRules } from '../db/rules'
export { getBatch, listBatches, listLines } from '../db/settlements'
