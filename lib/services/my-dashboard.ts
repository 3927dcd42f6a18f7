import { z } from '@hono/zod-openapi'
import { getBalance } from '../db/balances'
import { readOwnTotals } from '../db/report-counters'
import { DISTRIBUTOR_TYPES } from '../schemas/distributor'
import { getBrandOrThrow } from './get-brand-or-throw'

/** Days a distributor's own figures cover, today included. */
export const MY_DAYS = 30

const Count = z.number().int()
export const MyDashboard = z.object({
  stats: z.object({ from: z.string(), to: z.string(), clicks: Count, orders: Count, gmv: Count, recruits: Count }).openapi({ description: 'Own clicks, credited orders, GMV (net of refunds) and recruits over the last 30 days.' }),
  earnings: z.object({ currency: z.string(), pending: Count, available: Count, settled: Count, paid: Count }).openapi({ description: 'Commission by status (the balance).' }),
})

/**
 * A distributor's own figures: one Query of their counter shard over 30 days
 * (one item a day), and their balance. Nothing scans their orders or ledger.
 */
export async function myDashboard(brandId: string, distributorId: string, now = new Date()): Promise<z.infer<typeof MyDashboard>> {
  const to = now.toISOString().slice(0, 10)
  const from = new Date(now.getTime() - (MY_DAYS - 1) * 86_400_000).toISOString().slice(0, 10)
  const brand = await getBrandOrThrow(brandId)
  const [own, balance] = await Promise.all([readOwnTotals(brandId, distributorId, from, to, DISTRIBUTOR_TYPES), getBalance(distributorId, brand.programme.currency)])
  return { stats: { from, to, ...own }, earnings: balance }
}
