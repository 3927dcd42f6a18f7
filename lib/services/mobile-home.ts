import type { Balance } from '../db/balances'
import { getBalance } from '../db/balances'
import { listRecruits } from '../db/distributors'
import { type LedgerEntry, listLedgerOf } from '../db/ledger'
import { listProducts } from '../db/products'
import { applyBps } from '../domain/money'
import type { Brand } from '../schemas/brand'
import type { Distributor } from '../schemas/distributor'
import type { MyResults } from '../schemas/me'
import type { Product } from '../schemas/product'
import { getBrandOrThrow } from './get-brand-or-throw'
import { linksWithClicks } from './links-with-clicks'
import { myResults } from './my-dashboard'
import { qrSvg } from './share-links'
import { type TeamLevel, teamLevels } from './team-levels'

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
  team: TeamLevel[]
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

/** Everything the distributor's mobile page (/m) shows, read in parallel: keyed reads and single-key queries only. */
export async function loadMobileData(baseUrl: string, me: Distributor): Promise<MobileData> {
  const inviteUrl = `${baseUrl}/m/join/${me.inviteCode}`
  const brandRead = getBrandOrThrow(me.brandId)
  const [brand, productPage, links, team, recruitPage, inviteQr, balance, ledgerPage, results] = await Promise.all([
    brandRead,
    listProducts(me.brandId, { limit: PAGE.products }),
    linksWithClicks(baseUrl, me.id, { limit: PAGE.links }),
    teamLevels(me.id),
    listRecruits(me.id, { limit: PAGE.recruits }),
    qrSvg(inviteUrl),
    // The balance is kept per currency: the brand's programme currency is the one its orders pay in.
    brandRead.then((b) => getBalance(me.id, b.programme.currency)),
    listLedgerOf(me.id, { limit: PAGE.entries }),
    brandRead.then((b) => myResults(me.brandId, me.id, b.programme.timeZone)),
  ])
  const levelOneBps = brand.programme.defaultBps[0] ?? 0
  const names = new Map(productPage.items.map((p) => [p.sku, p.name]))
  return {
    brand,
    me,
    levelOneBps,
    products: productPage.items
      .filter((p) => p.active)
      .map((product) => ({ product, commission: applyBps(product.price, levelOneBps) })),
    links: links.items.map((l) => ({
      code: l.code,
      shortUrl: l.shortUrl,
      label: (l.productId && names.get(l.productId)) || l.target,
      clicks: l.clicks,
    })),
    team,
    recruits: recruitPage.items,
    inviteUrl,
    inviteQr,
    balance,
    entries: ledgerPage.items,
    results,
  }
}
