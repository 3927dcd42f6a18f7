import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { LambdaEvent } from 'hono/aws-lambda'

/** Hono's payload 2.0 event type (its package exports only the union of all event kinds). */
export type APIGatewayProxyEventV2 = Extract<LambdaEvent, { routeKey: string }>

/**
 * A real API Gateway HTTP API (payload 2.0) event from `tests/fixtures/apigw-v2-<name>.json`,
 * fresh on every call so a test can change it freely.
 */
export function apigwEvent(name: string): APIGatewayProxyEventV2 {
  const file = fileURLToPath(new URL(`../fixtures/apigw-v2-${name}.json`, import.meta.url))
  // The fixtures mirror what AWS sends: no `authorizer` or `authentication` when the route has
  // neither, while Hono's type declares both; the handler never reads them, so the cast is safe.
  return JSON.parse(readFileSync(file, 'utf8')) as APIGatewayProxyEventV2
}

/** The event for `GET /s/:code`, path and path parameter set together as API Gateway does. */
export function redirectEvent(code: string, cookies?: string[]): APIGatewayProxyEventV2 {
  const event = apigwEvent('get-redirect')
  event.rawPath = `/s/${code}`
  event.requestContext.http.path = event.rawPath
  event.pathParameters = { code }
  if (cookies) event.cookies = cookies
  return event
}
