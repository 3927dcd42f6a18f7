import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { AppError } from '../errors'
import { toErrorResponse } from './on-error'
import { limitFailedSignatures } from './rate-limit'
import { webhooks } from './routes/webhooks'

/** Webhook bodies may be large orders; still bounded. */
const MAX_WEBHOOK_BYTES = 1024 * 1024

/**
 * The webhooks under /webhooks (lib/http/routes/webhooks.ts) with their own body
 * limit: they are not behind the API's 64 KB, JSON-only and credential guards,
 * since each delivery is signed and read as raw text.
 */
export function buildWebhooksApp(): Hono {
  const app = new Hono()
  app.use(
    '/webhooks/*',
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: () => {
        throw new AppError({ code: 'payload_too_large', message: 'The body is over 1 MB.' })
      },
    }),
  )
  // Counts only deliveries refused for their signature (401), per address and per brand.
  app.use('/webhooks/:brandId/*', limitFailedSignatures)
  app.route('/', webhooks)
  app.notFound((c) => toErrorResponse(new AppError({ code: 'not_found', message: 'No such webhook.' }), c))
  app.onError(toErrorResponse)
  return app
}
