import { z } from '@hono/zod-openapi'
import { DistributorTypeSchema } from './distributor'

/** Longest range a report reads: a year, leap day included. */
export const MAX_REPORT_DAYS = 366

export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'format.day')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'date.not_calendar_day',
  )

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1

/** `from` and `to` (the brand's local days, both included): from ≤ to, at most 366 days. */
export const ReportRange = z
  .object({ from: Day.openapi({ example: '2026-11-01' }), to: Day.openapi({ example: '2026-11-30' }) })
  .refine((q) => q.from <= q.to, { message: 'date.from_after_to', path: ['from'] })
  .refine((q) => q.from > q.to || daysBetween(q.from, q.to) <= MAX_REPORT_DAYS, {
    message: 'date.range_too_long',
    params: { days: MAX_REPORT_DAYS },
    path: ['to'],
  })
export type ReportRange = z.infer<typeof ReportRange>

/** `?type=&limit=` as forms and hand-written URLs send them: an empty parameter means "not given". */
const blankAsMissing = <S extends z.ZodTypeAny>(schema: S) => z.preprocess((v) => (v === '' ? undefined : v), schema)

export const LeaderboardQuery = z
  .object({
    from: Day,
    to: Day,
    by: z.enum(['gmv', 'orders', 'recruits']).default('gmv'),
    group: z.enum(['distributor', 'store']).default('distributor'),
    type: blankAsMissing(DistributorTypeSchema.optional()),
    limit: blankAsMissing(z.coerce.number().int().min(1).max(100).default(10)),
  })
  .refine((q) => q.from <= q.to, { message: 'date.from_after_to', path: ['from'] })
  .refine((q) => q.from > q.to || daysBetween(q.from, q.to) <= MAX_REPORT_DAYS, {
    message: 'date.range_too_long',
    params: { days: MAX_REPORT_DAYS },
    path: ['to'],
  })

const Count = z.number().int()
const Ratio = z
  .string()
  .nullable()
  .openapi({ description: 'A decimal string with 4 places ("0.2500"); null when the denominator is 0.' })
const Figures = z.object({
  distributors: Count.openapi({ description: 'Distributors (active or suspended) in this row at the end of `to`.' }),
  activeDistributors: Count.openapi({
    description: 'Distributors with at least one click or credited order in the range.',
  }),
  links: Count,
  clicks: Count,
  orders: Count,
  gmv: Count.openapi({ description: 'Order base (minor units) net of refunds, on the day of the order.' }),
  commission: Count.openapi({
    description: 'Commission entries net of reversals (minor units), on the day of the order.',
  }),
  newCustomers: Count,
  newRecruits: Count.openapi({ description: 'Distributors recruited by this row in the range.' }),
  fission: Ratio.openapi({ description: 'newRecruits / activeDistributors, 4 decimal places.' }),
})

export const RippleReportSchema = z
  .object({
    currency: z.string(),
    timeZone: z.string().openapi({ description: "The brand's zone: `from`, `to` and every day are its local days." }),
    from: z.string(),
    to: z.string(),
    rings: z.array(Figures.extend({ ring: Count, byType: z.array(Figures.extend({ type: z.string() })) })),
    totals: Figures,
    amplification: Ratio.openapi({ description: 'GMV of rings ≥ 2 / GMV of ring 1, 4 decimal places.' }),
  })
  .openapi('RippleReport')

const Circle = z.enum(['internal', 'external'])
export const ChannelReportSchema = z
  .object({
    currency: z.string(),
    timeZone: z.string().openapi({ description: "The brand's zone: `from`, `to` and every day are its local days." }),
    from: z.string(),
    to: z.string(),
    total: Count,
    circles: z.array(z.object({ circle: Circle, gmv: Count, shareBps: Count })),
    types: z.array(
      z.object({
        type: DistributorTypeSchema,
        circle: Circle,
        gmv: Count,
        shareBps: Count,
        orders: Count,
        distributors: Count,
      }),
    ),
  })
  .openapi('ChannelReport')

export const LeaderboardSchema = z
  .object({
    timeZone: z.string().openapi({ description: "The brand's zone: `from`, `to` and every day are its local days." }),
    from: z.string(),
    to: z.string(),
    by: z.string(),
    group: z.string(),
    items: z.array(
      z.object({
        rank: Count,
        id: z.string(),
        name: z.string().optional(),
        type: z.string().optional(),
        clicks: Count.optional(),
        orders: Count,
        gmv: Count,
        recruits: Count,
      }),
    ),
  })
  .openapi('Leaderboard')

const Bps = z
  .number()
  .int()
  .nullable()
  .openapi({ description: 'Basis points (10000 = 100%); null when the denominator is 0.' })
export const OverviewSchema = z
  .object({
    currency: z.string(),
    timeZone: z.string().openapi({ description: "The brand's zone: `from`, `to` and every day are its local days." }),
    from: z.string(),
    to: z.string(),
    orders: Count,
    gmv: Count.openapi({ description: 'Every order, credited or not, net of refunds.' }),
    distributionGmv: Count.openapi({ description: 'Orders credited to a distributor.' }),
    newCustomers: Count,
    referredNewCustomers: Count,
    customerReferralRateBps: Bps.openapi({
      description:
        'referredNewCustomers / newCustomers: new customers whose first order was credited to a distributor.',
    }),
    referredOrders: Count,
    referredRepeatOrders: Count,
    repurchaseRateBps: Bps.openapi({
      description: "Of the range's orders by referred customers, the share that were not the customer's first order.",
    }),
    referredGmv: Count,
    gmvPerReferredCustomer: Count.nullable().openapi({
      description:
        "GMV of referred customers' orders in the range / referred new customers in the range, rounded down.",
    }),
  })
  .openapi('ReportOverview')

export const TrendSchema = z
  .object({
    currency: z.string(),
    timeZone: z.string().openapi({ description: "The brand's zone: `from`, `to` and every day are its local days." }),
    from: z.string(),
    to: z.string(),
    days: z.array(z.object({ day: z.string(), clicks: Count, orders: Count, gmv: Count, distributionGmv: Count })),
  })
  .openapi('ReportTrend')
