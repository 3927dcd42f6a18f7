import { z } from '@hono/zod-openapi'
import { Programme } from './programme'

export const Brand = z
  .object({
    id: z.string(),
    name: z.string(),
    createdAt: z.string(),
    programme: Programme,
    firstOrderAt: z.string().optional().openapi({
      description: "When the brand's first order was recorded: from then on its time zone cannot change.",
    }),
  })
  .openapi('Brand')
export type Brand = z.infer<typeof Brand>

export const CreateBrandBody = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    programme: Programme.partial().optional(),
  })
  .refine((b) => (b.programme?.allowedDomains?.length ?? 0) > 0, {
    message: 'programme.domains_required',
    path: ['programme', 'allowedDomains'],
  })
  .openapi('CreateBrand')

export const CreatedBrand = z
  .object({
    brand: Brand,
    adminKey: z.string(),
    financeKey: z.string(),
    webhookSecret: z.string(),
  })
  .openapi('CreatedBrand', { description: 'Keys and secret are shown once; only their hashes are stored.' })
