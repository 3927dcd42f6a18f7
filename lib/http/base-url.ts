import { logger } from '../log'
import type { Context } from 'hono'
import { AppError } from '../errors'

/** Set by the Lambda runtime in every function: the code is deployed, not `npm start` or a test. */
export const onLambda = (): boolean => Boolean(process.env.AWS_LAMBDA_FUNCTION_NAME)

/**
 * The public origin links are built on (sign-in, invite and share links).
 * `PUBLIC_BASE_URL` when set: the stack sets it on AWS (cdk/stack.ts). Deployed
 * without it, minting is refused rather than built on the request's `Host`, which
 * whoever sends the request chooses. Locally (`npm start`, tests) the request's own
 * origin serves, so a phone on the LAN gets links it can open.
 * @example baseUrlOf(c) // 'https://go.example.com'
 */
export function baseUrlOf(c: Context): string {
  const configured = process.env.PUBLIC_BASE_URL
  if (configured) return configured.replace(/\/+$/, '')
  if (onLambda()) {
    logger.error('PUBLIC_BASE_URL is not set: links are not minted from the Host header', { path: c.req.path })
    throw new AppError({
      code: 'unavailable',
      message: 'Links cannot be made right now: this deployment has no public address configured.',
    })
  }
  return new URL(c.req.url).origin
}
