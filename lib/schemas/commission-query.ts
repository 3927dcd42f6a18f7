import { z } from '@hono/zod-openapi'
import { Cursor, IdParam, Limit, isCalendarDay } from './common'

const DateOrTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'format.day_or_time')
  .refine((d) => isCalendarDay(d) && (d.length === 10 || !Number.isNaN(Date.parse(d))), 'date.not_calendar_day')

export const CommissionQuery = z
  .object({
    distributorId: IdParam.optional(),
    status: z.enum(['pending', 'available', 'settled', 'paid']).optional(),
    orderId: z
      .string()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/)
      .optional(),
    from: DateOrTime.optional(),
    to: DateOrTime.optional(),
    cursor: Cursor,
    limit: Limit,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'date.from_after_to', path: ['to'] })

export const LedgerEntrySchema = z
  .object({
    entryId: z.string(),
    brandId: z.string(),
    distributorId: z.string(),
    orderId: z.string(),
    kind: z.enum(['commission', 'reversal', 'adjustment']),
    level: z.number().int(),
    ruleId: z.string(),
    ruleVersion: z.number().int(),
    bps: z.number().int().optional(),
    fixed: z.number().int().optional(),
    base: z.number().int(),
    amount: z.number().int().openapi({ description: 'Minor units; negative for a reversal.' }),
    currency: z.string(),
    status: z.enum(['pending', 'available', 'settled', 'paid']),
    at: z
      .string()
      .openapi({ description: 'The payment for a commission, the refund for a reversal: orders the ledger.' }),
    paidAt: z.string().openapi({ description: 'When the order was paid.' }),
    availableAt: z.string().openapi({ description: 'When the hold ends.' }),
    createdAt: z.string(),
    lines: z.array(
      z.object({ sku: z.string(), qty: z.number().int(), base: z.number().int(), amount: z.number().int() }),
    ),
    refundId: z.string().optional(),
    reverses: z.string().optional().openapi({ description: 'The entry a reversal or adjustment reverses.' }),
    settlementId: z.string().optional(),
    availableSince: z.string().optional(),
    settledAt: z.string().optional(),
    paidOutAt: z.string().optional(),
    ring: z.number().int().optional().openapi({ description: "The distributor's ring when the order was paid." }),
    type: z.string().optional().openapi({ description: "The distributor's type when the order was paid." }),
  })
  .openapi('LedgerEntry')
export type LedgerEntryView = z.infer<typeof LedgerEntrySchema>
