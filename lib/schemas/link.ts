import { z } from '@hono/zod-openapi'
import { Sku } from './product'

export const CreateLinkBody = z
  .union([z.strictObject({ productId: Sku }), z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2048) })])
  .openapi('CreateLink', { description: '`{ productId }` for a catalogue product, or `{ url }` on an allowed domain.' })

export const Link = z
  .object({
    code: z.string(),
    shortUrl: z.string(),
    qrSvg: z.string(),
    target: z.string(),
    productId: z.string().optional(),
    createdAt: z.string(),
  })
  .openapi('Link')
export type Link = z.infer<typeof Link>
