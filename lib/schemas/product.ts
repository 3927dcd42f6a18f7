import { z } from '@hono/zod-openapi'
import { Money } from './common'

/** The longest copy text a brand may write for a product. */
export const COPY_TEXT_MAX = 200

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
    copyTexts: z
      .array(z.string().trim().min(1).max(COPY_TEXT_MAX))
      .max(3)
      .optional()
      .openapi({ description: 'Up to 3 lines distributors copy with their link; the page has a default.' }),
    active: z.boolean().default(true),
  })
  .openapi('ProductInput')

/** The widths each uploaded image is stored at, as WebP; the JPEG fallback is the middle one. */
export const IMAGE_WIDTHS = [240, 480, 960] as const

/** An uploaded product image, stored in the media bucket and served from Ripple's origin under /media/. */
export const ProductImage = z
  .object({
    version: z.string().openapi({ description: 'Changes with every upload (a content hash), so URLs cache forever.' }),
    width: z.number().int().openapi({ description: 'The upload, in pixels, after EXIF rotation.' }),
    height: z.number().int(),
    variants: z
      .array(z.object({ width: z.number().int(), url: z.string() }))
      .openapi({ description: 'WebP renditions, narrowest first; `url` is a path on this origin.' }),
    fallbackUrl: z.string().openapi({ description: 'A JPEG for browsers without WebP (480 px wide).' }),
  })
  .openapi('ProductImage')
export type ProductImage = z.infer<typeof ProductImage>

export const Product = z
  .object({
    sku: z.string(),
    name: z.string(),
    price: z.number().int(),
    url: z.string(),
    category: z.string().optional(),
    imageUrl: z.string().optional(),
    image: ProductImage.optional(),
    copyTexts: z.array(z.string()).optional(),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('Product')
export type Product = z.infer<typeof Product>
