import { z } from '@hono/zod-openapi'
import { Money } from './common'

export const Sku = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'format.sku')

export const ProductBody = z
  .strictObject({
    sku: Sku,
    name: z.string().trim().min(1).max(120),
    price: Money,
    url: z.url({ protocol: /^https?$/ }).max(2048),
    category: z.string().trim().min(1).max(64).optional(),
    imageUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .optional(),
    active: z.boolean().default(true),
  })
  .openapi('ProductInput')

export const Product = z
  .object({
    sku: z.string(),
    name: z.string(),
    price: z.number().int(),
    url: z.string(),
    category: z.string().optional(),
    imageUrl: z.string().optional(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('Product')
export type Product = z.infer<typeof Product>
