import { handle } from 'hono/aws-lambda'
import { buildRedirectApp } from '../lib/http/redirect-app'

/** Lambda entry for GET /s/{code}: the consumer's click path, bundled on its own to stay small. */
export const handler = handle(buildRedirectApp())
