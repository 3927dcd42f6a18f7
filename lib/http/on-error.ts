import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import { AppError, errorStatus, fieldsFromZod, type ErrorCode } from '../errors'
import { isDatabaseUnavailable } from '../db/unavailable'
import { messagePage, RETRY_AFTER_SECONDS } from './message-page'

const unavailablePage = messagePage({
  title: '暂时无法访问 · Temporarily unavailable',
  zh: '服务暂时不可用，请稍后刷新',
  en: 'Ripple is temporarily unavailable; please reload in a few seconds.',
})
import { logger } from '../log'

/**
 * The one place errors become responses: AppError → its status, a zod error →
 * 422 with fields, Hono's own 4xx (malformed JSON) → 400, DynamoDB unreachable,
 * timing out, failing or throttling after the SDK's retries → 503; anything
 * else is logged and answered with a generic 500 that leaks nothing. Every 503
 * carries Retry-After, and a page (a browser asking for HTML) gets a page.
 */
export function toErrorResponse(err: Error, c: Context): Response {
  let e: AppError
  if (err instanceof AppError) e = err
  else if (err instanceof ZodError)
    e = new AppError({ code: 'invalid_input', message: 'The request has invalid fields.', fields: fieldsFromZod(err) })
  else if (err instanceof HTTPException && err.status < 500) {
    // Keep the status Hono or the validator chose (415 for a body that is not JSON, 413 …) under its own code.
    const code =
      err.status === 400
        ? 'invalid_json'
        : ((Object.keys(errorStatus) as ErrorCode[]).find((k) => errorStatus[k] === err.status) ?? 'bad_request')
    e = new AppError({ code, message: err.message || 'Bad request.' })
  } else if (isDatabaseUnavailable(err)) {
    logger.warn('database unavailable', { path: c.req.path, error: err })
    e = new AppError({ code: 'unavailable', message: 'The service is briefly unavailable; try again shortly.' })
  } else {
    logger.error('unhandled error', { path: c.req.path, method: c.req.method, error: err })
    e = new AppError({ code: 'internal', message: 'Something went wrong on our side; it has been logged.' })
  }
  if (e.code === 'unavailable') {
    c.header('Retry-After', String(RETRY_AFTER_SECONDS))
    if (!c.req.path.startsWith('/api/') && c.req.header('accept')?.includes('text/html'))
      return c.html(unavailablePage, 503)
  }
  return c.json({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, e.status)
}
