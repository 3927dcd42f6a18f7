import { createRoute, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { router, jsonContent, errorResponses, securityFor } from '../openapi-app'
import { authenticate, brandOf, requireRole } from '../auth'
import { ErrorBody } from '../error-body'
import { AppError } from '../../errors'
import { ProductImage, Sku } from '../../schemas/product'
import { MAX_IMAGE_BYTES } from '../../domain/image-type'
import { setProductImageFromUpload } from '../../services/product-image'

/**
 * The product image upload, mounted ahead of the API's JSON-only, 64 KB guards:
 * the body is the image itself, so the route brings its own size limit, types
 * and sign-in check. On AWS it is served by the media function (sharp lives there).
 */
export const productImage = router()

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream']

const imageOnly = createMiddleware(async (c, next) => {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (!type || !IMAGE_TYPES.includes(type)) {
    const message = 'Send the image as the body with `Content-Type: image/jpeg`, `image/png` or `image/webp`.'
    throw new AppError({ code: 'unsupported_media_type', message, fields: { image: message } })
  }
  await next()
})
const limitImage = bodyLimit({
  maxSize: MAX_IMAGE_BYTES,
  onError: () => {
    const message = `The image is over ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`
    throw new AppError({ code: 'payload_too_large', message, fields: { image: message } })
  },
})

const binary = { schema: z.string().openapi({ format: 'binary' }) }

// PUT /api/products/{sku}/image: upload (or replace) a product's photo.
const putImageRoute = createRoute({
  method: 'put',
  path: '/products/{sku}/image',
  operationId: 'putProductImage',
  description:
    "Uploads a product's photo (JPEG, PNG or WebP, up to 5 MB; the type is read from the bytes). It is resized to 240, 480 and 960 px WebP plus a 480 px JPEG and served from this origin under /media/ with a one-year cache.",
  tags: ['products'],
  middleware: [authenticate, requireRole('admin'), imageOnly, limitImage],
  security: securityFor(['admin']),
  request: {
    params: z.object({ sku: Sku }),
    body: {
      required: true,
      description: 'The image file.',
      content: { 'image/jpeg': binary, 'image/png': binary, 'image/webp': binary, 'application/octet-stream': binary },
    },
  },
  responses: {
    200: jsonContent(ProductImage, 'The stored image and its URLs'),
    ...errorResponses,
    413: jsonContent(ErrorBody, 'Over 5 MB'),
    415: jsonContent(ErrorBody, 'Not a JPEG, PNG or WebP'),
  },
})
productImage.openapi(putImageRoute, async (c) => {
  const { sku } = c.req.valid('param')
  const bytes = new Uint8Array(await c.req.arrayBuffer())
  return c.json(await setProductImageFromUpload(brandOf(c), sku, bytes), 200)
})
