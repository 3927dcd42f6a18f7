import type { Balance } from '../db/balances'
import { getBalance } from '../db/balances'
import { listRecruits } from '../db/distributors'
import { getDistributors } from '../db/distributors-batch'
import { getHandover } from '../db/handovers'
import type { LedgerEntry } from '../db/ledger'
import type { Brand } from '../schemas/brand'
import type { Distributor } from '../schemas/distributor'
import type { Handover } from '../schemas/handover'
import { type LinkWithClicks, linksWithClicks } from './links-with-clicks'
import { listCommissions } from './list-commissions'
import { qrSvg } from './share-links'
import { type TeamLevel, teamLevels } from './team-levels'

export interface DistributorView {
  d: Distributor
  /** Recruiters from the top of the stored chain down to the direct recruiter; `truncated` when the chain goes higher than stored. */
  chain: Array<Pick<Distributor, 'id' | 'name' | 'type' | 'status'>>
  truncated: boolean
  team: TeamLevel[]
  recruits: Distributor[]
  recruitsCursor?: string
  recruitsNext?: string
  links: LinkWithClicks[]
  balance: Balance
  entries: LedgerEntry[]
  inviteUrl: string
  inviteQr: string
  /** Set when they left: who took over their customers and recruits (the staff-left card shows it). */
  handover?: Handover
}

/** How many of each list the page shows. */
const PAGE = { recruits: 20, links: 20, entries: 10 }

/**
 * Everything the console's distributor page shows, read in parallel: keyed reads and single-key
 * queries only. A stale `recruitsCursor` throws `invalid_input` (the page retries without it).
 */
export async function loadDistributorView(
  baseUrl: string,
  brand: Brand,
  d: Distributor,
  recruitsCursor?: string,
): Promise<DistributorView> {
  const inviteUrl = `${baseUrl}/m/join/${d.inviteCode}`
  const [ancestors, team, recruitPage, links, balance, entries, inviteQr] = await Promise.all([
    getDistributors(d.ancestors),
    teamLevels(d.id),
    listRecruits(d.id, { cursor: recruitsCursor, limit: PAGE.recruits }),
    linksWithClicks(baseUrl, d.id, { limit: PAGE.links }),
    getBalance(d.id, brand.programme.currency),
    // The same listing GET /api/commissions?distributorId= answers with.
    listCommissions(brand.id, { distributorId: d.id, limit: PAGE.entries }),
    qrSvg(inviteUrl),
  ])
  const chain = [...d.ancestors]
    .reverse()
    .map((id) => ancestors.get(id))
    .filter((a): a is Distributor => !!a)
    .map(({ id, name, type, status }) => ({ id, name, type, status }))
  return {
    d,
    chain,
    truncated: d.depth > d.ancestors.length,
    team,
    recruits: recruitPage.items,
    recruitsCursor,
    recruitsNext: recruitPage.nextCursor,
    links: links.items,
    balance,
    entries: entries.items,
    inviteUrl,
    inviteQr,
    handover: await getHandover(d.id),
  }
}
