import { getTeamCounts, listRecruits } from '../../../../lib/db/distributors'
import { getDistributors } from '../../../../lib/db/distributors-batch'
import { listLinksOf } from '../../../../lib/db/links'
import { LINK_SHARDS, linkScope, sumCounters } from '../../../../lib/db/counters'
import { getBalance, type Balance } from '../../../../lib/db/balances'
import type { LedgerEntry } from '../../../../lib/db/ledger'
import { listCommissions } from '../../../../lib/services/list-commissions'
import { qrSvg } from '../../../../lib/services/share-links'
import type { Brand } from '../../../../lib/schemas/brand'
import type { Distributor } from '../../../../lib/schemas/distributor'
import type { Handover } from '../../../../lib/schemas/handover'
import { getHandover } from '../../../../lib/db/handovers'

export interface DistributorView {
  d: Distributor
  /** Recruiters from the top of the stored chain down to the direct recruiter; `truncated` when the chain goes higher than stored. */
  chain: Array<Pick<Distributor, 'id' | 'name' | 'type' | 'status'>>
  truncated: boolean
  team: Array<{ level: number; count: number }>
  recruits: Distributor[]
  recruitsCursor?: string
  recruitsNext?: string
  links: Array<{ code: string; shortUrl: string; target: string; productId?: string; clicks: number }>
  balance: Balance
  entries: LedgerEntry[]
  inviteUrl: string
  inviteQr: string
  /** Set when they left: who took over their customers and recruits (the staff-left card shows it). */
  handover?: Handover
}

/** How many of each list the page shows. */
const PAGE = { recruits: 20, links: 20, entries: 10 }

/** Everything the distributor page shows, read in parallel: keyed reads and single-key queries only. */
export async function loadDistributor(
  baseUrl: string,
  brand: Brand,
  d: Distributor,
  recruitsCursor?: string,
): Promise<DistributorView> {
  const inviteUrl = `${baseUrl}/m/join/${d.inviteCode}`
  const [ancestors, counts, recruitPage, linkPage, balance, entries, inviteQr] = await Promise.all([
    getDistributors(d.ancestors),
    getTeamCounts(d.id),
    listRecruits(d.id, { cursor: recruitsCursor, limit: PAGE.recruits }),
    listLinksOf(d.id, { limit: PAGE.links }),
    getBalance(d.id, brand.programme.currency),
    // The same listing GET /api/commissions?distributorId= answers with.
    listCommissions(brand.id, { distributorId: d.id, limit: PAGE.entries }),
    qrSvg(inviteUrl),
  ])
  const clicks = await sumCounters(
    linkPage.items.map((l) => linkScope(l.code)),
    LINK_SHARDS,
    'total',
    'clicks',
  )
  const chain = [...d.ancestors]
    .reverse()
    .map((id) => ancestors.get(id))
    .filter((a): a is Distributor => !!a)
    .map(({ id, name, type, status }) => ({ id, name, type, status }))
  return {
    d,
    chain,
    truncated: d.depth > d.ancestors.length,
    team: Object.entries(counts)
      .map(([level, count]) => ({ level: Number(level), count }))
      .sort((a, b) => a.level - b.level),
    recruits: recruitPage.items,
    recruitsCursor,
    recruitsNext: recruitPage.nextCursor,
    links: linkPage.items.map((l) => ({
      code: l.code,
      shortUrl: `${baseUrl}/s/${l.code}`,
      target: l.target,
      productId: l.productId,
      clicks: clicks.get(linkScope(l.code)) ?? 0,
    })),
    balance,
    entries: entries.items,
    inviteUrl,
    inviteQr,
    handover: await getHandover(d.id),
  }
}
