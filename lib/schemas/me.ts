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
