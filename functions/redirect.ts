import { handle } from 'hono/aws-lambda'
import { buildRedirectApp } from '../lib/http/redirect-app'
import { withSecrets } from '../lib/config/load-secrets'

/**
 * Lambda entry for GET /s/{code}: the consumer's click path, bundled on its own to stay small.
 * It needs only the signing secret (click ids); if that cannot be read the consumer is still
 * redirected, without a click id, as when recording the click fails.
 */
export const handler = withSecrets(handle(buildRedirectApp()), { onFailure: 'continue' })
