import type { Context } from 'hono'

/**
 * The public origin links are built on: `PUBLIC_BASE_URL` when set (a custom
 * domain in front of API Gateway), else the origin the request came in on.
 */
export function baseUrlOf(c: Context): string {
  const configured = process.env.PUBLIC_BASE_URL
  if (configured) return configured.replace(/\/+$/, '')
  return new URL(c.req.url).origin
}
