import { createHash } from 'node:crypto'
import { AppError } from '../errors'
import { IMAGE_WIDTHS, type ProductImage } from '../schemas/product'
import { imageTypeOf, MAX_IMAGE_BYTES, productImageKey } from '../domain/image-type'
import { deleteMedia, putMedia } from '../storage/media-bucket'
import { getProduct, setProductImage } from '../db/products'
import { logger } from '../log'

/** Decoding past this many pixels is refused: a small file can claim a huge canvas (a decompression bomb). */
const MAX_PIXELS = 40_000_000

/** sharp is loaded on first use: it is a native module, shipped only with the function that resizes (cdk/). */
const loadSharp = async () => (await import('sharp')).default

export interface Rendition {
  key: string
  body: Uint8Array
  contentType: string
}

/**
 * Checks an upload and renders it: magic bytes (415 otherwise), a full decode
 * with sharp (422 when it does not decode), then WebP at each of IMAGE_WIDTHS
 * (never enlarged) and a 480 px JPEG, EXIF-rotated and stripped of metadata.
 */
export async function renderProductImage(
  brandId: string,
  sku: string,
  bytes: Uint8Array,
): Promise<{ image: ProductImage; renditions: Rendition[] }> {
  if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge()
  const type = imageTypeOf(bytes)
  if (!type) {
    const message = 'Upload a JPEG, PNG or WebP image.'
    throw new AppError({ code: 'unsupported_media_type', message, fields: { image: message } })
  }
  const sharp = await loadSharp()
  const source = () => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate()
  let width: number
  let height: number
  try {
    // toBuffer decodes every pixel: a truncated or corrupt file fails here, not half way through the renditions.
    const { info } = await source().raw().toBuffer({ resolveWithObject: true })
    width = info.width
    height = info.height
  } catch (cause) {
    const message = 'The image could not be read; it may be damaged, or larger than 40 megapixels.'
    throw new AppError({ code: 'invalid_input', message, fields: { image: message }, cause })
  }
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16)
  const key = (file: string) => productImageKey(brandId, sku, version, file)
  const renditions: Rendition[] = await Promise.all([
    ...IMAGE_WIDTHS.map(async (w) => ({
      key: key(`${w}.webp`),
      body: await source().resize({ width: w, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer(),
      contentType: 'image/webp',
    })),
    (async () => ({
      key: key('480.jpg'),
      body: await source()
        .resize({ width: 480, withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer(),
      contentType: 'image/jpeg',
    }))(),
  ])
  const image: ProductImage = {
    version,
    width,
    height,
    variants: IMAGE_WIDTHS.map((w) => ({ width: w, url: `/${key(`${w}.webp`)}` })),
    fallbackUrl: `/${key('480.jpg')}`,
  }
  return { image, renditions }
}

const tooLarge = () => {
  const message = `The image is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`
  return new AppError({ code: 'payload_too_large', message, fields: { image: message } })
}

/**
 * Sets a product's image: checks and renders the upload, writes every rendition,
 * then points the product at them (conditional on the product still existing).
 * Nothing is left half written: if the product write fails the new objects are
 * removed; the previous version's objects are removed once the product has moved on.
 */
export async function setProductImageFromUpload(
  brandId: string,
  sku: string,
  bytes: Uint8Array,
): Promise<ProductImage> {
  const product = await getProduct(brandId, sku)
  if (!product) throw new AppError({ code: 'not_found', message: 'No such product.' })
  const { image, renditions } = await renderProductImage(brandId, sku, bytes)
  await Promise.all(renditions.map((r) => putMedia(r.key, r.body, r.contentType)))
  let previous: ProductImage | undefined
  try {
    previous = await setProductImage(brandId, sku, image)
  } catch (err) {
    await deleteMedia(renditions.map((r) => r.key)).catch((e: unknown) => logger.warn('image cleanup failed', { e }))
    throw err
  }
  if (previous && previous.version !== image.version) {
    const old = [...previous.variants.map((v) => v.url), previous.fallbackUrl].map((u) => u.replace(/^\//, ''))
    await deleteMedia(old).catch((e: unknown) => logger.warn('old image not removed', { e }))
  }
  return image
}
