import { handle } from 'hono/aws-lambda'
import { buildApiAndWebApp } from '../lib/http/platform-app'
import { withSecrets } from '../lib/config/load-secrets'

/**
 * Lambda entry for /api/*, /webhooks/*, /m*, /console* and /assets/* (API Gateway
 * HTTP API, payload 2.0). The first event of a cold start loads the signing
 * secret and admin token from Secrets Manager (lib/config/load-secrets.ts).
 */
export const handler = withSecrets(handle(buildApiAndWebApp()))
