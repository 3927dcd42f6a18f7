import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { AppError } from '../errors'

export const MAX_BODY_BYTES = 64 * 1024

/** Bodies over 64 KB are refused before they are read in full. */
export const limitBody = bodyLimit({
  maxSize: MAX_BODY_BYTES,
  onError: () => {
    throw new AppError({ code: 'payload_too_large', message: `The body is over ${MAX_BODY_BYTES / 1024} KB.` })
  },
})

/** A write with a body must say it is JSON; anything else is a 415, not a confusing 422. */
export const requireJson = createMiddleware(async (c, next) => {
  const method = c.req.method
  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    const hasBody =
      c.req.header('content-length') !== '0' &&
      (c.req.header('content-length') !== undefined || c.req.header('transfer-encoding') !== undefined)
    const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase()
    if (hasBody && type !== 'application/json') {
      throw new AppError({
        code: 'unsupported_media_type',
        message: 'Send the body as JSON with `Content-Type: application/json`.',
      })
    }
  }
  await next()
})
