import { listBoundCustomers } from '../db/bindings'
import { listCustomerOrdersWith } from '../db/customer-orders'
import { keys } from '../db/keys'
import { maskCustomerId, orderRef } from '../domain/customer-mask'
import type { MyCustomer } from '../schemas/me'

/** How many of each customer's orders with me the list shows. */
const ORDERS_EACH = 5

/**
 * A page of the customers bound to me (GSI2 `BOUND#<me>`, one Query), each with
 * since/until and their latest orders credited to me (one GSI1 Query each, on
 * that customer and me). Customer ids leave masked.
 */
export async function listMyCustomers(
  brandId: string,
  distributorId: string,
  opts: { cursor?: string; limit?: number; now?: string },
): Promise<{ items: MyCustomer[]; nextCursor?: string }> {
  const page = await listBoundCustomers(distributorId, { cursor: opts.cursor, limit: opts.limit ?? 50 })
  const now = opts.now ?? new Date().toISOString()
  // A binding's key names its brand: only this brand's customers (distributor ids are unique anyway).
  const mine = page.items.filter((b) => b.key.pk === keys.binding(brandId, b.customerId).pk)
  const items = await Promise.all(
    mine.map(async (b): Promise<MyCustomer> => {
      const orders = await listCustomerOrdersWith(brandId, b.customerId, distributorId, { limit: ORDERS_EACH })
      return {
        customer: maskCustomerId(b.customerId),
        boundAt: b.boundAt,
        expiresAt: b.expiresAt,
        active: b.expiresAt === null || b.expiresAt > now,
        orders: orders.items.map((o) => ({
          orderRef: orderRef(o.orderId),
          paidAt: o.paidAt,
          total: o.total,
          currency: o.currency,
        })),
      }
    }),
  )
  return { items, nextCursor: page.nextCursor }
}
