import { z } from '@hono/zod-openapi'
import { IdParam, Timestamp } from './common'

/**
 * A campaign: a named time window that campaign-scope commission rules target by id
 * (a rule with `scope: 'campaign'` names the campaign's id as its `target`). It is
 * brand-wide: while it is active and its window holds an order's paidAt, its rules
 * price every line of that order (orders do not name campaigns; see lib/domain/rule-resolution.ts).
 */
export const CampaignBody = z
  .strictObject({
    id: IdParam.optional().openapi({
      description: 'Your own id (e.g. "double11-2025"); one is made when absent. Only on create.',
    }),
    name: z.string().trim().min(1, 'name.required').max(80),
    startsAt: Timestamp,
    endsAt: Timestamp,
    active: z.boolean().default(true),
  })
  .refine((b) => Date.parse(b.startsAt) < Date.parse(b.endsAt), {
    message: 'date.ends_before_starts',
    path: ['endsAt'],
  })
  .openapi('CampaignInput')
export type CampaignBody = z.infer<typeof CampaignBody>

export const Campaign = z
  .object({
    id: z.string(),
    name: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Campaign')
export type Campaign = z.infer<typeof Campaign>
