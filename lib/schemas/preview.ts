import { z } from '@hono/zod-openapi'
import { OrderLine } from './order'
import { DistributorTypeSchema } from './distributor'
import { Timestamp } from './common'
import { AttributionSourceSchema } from './order-result'
import { RuleBody } from './rule'

/**
 * A rule as the console's form holds it before saving: `id` names the stored rule
 * it would replace (omit it for a new rule). It prices the same order next to the
 * stored rules and is never written.
 */
export const DraftRule = RuleBody.safeExtend({
  id: z
    .string()
    .max(64)
    .optional()
    .openapi({ description: 'The stored rule this draft replaces; none for a new one.' }),
}).openapi('DraftRule')
export type DraftRule = z.infer<typeof DraftRule>

/**
 * An order to price without writing it: attribution fields as in an order, or a
 * `distributorId` to credit directly, or just a `type` to see what a chain of
 * that type would earn (the console's live preview). The body of `POST /api/orders`
 * is accepted as it is: its `orderId` and `currency` are allowed and ignored
 * (the brand's currency prices the preview). A `draftRule` is priced next to the
 * stored rules.
 */
export const PreviewBody = z
  .strictObject({
    orderId: z.string().max(100).optional().openapi({ description: 'Allowed (an order body) and ignored.' }),
    currency: z.string().max(8).optional().openapi({ description: "Allowed and ignored: the brand's currency." }),
    draftRule: DraftRule.optional(),
    distributorId: z.string().max(64).optional(),
    type: DistributorTypeSchema.optional(),
    clickId: z.string().max(64).optional(),
    refCode: z.string().max(64).optional(),
    customerId: z.string().max(128).optional(),
    paidAt: Timestamp.optional(),
    lines: z.array(OrderLine).min(1).max(200),
  })
  .openapi('PreviewInput')
export type PreviewBody = z.infer<typeof PreviewBody>

const Minor = z.number().int()

/** One commission the previewed order would pay: a level, its rule, the amount and what each line earned. */
const PreviewCommission = z.object({
  distributorId: z.string().openapi({ description: 'The distributor, or `level-N` for a hypothetical chain.' }),
  level: z.number().int(),
  ruleId: z.string(),
  ruleVersion: z.number().int(),
  bps: z.number().int().optional(),
  fixed: Minor.optional(),
  amount: Minor.openapi({ description: "After the rule's capPerOrder." }),
  lines: z.array(z.object({ sku: z.string(), qty: z.number().int(), base: Minor, amount: Minor })),
})

/** POST /api/rules/preview: what the order would pay, by the same code as ingestion; nothing is written. */
export const CommissionPreviewSchema = z
  .object({
    currency: z.string(),
    attribution: z.object({
      distributorId: z.string().nullable(),
      source: AttributionSourceSchema.nullable(),
    }),
    total: Minor.openapi({ description: "Sum of the lines' bases, minor units." }),
    commissions: z.array(PreviewCommission).openapi({ description: 'By the stored (saved) rules.' }),
    draft: z
      .object({ commissions: z.array(PreviewCommission) })
      .optional()
      .openapi({
        description:
          "With a `draftRule`: the same order priced as if the draft were saved (its commissions name the draft's `id`, or `draft`).",
      }),
  })
  .openapi('CommissionPreview')
export type CommissionPreview = z.infer<typeof CommissionPreviewSchema>
