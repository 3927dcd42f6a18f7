import type { Balance } from '../db/balances'
import { getBalance } from '../db/balances'
import { listRecruits } from '../db/distributors'
import { type LedgerEntry, listLedgerOf } from '../db/ledger'
import { listProducts } from '../db/products'
import { shareEarning, type ShareEarning } from '../domain/share-earning'
import type { Brand } from '../schemas/brand'
import type { Distributor } from '../schemas/distributor'
import type { MyResults } from '../schemas/me'
import type { Product } from '../schemas/product'
import type { MyCustomer, MyOrder, MyRank } from '../schemas/me'
import { getBrandOrThrow } from './get-brand-or-throw'
import { linksWithClicks } from './links-with-clicks'
import { myResults } from './my-dashboard'
import { listMyCustomers } from './my-customers'
import { listMyOrders } from './my-orders'
import { myRank } from './my-rank'
import { readRuleSet } from './rule-set'
import { qrSvg } from './share-links'
import { type TeamLevel, teamLevels } from './team-levels'

export interface ProductRow {
  product: Product
  /** What one unit sold through my share pays me, minor units: the order path's own pricing (shareEarning). */
  commission: number
  earning: ShareEarning
  /** The campaign whose rule sets that rate, while it runs. */
  campaign?: { name: string; endsAt: string }
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
  /** Every product's name by SKU (inactive ones too): the statement names what an entry was for. */
  productNames: Record<string, string>
  orders: MyOrder[]
  customers: MyCustomer[]
  rank: MyRank
}

/** How many of each list the page shows: a phone screen, not a report. */
const PAGE = { products: 100, links: 20, recruits: 20, entries: 30, orders: 10, customers: 10 }

/** Everything the distributor's mobile page (/m) shows, read in parallel: keyed reads and single-key queries only. */
export async function loadMobileData(baseUrl: string, me: Distributor, now = new Date()): Promise<MobileData> {
  const inviteUrl = `${baseUrl}/m/join/${me.inviteCode}`
  const brandRead = getBrandOrThrow(me.brandId)
  const [
    brand,
    productPage,
    ruleSet,
    links,
    team,
    recruitPage,
    inviteQr,
    balance,
    ledgerPage,
    results,
    orders,
    customers,
    rank,
  ] = await Promise.all([
    brandRead,
    listProducts(me.brandId, { limit: PAGE.products }),
    readRuleSet(me.brandId),
    linksWithClicks(baseUrl, me.id, { limit: PAGE.links }),
    teamLevels(me.id),
    listRecruits(me.id, { limit: PAGE.recruits }),
    qrSvg(inviteUrl),
    // The balance is kept per currency: the brand's programme currency is the one its orders pay in.
    brandRead.then((b) => getBalance(me.id, b.programme.currency)),
    listLedgerOf(me.id, { limit: PAGE.entries }),
    brandRead.then((b) => myResults(me.brandId, me.id, b.programme.timeZone)),
    listMyOrders(me.brandId, me.id, { limit: PAGE.orders }),
    listMyCustomers(me.brandId, me.id, { limit: PAGE.customers, now: now.toISOString() }),
    myRank(me, now),
  ])
  const names = new Map(productPage.items.map((p) => [p.sku, p.name]))
  const at = now.toISOString()
  const campaigns = new Map(ruleSet.campaigns.map((c) => [c.id, c]))
  return {
    brand,
    me,
    products: productPage.items
      .filter((p) => p.active)
      .map((product) => {
        const earning = shareEarning(product, me.type, ruleSet, at, brand.programme.defaultBps)
        const campaign = earning.campaignId ? campaigns.get(earning.campaignId) : undefined
        return {
          product,
          commission: earning.amount,
          earning,
          ...(campaign ? { campaign: { name: campaign.name, endsAt: campaign.endsAt } } : {}),
        }
      }),
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
    productNames: Object.fromEntries(names),
    orders: orders.items,
    customers: customers.items,
    rank,
  }
}
