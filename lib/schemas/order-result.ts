import { z } from '@hono/zod-openapi'
import { DistributorTypeSchema } from './distributor'

const Minor = z.number().int()

export const Commission = z
  .object({
    id: z.string(),
    distributorId: z.string(),
    level: z.number().int(),
    amount: Minor,
    currency: z.string(),
    status: z.enum(['pending', 'available', 'settled', 'paid']),
    ruleId: z.string(),
    ruleVersion: z.number().int(),
    bps: z.number().int().optional(),
    fixed: z.number().int().optional(),
  })
  .openapi('Commission')
export type Commission = z.infer<typeof Commission>

/** A line as the order stored it: prices in minor units, its category (given or the catalogue's) and its base. */
export const PricedOrderLine = z
  .object({
    sku: z.string(),
    qty: z.number().int(),
    unitPrice: Minor,
    discount: Minor.optional(),
    category: z.string().optional(),
    base: Minor.openapi({ description: 'unitPrice × qty − discount: what commission rates apply to.' }),
  })
  .openapi('PricedOrderLine')

export const AttributionSourceSchema = z.enum(['click', 'refCode', 'binding'])

const OrderResultShape = z.object({
  order: z.object({
    orderId: z.string(),
    customerId: z.string().optional(),
    currency: z.string(),
    paidAt: z.string(),
    total: Minor,
    lines: z.array(PricedOrderLine),
    createdAt: z.string(),
  }),
  attribution: z.object({
    distributorId: z.string().nullable(),
    source: AttributionSourceSchema.nullable(),
  }),
  commissions: z.array(Commission),
})

export const OrderResult = OrderResultShape.openapi('OrderResult')
export type OrderResult = z.infer<typeof OrderResult>

/** One way of crediting the order that was considered, and why it won or lost. */
export const AttributionCandidate = z
  .object({
    source: AttributionSourceSchema,
    distributorId: z.string().optional(),
    outcome: z.enum(['won', 'expired', 'self_purchase', 'unknown', 'suspended', 'outranked']),
    detail: z.string(),
  })
  .openapi('AttributionCandidate')

/** A level of the chain paid: level 1 is the credited distributor. */
export const PaidLevel = z
  .object({ level: z.number().int(), distributorId: z.string(), type: DistributorTypeSchema })
  .openapi('PaidLevel')

/** What has been refunded so far: units per SKU and amounts refunded without lines. */
export const RefundState = z
  .object({ qty: z.record(z.string(), z.number().int()), amount: Minor })
  .openapi('RefundState')

/** GET /api/orders/{orderId}: the order, its commissions, why it was attributed so and its refunds. */
export const OrderDetail = OrderResultShape.extend({
  why: z.object({
    candidates: z.array(AttributionCandidate),
    chain: z.array(PaidLevel),
    skipped: z
      .array(z.object({ level: z.number().int(), distributorId: z.string(), reason: z.enum(['suspended', 'missing']) }))
      .openapi({ description: 'Levels nobody was paid at (the brand keeps the share).' }),
  }),
  refunds: z.object({ ids: z.array(z.string()), state: RefundState }),
}).openapi('OrderDetail')
export type OrderDetail = z.infer<typeof OrderDetail>

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
