import { z } from '@hono/zod-openapi'
import { Hostname } from './common'
import { DistributorTypeSchema } from './distributor'
import { isCurrency, MAX_MONEY } from '../domain/money'
import { isTimeZone } from '../domain/time-zone'

/** An IANA time zone name the runtime knows: the brand's calendar (docs/architecture.md §3.7). */
export const TimeZone = z
  .string()
  .refine(isTimeZone, 'Use an IANA time zone name such as Asia/Shanghai.')
  .openapi({ example: 'Asia/Shanghai' })

/** The poster colour of a brand that has not chosen one. */
export const DEFAULT_BRAND_COLOUR = '#c2185b'

/** A brand's programme: the rules that govern attribution, holds and payouts (docs/architecture.md §3, §4). */
export const Programme = z
  .strictObject({
    maxLevels: z.number().int().min(1).max(10),
    bindingDays: z.number().int().min(0).max(3650).openapi({ description: '0 = permanent binding.' }),
    bindingPolicy: z.enum(['first', 'last']),
    holdDays: z.number().int().min(0).max(365),
    selfPurchase: z.enum(['allow', 'deny']),
    allowedDomains: z.array(Hostname).min(1, 'programme.domains_required').max(50),
    currency: z.string().refine(isCurrency, 'format.currency'),
    payoutThreshold: z
      .number()
      .int()
      .min(0)
      .max(MAX_MONEY)
      .openapi({ description: 'Minor units; smaller nets carry forward.' }),
    defaultBps: z
      .array(z.number().int().min(0, 'bps.too_small').max(10000, 'bps.too_big'))
      .min(1)
      .max(10)
      .openapi({ description: 'Programme default commission per level in basis points; index 0 is level 1.' }),
    defaultRecruitType: DistributorTypeSchema.openapi({
      description: 'Type given to people who join through an invite.',
    }),
    timeZone: TimeZone.openapi({
      description:
        "The brand's calendar: report days, settlement months and times shown are local to it (Asia/Shanghai by default for CNY brands, else UTC). Fixed once the brand has an order.",
    }),
    brandColour: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'Must be a colour such as #c2185b.')
      .optional()
      .openapi({ description: `The brand's colour on posters; ${DEFAULT_BRAND_COLOUR} when unset.` }),
    logoUrl: z
      .string()
      .max(2048)
      .regex(/^(https:\/\/|\/media\/)\S+$/, 'Must be an https URL or a /media/ path on this origin.')
      .optional()
      .openapi({ description: "The brand's logo on posters (served with CORS when on another origin)." }),
  })
  .openapi('Programme')
export type Programme = z.infer<typeof Programme>

/** Defaults for a new brand; its time zone follows its currency (defaultTimeZoneFor). */
export const DEFAULT_PROGRAMME: Omit<Programme, 'allowedDomains' | 'timeZone'> = {
  maxLevels: 2,
  bindingDays: 15,
  bindingPolicy: 'first',
  holdDays: 7,
  selfPurchase: 'deny',
  currency: 'CNY',
  payoutThreshold: 0,
  defaultBps: [1000, 300],
  defaultRecruitType: 'member',
}
