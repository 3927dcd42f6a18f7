import { handle } from 'hono/aws-lambda'
import { buildApiAndWebApp } from '../lib/http/platform-app'

/** Lambda entry for /api/*, /m* and /console* (API Gateway HTTP API, payload 2.0). */
export const handler = handle(buildApiAndWebApp())
