import type { FC } from 'hono/jsx'
import type { Product } from '../../../lib/schemas/product'

/** The picture the poster draws: the 960 px WebP when uploaded (canvas-safe, same origin), else the product's own URL. */
export const posterImageOf = (p: Product): string | undefined => p.image?.variants.at(-1)?.url ?? p.imageUrl

/**
 * A product's photo on a card: the uploaded WebP widths as a srcset (the phone picks by its
 * pixel density), the JPEG fallback as src, loaded lazily; a product without an upload shows
 * its image URL, or nothing.
 */
export const ProductImage: FC<{ product: Product; sizes: string }> = ({ product, sizes }) => {
  const image = product.image
  if (!image && !product.imageUrl) return null
  return (
    <img
      class="thumb"
      src={image?.fallbackUrl ?? product.imageUrl}
      srcset={image?.variants.map((v) => `${v.url} ${v.width}w`).join(', ')}
      sizes={image ? sizes : undefined}
      width={image ? 96 : undefined}
      height={image ? Math.round((96 * image.height) / image.width) : undefined}
      loading="lazy"
      decoding="async"
      alt=""
    />
  )
}
