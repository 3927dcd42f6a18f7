import { getBrandOrThrow } from '../../../lib/services/get-brand-or-throw'
import { listProducts } from '../../../lib/db/products'
import { listLinksOf } from '../../../lib/db/links'
import { LINK_SHARDS, linkScope, sumCounters } from '../../../lib/db/counters'
import { getTeamCounts, listRecruits } from '../../../lib/db/distributors'
import { qrSvg } from '../../../lib/services/share-links'
import { myResults } from '../../../lib/services/my-dashboard'
import type { MyResults } from '../../../lib/schemas/me'
import { getBalance, type Balance } from '../../../lib/db/balances'
import { listLedgerOf, type LedgerEntry } from '../../../lib/db/ledger'
import { applyBps } from '../../../lib/domain/money'
import type { Brand } from '../../../lib/schemas/brand'
import type { Distributor } from '../../../lib/schemas/distributor'
import type { Product } from '../../../lib/schemas/product'

export interface ProductRow {
  product: Product
  /** What one sale through a share earns at the programme's level-1 default rate, minor units. */
  commission: number
}

export interface LinkRow {
  code: string
  shortUrl: string
  label: string
  clicks: number
}

export interface MobileData {
  brand: Brand
  me: Distributor
  levelOneBps: number
  products: ProductRow[]
  links: LinkRow[]
  team: Array<{ level: number; count: number }>
  recruits: Distributor[]
  inviteUrl: string
  inviteQr: string
  balance: Balance
  /** My latest ledger entries, newest first. */
  entries: LedgerEntry[]
  /** My own and my team's figures over the last 30 days, from the counters. */
  results: MyResults
}

/** How many of each list the page shows: a phone screen, not a report. */
const PAGE = { products: 100, links: 20, recruits: 20, entries: 10 }

/** Everything the mobile page shows, read in parallel: keyed reads and single-key queries only. */
export async function loadMobileData(baseUrl: string, me: Distributor): Promise<MobileData> {
  const inviteUrl = `${baseUrl}/m/join/${me.inviteCode}`
  const brandRead = getBrandOrThrow(me.brandId)
  const [brand, productPage, linkPage, counts, recruitPage, inviteQr, balance, ledgerPage, results] = await Promise.all(
    [
      brandRead,
      listProducts(me.brandId, { limit: PAGE.products }),
      listLinksOf(me.id, { limit: PAGE.links }),
      getTeamCounts(me.id),
      listRecruits(me.id, { limit: PAGE.recruits }),
      qrSvg(inviteUrl),
      // The balance is kept per currency: the brand's programme currency is the one its orders pay in.
      brandRead.then((b) => getBalance(me.id, b.programme.currency)),
      listLedgerOf(me.id, { limit: PAGE.entries }),
      myResults(me.brandId, me.id),
    ],
  )
  const clicks = await sumCounters(
    linkPage.items.map((l) => linkScope(l.code)),
    LINK_SHARDS,
    'total',
    'clicks',
  )
  const levelOneBps = brand.programme.defaultBps[0] ?? 0
  const names = new Map(productPage.items.map((p) => [p.sku, p.name]))
  return {
    brand,
    me,
    levelOneBps,
    products: productPage.items
      .filter((p) => p.active)
      .map((product) => ({ product, commission: applyBps(product.price, levelOneBps) })),
    links: linkPage.items.map((l) => ({
      code: l.code,
      shortUrl: `${baseUrl}/s/${l.code}`,
      label: (l.productId && names.get(l.productId)) || l.target,
      clicks: clicks.get(linkScope(l.code)) ?? 0,
    })),
    team: Object.entries(counts)
      .map(([level, count]) => ({ level: Number(level), count }))
      .sort((a, b) => a.level - b.level),
    recruits: recruitPage.items,
    inviteUrl,
    inviteQr,
    balance,
    entries: ledgerPage.items,
    results,
  }
}
