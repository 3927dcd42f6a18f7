import { z } from '@hono/zod-openapi'
import { isCalendarDay } from './common'

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.')
  .refine(isCalendarDay, 'Not a calendar date.')

export const CloseBody = z
  .union([
    z.strictObject({ period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM, e.g. 2026-10.') }),
    z
      .strictObject({ from: Day, to: Day })
      .refine((b) => b.from <= b.to, { message: 'from must not be after to.', path: ['to'] }),
  ])
  .openapi('CloseSettlement')

export const PaidBody = z
  .strictObject({
    paidAt: z.iso.datetime({ offset: true }).optional(),
    reference: z.string().trim().min(1).max(128).optional(),
  })
  .openapi('MarkPaid')

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
    totals: z
      .object({
        distributors: z.number(),
        gross: z.number(),
        reversals: z.number(),
        net: z.number(),
        entries: z.number(),
        carriedForward: z.number(),
      })
      .optional(),
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
