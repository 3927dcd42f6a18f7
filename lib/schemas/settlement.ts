import { z } from '@hono/zod-openapi'
import { isCalendarDay } from './common'

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'format.day')
  .refine(isCalendarDay, 'date.not_calendar_day')

export const CloseBody = z
  .union([
    z.strictObject({
      period: z
        .string()
        .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'format.period')
        .openapi({ description: "A month in the brand's time zone: it ends at local midnight." }),
    }),
    z
      .strictObject({ from: Day, to: Day })
      .refine((b) => b.from <= b.to, { message: 'date.from_after_to', path: ['to'] }),
  ])
  .openapi('CloseSettlement')

export const PaidBody = z
  .strictObject({
    paidAt: z.iso.datetime({ offset: true }).optional(),
    reference: z.string().trim().min(1).max(128).optional(),
  })
  .openapi('MarkPaid')

const Minor = z.number().int()

const BatchTotals = z.object({
  distributors: z.number(),
  gross: z.number(),
  reversals: z.number(),
  net: z.number(),
  entries: z.number(),
  carriedForward: z.number(),
})

/** One distributor's share of a batch, as the close decided it. */
const SettlementLineShape = z.object({
  distributorId: z.string(),
  gross: Minor.openapi({ description: 'Sum of the commissions, minor units.' }),
  reversals: Minor.openapi({ description: 'Sum of reversals and adjustments: negative or 0.' }),
  net: Minor,
  entries: z.number().int(),
  carriedForward: z.boolean(),
  reason: z
    .enum(['below_threshold', 'negative'])
    .optional()
    .openapi({ description: 'Why the line is carried forward to the next batch.' }),
})

export const BatchSchema = z
  .object({
    batchId: z.string(),
    period: z.string(),
    currency: z.string(),
    status: z.enum(['closing', 'closed', 'paying', 'paid']),
    startedAt: z.string(),
    closedAt: z.string().optional(),
    paidAt: z.string().optional(),
    reference: z.string().optional(),
    totals: BatchTotals.optional(),
    progress: z.object({ planned: z.boolean(), movedEntries: z.number(), totalEntries: z.number().nullable() }),
    reconciliation: z
      .object({
        linesNet: z.number().nullable(),
        entriesNet: z.number(),
        ledgerMovement: z.number(),
        reconciled: z.boolean(),
      })
      .optional(),
  })
  .openapi('SettlementBatch')
export type SettlementBatch = z.infer<typeof BatchSchema>
export type BatchView = z.infer<typeof BatchSchema>

/** A line of a closed batch, with the payee's details as they were at the close. */
export const SettlementLineSchema = SettlementLineShape.extend({
  name: z.string(),
  type: z.string(),
  externalId: z.string(),
  payeeReference: z.string(),
}).openapi('SettlementLine')
export type SettlementLineView = z.infer<typeof SettlementLineSchema>

/** GET /api/settlements/{id}: the batch and a page of its lines. */
export const BatchWithLines = BatchSchema.extend({
  lines: z.array(SettlementLineSchema),
  nextCursor: z.string().optional(),
})
export type BatchWithLines = z.infer<typeof BatchWithLines>

/** A line the settlement preview names, with the distributor's current name and type. */
const PreviewLine = SettlementLineShape.extend({ name: z.string(), type: z.string() }).openapi('SettlementPreviewLine')

/** POST /api/settlements/preview: what closing the period now would do, or the batch it already has. */
export const SettlementPreviewSchema = z
  .object({
    batchId: z.string(),
    period: z.string(),
    end: z.string().openapi({
      description:
        "Entries that became available before this instant are taken: the period's end at local midnight in `timeZone`.",
    }),
    timeZone: z
      .string()
      .openapi({ description: "The brand's zone the period is counted in (`2026-11` is its November)." }),
    currency: z.string(),
    payoutThreshold: Minor,
    existing: z
      .object({ status: z.enum(['closing', 'closed', 'paying', 'paid']), totals: BatchTotals.optional() })
      .optional()
      .openapi({ description: 'The batch the period already has: nothing is planned then.' }),
    totals: BatchTotals.optional(),
    included: z.array(PreviewLine).openapi({ description: 'The largest settled lines (at most 50).' }),
    carriedForward: z.array(PreviewLine).openapi({ description: 'Lines carried forward (at most 50).' }),
    more: z.boolean().openapi({ description: 'More lines than the ones named.' }),
  })
  .openapi('SettlementPreview')
export type SettlementPreview = z.infer<typeof SettlementPreviewSchema>
