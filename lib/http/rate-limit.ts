import { errorInput, logger } from '../log'
import { messagePage } from './message-page'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { AppError } from '../errors'
import { countInWindow } from '../db/rate-limits'
import { RATE_LIMITS, type RateLimit } from '../config/rate-limits'
import { clientAddress } from './client-address'
import { toErrorResponse } from './on-error'

const BRAND_ID = /^b_[A-Za-z0-9_-]{1,40}$/

/**
 * Counts one attempt against `limit` for `subject` (the caller's address unless
 * given) and says how many seconds to wait when this attempt is over the limit,
 * else undefined. With no address known (an in-process call, no server) nothing is
 * counted by address. A failed count is logged and lets the attempt through: the
 * API Gateway stage throttle stays the outer wall, and a limiter must not take the
 * service down with it.
 * @example const wait = await overLimit(c, RATE_LIMITS.inviteLookupsPerAddress)
 */
export async function overLimit(
  c: Context,
  limit: RateLimit,
  subject: string | undefined = clientAddress(c),
): Promise<number | undefined> {
  if (!subject) return undefined
  const now = Date.now()
  try {
    const { count, endsAt } = await countInWindow(limit, subject, now)
    return count > limit.limit ? Math.max(1, Math.ceil((endsAt - now) / 1000)) : undefined
  } catch (err) {
    logger.error('rate limit not counted', { scope: limit.scope }, errorInput(err))
    return undefined
  }
}

/** The 429 to throw: sets `Retry-After` on the response being built. */
export function rateLimited(c: Context, retryAfter: number): AppError {
  c.header('Retry-After', String(retryAfter))
  return new AppError({
    code: 'rate_limited',
    params: { seconds: retryAfter },
  })
}

/** Counts one attempt and throws a 429 with `Retry-After` when it is over the limit. */
export async function enforceLimit(c: Context, limit: RateLimit, subject?: string): Promise<void> {
  const wait = await overLimit(c, limit, subject ?? clientAddress(c))
  if (wait !== undefined) throw rateLimited(c, wait)
}

/**
 * For a credential check's failure: a refused credential (`unauthorized`) counts
 * against the address, and past the limit the answer is a 429 instead; then the
 * error is thrown on. Only failures count, so a correct credential is never slowed.
 * @example const caller = await callerFrom(c).catch((err) => countFailedCredential(c, err))
 */
export async function countFailedCredential(c: Context, err: unknown): Promise<never> {
  if (err instanceof AppError && err.code === 'unauthorized')
    await enforceLimit(c, RATE_LIMITS.credentialFailuresPerAddress)
  throw err
}

/**
 * Webhooks: every 401 (a signature that is missing, stale or wrong) counts against
 * the address and against the brand in the path; past either limit the answer
 * becomes a 429. Correct signatures are never counted.
 */
export const limitFailedSignatures = createMiddleware(async (c, next) => {
  await next()
  if (c.res.status !== 401) return
  const brandId = c.req.param('brandId')
  const waits = await Promise.all([
    overLimit(c, RATE_LIMITS.webhookFailuresPerAddress),
    brandId && BRAND_ID.test(brandId) ? overLimit(c, RATE_LIMITS.webhookFailuresPerBrand, brandId) : undefined,
  ])
  const wait = Math.max(0, ...waits.filter((w) => w !== undefined))
  if (wait > 0) c.res = toErrorResponse(rateLimited(c, wait), c)
})

/** A page's 429: a small bilingual page with `Retry-After`, for the routes people open in a browser. */
export function rateLimitedPage(c: Context, retryAfter: number): Response {
  c.header('Retry-After', String(retryAfter))
  c.header('Cache-Control', 'no-store')
  const minutes = Math.ceil(retryAfter / 60)
  return c.html(
    messagePage({
      title: '请稍后再试 · Too many attempts',
      zh: `尝试次数过多，请 ${minutes} 分钟后再试`,
      en: `Too many attempts from this network; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      muted: true,
    }),
    429,
  )
}
