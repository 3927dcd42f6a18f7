import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import { AppError, errorStatus, fieldIssuesFromZod, textsOf, type ErrorCode } from '../errors'
import { langOfAcceptLanguage, type Lang } from '../i18n/messages'
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
  else if (err instanceof ZodError) e = new AppError({ code: 'invalid_input', fields: fieldIssuesFromZod(err) })
  else if (err instanceof HTTPException && err.status < 500) {
    // Keep the status Hono or the validator chose (415 for a body that is not JSON, 413 …) under its own code.
    const code =
      err.status === 400
        ? 'invalid_json'
        : ((Object.keys(errorStatus) as ErrorCode[]).find((k) => errorStatus[k] === err.status) ?? 'bad_request')
    e = new AppError({ code, message: err.message || undefined })
  } else if (isDatabaseUnavailable(err)) {
    logger.warn('database unavailable', { path: c.req.path, error: err })
    e = new AppError({ code: 'unavailable' })
  } else {
    logger.error('unhandled error', { path: c.req.path, method: c.req.method, error: err })
    e = new AppError({ code: 'internal' })
  }
  if (e.code === 'unavailable') {
    c.header('Retry-After', String(RETRY_AFTER_SECONDS))
    if (!c.req.path.startsWith('/api/') && c.req.header('accept')?.includes('text/html'))
      return c.html(unavailablePage, 503)
  }
  return c.json({ error: errorBodyOf(e, langOfAcceptLanguage(c.req.header('accept-language'))) }, e.status)
}

/**
 * An error as the API answers it, worded in `lang`: the stable code and field paths, the message
 * code (`reason`) and its `params`, and each field's own code and params, so a client can word
 * them itself (web/client/shared/field-errors.ts does, in the page language).
 */
export function errorBodyOf(e: AppError, lang: Lang) {
  return {
    code: e.code,
    message: e.messageIn(lang),
    reason: e.reason,
    ...(e.params && Object.keys(e.params).length ? { params: e.params } : {}),
    ...(e.issues
      ? {
          fields: textsOf(e.issues, lang),
          fieldReasons: Object.fromEntries(
            Object.entries(e.issues).map(([path, { reason, params }]) => [
              path,
              params ? { reason, params } : { reason },
            ]),
          ),
        }
      : {}),
  }
}
