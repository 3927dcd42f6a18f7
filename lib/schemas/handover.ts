import { z } from '@hono/zod-openapi'
import { IdParam } from './common'

export const LeaveBody = z.strictObject({ successorId: IdParam }).openapi('Leave')

export const Handover = z
  .object({
    leaverId: z.string(),
    successorId: z.string(),
    brandId: z.string(),
    status: z.enum(['in_progress', 'blocked', 'done']).openapi({
      description: '`in_progress`: call again to go on; `blocked`: some recruits could not move (see recruitFailures).',
    }),
    customersMoved: z.number().int(),
    recruitsMoved: z.number().int(),
    movingRecruitId: z.string().optional().openapi({
      description: 'The recruit whose team is being moved (large teams move in chunks, over several calls).',
    }),
    recruitFailures: z.array(z.object({ distributorId: z.string(), name: z.string(), reason: z.string() })),
    startedAt: z.string(),
    updatedAt: z.string(),
    finishedAt: z.string().optional(),
  })
  .openapi('Handover')
export type Handover = z.infer<typeof Handover>
