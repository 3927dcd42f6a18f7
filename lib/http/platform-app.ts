import { Hono } from 'hono'
import { buildApiApp } from './api-app'
import { buildRedirectApp } from './redirect-app'
import { buildWebhooksApp } from './webhooks-app'
import { buildMediaApp } from './media-app'
import { logRequest } from './log-request'
import { buildWebApp } from '../../web/app'
import { toErrorResponse } from './on-error'

/** API, webhooks and pages together: what the API Lambda serves (everything but /s/*). */
export function buildApiAndWebApp(): Hono {
  const app = new Hono()
  app.use('*', logRequest)
  app.route('/', buildApiApp())
  app.route('/', buildWebhooksApp())
  app.route('/', buildMediaApp())
  app.route('/', buildWebApp())
  // The pages' errors too (a database outage is a 503 page with Retry-After, not Hono's bare 500).
  app.onError(toErrorResponse)
  return app
}

/** Everything on one server, as `npm start` runs it; the same apps the Lambdas wrap. */
export function buildPlatformApp(): Hono {
  const app = new Hono()
  app.route('/', buildRedirectApp())
  app.route('/', buildApiAndWebApp())
  return app
}
