import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import { AppError, errorStatus, fieldsFromZod, type ErrorCode } from '../errors'
import { logger } from '../log'

/**
 * The one place errors become responses: AppError → its status, a zod error →
 * 422 with fields, Hono's own 4xx (malformed JSON) → 400; anything else is
 * logged and answered with a generic 500 that leaks nothing.
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
  } else {
    logger.error('unhandled error', { path: c.req.path, method: c.req.method, error: err })
    e = new AppError({ code: 'internal', message: 'Something went wrong on our side; it has been logged.' })
  }
  return c.json({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, e.status)
}
