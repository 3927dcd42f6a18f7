import { z } from '@hono/zod-openapi'
import { Money, Timestamp } from './common'
import { DistributorTypeSchema } from './distributor'

const Bps = z.number().int().min(0, 'bps.too_small').max(10000, 'bps.too_big')
/** A level as sent: basis points, or a fixed amount per unit (minor units or a decimal string). */
export const RuleLevelInput = z.union([z.strictObject({ bps: Bps }), z.strictObject({ fixed: Money })])
/** A level as stored and applied: basis points, or a fixed amount per unit in minor units. */
export const RuleLevel = z.union([z.object({ bps: Bps }), z.object({ fixed: z.number().int() })])
export type RuleLevel = z.infer<typeof RuleLevel>

export const RuleBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    scope: z.enum(['default', 'product', 'category', 'campaign']),
    target: z.string().trim().min(1).max(64).optional().openapi({
      description:
        'SKU, category or campaign id; none for default. A campaign must already exist (POST /api/campaigns); a SKU or category need not be in the catalogue yet.',
    }),
    types: z.array(DistributorTypeSchema).min(1).max(7).optional(),
    levels: z.array(RuleLevelInput).min(1).max(10).openapi({ description: 'Index 0 is level 1.' }),
    capPerOrder: Money.optional().openapi({ description: 'Most this rule pays per order per level, minor units.' }),
    startsAt: Timestamp.optional(),
    endsAt: Timestamp.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.scope === 'default' && r.target)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'rule.default_has_no_target' })
    if (r.scope !== 'default' && !r.target)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'rule.needs_target', params: { scope: r.scope } })
    if (r.startsAt && r.endsAt && Date.parse(r.startsAt) >= Date.parse(r.endsAt))
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'date.ends_before_starts' })
  })
  .openapi('RuleInput')
export type RuleBody = z.infer<typeof RuleBody>
/** A rule as sent, before validation: money may still be a decimal string. */
export type RuleInput = z.input<typeof RuleBody>

export const Rule = z
  .object({
    id: z.string(),
    name: z.string(),
    scope: z.enum(['default', 'product', 'category', 'campaign']),
    target: z.string().optional(),
    types: z.array(DistributorTypeSchema).optional(),
    levels: z.array(RuleLevel),
    capPerOrder: z.number().int().optional(),
    startsAt: z.string().optional(),
    endsAt: z.string().optional(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .openapi('Rule')
export type Rule = z.infer<typeof Rule>
