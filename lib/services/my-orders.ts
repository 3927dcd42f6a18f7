import { batchRead } from '../db/batch-get'
import { listCommissionEntries } from '../db/credited-entries'
import { getDistributors } from '../db/distributors-batch'
import { orderRead } from '../db/orders'
import { getProducts } from '../db/products'
import { orderRef } from '../domain/customer-mask'
import type { MyOrder } from '../schemas/me'

type Source = MyOrder['source']

const HOW: Record<NonNullable<Source>, [mine: string, theirs: string]> = {
  click: ['Clicked your link', 'clicked their link'],
  refCode: ['Used your code', 'used their code'],
  binding: ['Your bound customer', 'their bound customer'],
}

/**
 * Why an order pays me, in one line: how it reached me (level 1) or whom in my team it reached.
 * @example whyLine(2, 'refCode', '李小红') → 'Team bonus (level 2): 李小红, used their code'
 */
export function whyLine(level: number, source: Source, creditedName?: string): string {
  if (level === 1) return source ? HOW[source][0] : 'Credited to you'
  const how = source ? `, ${HOW[source][1]}` : ''
  return `Team bonus (level ${level}): ${creditedName ?? 'your team'}${how}`
}

/**
 * A page of the orders credited to me or my team, newest first: one Query on my
 * ledger (commission entries), then keyed reads of those orders, their products
 * and, for team orders, who was credited. Entries of one order at my level merge into one row.
 */
export async function listMyOrders(
  brandId: string,
  distributorId: string,
  opts: { cursor?: string; limit?: number },
): Promise<{ items: MyOrder[]; nextCursor?: string }> {
  const page = await listCommissionEntries(distributorId, opts)
  const entries = page.items.filter((e) => e.brandId === brandId)
  const orderIds = [...new Set(entries.map((e) => e.orderId))]
  const { orders } = await batchRead({ orders: orderIds.map((id) => orderRead(brandId, id)) })
  const byId = new Map(orders.map((o) => [o.orderId, o]))
  const teamCredited = orders.flatMap((o) =>
    o.attribution.distributorId && o.attribution.distributorId !== distributorId ? [o.attribution.distributorId] : [],
  )
  const [names, products] = await Promise.all([
    getDistributors([...new Set(teamCredited)]),
    getProducts(brandId, [...new Set(orders.flatMap((o) => o.lines.map((l) => l.sku)))]),
  ])
  const rows = new Map<string, MyOrder>()
  for (const e of entries) {
    const o = byId.get(e.orderId)
    if (!o) continue
    const key = `${e.orderId}#${e.level}`
    const seen = rows.get(key)
    if (seen) {
      seen.commission += e.amount
      continue
    }
    const credited = o.attribution.distributorId
    const creditedName = e.level > 1 && credited ? names.get(credited)?.name : undefined
    rows.set(key, {
      orderRef: orderRef(o.orderId),
      paidAt: o.paidAt,
      level: e.level,
      source: o.attribution.source,
      ...(creditedName ? { creditedName } : {}),
      why: whyLine(e.level, o.attribution.source, creditedName),
      products: o.lines.map((l) => ({ sku: l.sku, name: products.get(l.sku)?.name, qty: l.qty })),
      total: o.total,
      commission: e.amount,
      currency: o.currency,
    })
  }
  return { items: [...rows.values()], nextCursor: page.nextCursor }
}
