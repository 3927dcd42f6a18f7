/** The image formats a product photo may be uploaded in. */
export type ImageType = 'jpeg' | 'png' | 'webp'

/** The largest upload accepted: 5 MB. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b)
const ascii = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0))

/**
 * The format the bytes say they are, by their magic numbers, whatever the
 * Content-Type claims; undefined for anything else (GIF, SVG, HTML …).
 * @example imageTypeOf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])) // 'jpeg'
 */
export function imageTypeOf(bytes: Uint8Array): ImageType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  return undefined
}

/**
 * The object key (and /media/ path, less its slash) of one rendition. Brand ids and SKUs are
 * [A-Za-z0-9._-]; a SKU of dots alone cannot reach another brand's folder because the
 * brand id comes first and the media route refuses dot segments.
 */
export const productImageKey = (brandId: string, sku: string, version: string, file: string) =>
  `media/${brandId}/products/${sku}/${version}/${file}`
