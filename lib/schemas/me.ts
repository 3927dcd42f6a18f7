import { z } from '@hono/zod-openapi'

/** A distributor's own figures and their team's: what GET /api/me and /api/me/team answer besides the distributor. */

const Count = z.number().int()
const Day = z.string().openapi({ example: '2026-11-25' })

export const DayFigures = z
  .object({
    day: Day,
    clicks: Count,
    orders: Count,
    gmv: Count.openapi({ description: 'Minor units, net of refunds (a refund lowers the day its order was paid).' }),
  })
  .openapi('DayFigures')

/** What own and team figures share: a 30-day window, its totals and its days. */
const WindowFigures = z.object({
  from: Day,
  to: Day,
  clicks: Count,
  orders: Count,
  gmv: Count,
  daily: z
    .array(DayFigures)
    .openapi({ description: 'One row per day from `from` to `to`, oldest first, zeros included.' }),
})

export const OwnStats = WindowFigures.extend({ recruits: Count }).openapi('OwnStats', {
  description:
    'Own clicks, credited orders, GMV (net of refunds) and direct recruits over the last 30 days (UTC days, today included).',
})

export const TeamStats = WindowFigures.extend({
  newMembers: Count.openapi({ description: 'Distributors who joined anywhere in the team.' }),
}).openapi('TeamStats', {
  description:
    "The team's figures over the same days: everyone below the distributor, every level up to ten, each event counted under the recruiters its distributor had when it happened. Clicks, orders and GMV are the sum of the members' own figures.",
})

export const Earnings = z
  .object({ currency: z.string(), pending: Count, available: Count, settled: Count, paid: Count })
  .openapi('Earnings', { description: 'Commission by status (the balance).' })

export const MyDashboard = z.object({ stats: OwnStats, teamStats: TeamStats, earnings: Earnings })
export type MyDashboard = z.infer<typeof MyDashboard>
export type MyResults = Pick<MyDashboard, 'stats' | 'teamStats'>

/** One of my share links with its click count (GET /api/me/links). */
export const MyLink = z.object({
  code: z.string(),
  shortUrl: z.string(),
  target: z.string(),
  productId: z.string().optional(),
  clicks: z.number().int(),
  createdAt: z.string(),
})
export type MyLink = z.infer<typeof MyLink>

const Minor = z.number().int()
const Source = z.enum(['click', 'refCode', 'binding'])

/** One of my customers' orders with me, as the customer list shows it. */
const CustomerOrder = z.object({
  orderRef: z.string().openapi({ description: 'The last four characters of the order id.', example: '…7319' }),
  paidAt: z.string(),
  total: Minor,
  currency: z.string(),
})

/** A customer bound to me (GET /api/me/customers). */
export const MyCustomer = z
  .object({
    customer: z.string().openapi({ description: 'The customer id, masked as a shop shows it.', example: '13***00' }),
    boundAt: z.string(),
    expiresAt: z.string().nullable().openapi({ description: 'When the binding ends; null: it does not.' }),
    active: z.boolean().openapi({ description: 'The binding still holds now.' }),
    orders: z
      .array(CustomerOrder)
      .openapi({ description: 'Their latest orders credited to me, newest first (at most 5).' }),
  })
  .openapi('MyCustomer')
export type MyCustomer = z.infer<typeof MyCustomer>

/** An order credited to me or my team, with why (GET /api/me/orders). */
export const MyOrder = z
  .object({
    orderRef: z.string().openapi({ example: '…7319' }),
    paidAt: z.string(),
    level: z.number().int().openapi({ description: '1: credited to me; above: to someone in my team.' }),
    source: Source.nullable().openapi({ description: 'How the order was attributed to the credited distributor.' }),
    creditedName: z.string().optional().openapi({ description: 'For a team order: who in my team was credited.' }),
    why: z.string().openapi({ description: 'The reason in one line.', example: 'Clicked your link' }),
    products: z.array(z.object({ sku: z.string(), name: z.string().optional(), qty: z.number().int() })),
    total: Minor,
    commission: Minor.openapi({ description: 'What I earned on it (all my entries at that level).' }),
    currency: z.string(),
  })
  .openapi('MyOrder')
export type MyOrder = z.infer<typeof MyOrder>

/** A place in a ranking. */
const Place = z.object({
  rank: z.number().int().nullable().openapi({ description: 'Null while my figure is zero.' }),
  of: z.number().int().nullable().openapi({ description: 'How many are ranked; null where not counted.' }),
  value: Minor,
})

/** GET /api/me/rank: my place this month, among my type and within my store. */
export const MyRank = z
  .object({
    month: z.string().openapi({ example: '2026-12' }),
    from: Day,
    to: Day,
    type: z.string(),
    store: z.string().nullable(),
    gmv: z.object({ type: Place, store: Place.nullable() }),
    newCustomers: z.object({ type: Place, store: Place.nullable() }),
  })
  .openapi('MyRank')
export type MyRank = z.infer<typeof MyRank>
