import { z } from '@hono/zod-openapi'
import { OrderLine } from './order'
import { DistributorTypeSchema } from './distributor'
import { Timestamp } from './common'

/**
 * An order to price without writing it: attribution fields as in an order, or a
 * `distributorId` to credit directly, or just a `type` to see what a chain of
 * that type would earn (the console's live preview).
 */
export const PreviewBody = z
  .strictObject({
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
