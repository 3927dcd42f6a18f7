import { randomUUID } from 'node:crypto'
import type { LambdaContext } from 'hono/aws-lambda'
import { createMiddleware } from 'hono/factory'
import { logger } from '../log'

/** What hono/aws-lambda passes as `c.env`; absent when the app runs on Node (`npm start`, tests). */
interface LambdaBindings {
  requestContext?: { requestId?: string }
  lambdaContext?: LambdaContext
}

/**
 * First middleware of every app: the request's keys on every log line it writes.
 * Clears the previous request's keys (a warm Lambda reuses the logger), then adds
 * the Lambda context and `requestId` (API Gateway's, which the client sees as
 * `apigw-requestid`; a fresh one on Node). `authenticate` adds `brandId` once it
 * knows the caller. On Node, concurrent requests share the one logger, so a line
 * may carry another request's keys there; on Lambda one sandbox serves one request at a time.
 */
export const logRequest = createMiddleware(async (c, next) => {
  const env = c.env as LambdaBindings | undefined
  logger.resetKeys()
  if (env?.lambdaContext) logger.addContext(env.lambdaContext)
  logger.appendKeys({ requestId: env?.requestContext?.requestId ?? env?.lambdaContext?.awsRequestId ?? randomUUID() })
  try {
    await next()
  } finally {
    // Errors were logged inside next() (onError); lines after the request (a job on `npm start`) carry no stale keys.
    logger.resetKeys()
  }
})

/** Adds the caller's brand to the request's log lines (called by `authenticate`). */
export const logBrand = (brandId: string): void => logger.appendKeys({ brandId })
