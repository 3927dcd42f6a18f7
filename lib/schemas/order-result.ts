import { z } from '@hono/zod-openapi'

export const Commission = z
  .object({
    id: z.string(),
    distributorId: z.string(),
    level: z.number().int(),
    amount: z.number().int(),
    currency: z.string(),
    status: z.enum(['pending', 'available', 'settled', 'paid']),
    ruleId: z.string(),
    ruleVersion: z.number().int(),
    bps: z.number().int().optional(),
    fixed: z.number().int().optional(),
  })
  .openapi('Commission')

export const OrderResult = z
  .object({
    order: z.object({
      orderId: z.string(),
      customerId: z.string().optional(),
      currency: z.string(),
      paidAt: z.string(),
      total: z.number().int(),
      lines: z.array(z.any()),
      createdAt: z.string(),
    }),
    attribution: z.object({
      distributorId: z.string().nullable(),
      source: z.enum(['click', 'refCode', 'binding']).nullable(),
    }),
    commissions: z.array(Commission),
  })
  .openapi('OrderResult')

export const RefundResult = z
  .object({
    refundId: z.string(),
    orderId: z.string(),
    reversals: z.array(
      z.object({
        entryId: z.string(),
        distributorId: z.string(),
        amount: z.number().int(),
        kind: z.string(),
        status: z.string(),
      }),
    ),
    createdAt: z.string(),
  })
  .openapi('RefundResult')
