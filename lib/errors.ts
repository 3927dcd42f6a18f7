// Types only: the redirect bundle imports AppError through lib/db, and a value import
// of zod here would pull zod and zod-to-openapi (~350 KB) into the click path.
import type { z } from '@hono/zod-openapi'

/** Every error code Ripple answers with, and the HTTP status it maps to. */
export const errorStatus = {
  bad_request: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_input: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const

export type ErrorCode = keyof typeof errorStatus

/**
 * The one error type of Ripple. Throw it anywhere below a route; `app.onError`
 * turns it into `{ error: { code, message, fields? } }` with the mapped status.
 * @example throw new AppError({ code: 'not_found', message: 'Link not found.' })
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly fields?: Record<string, string>
  constructor(opts: { code: ErrorCode; message: string; fields?: Record<string, string>; cause?: unknown }) {
    super(opts.message, { cause: opts.cause })
    this.name = 'AppError'
    this.code = opts.code
    this.fields = opts.fields
  }
  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code]
  }
}

/** Shorthand for a 422 naming the one field that is wrong. */
export const invalidField = (field: string, message: string): AppError =>
  new AppError({ code: 'invalid_input', message, fields: { [field]: message } })

/** zod issues → `{ "lines.0.qty": "Too small: expected number to be >0" }`. */
export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  addFields(fields, error.issues, [])
  return fields
}

function addFields(
  fields: Record<string, string>,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
): void {
  for (const issue of issues) {
    const at = [...prefix, ...issue.path]
    const path = at.map(String).join('.') || '_'
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[path === '_' ? key : `${path}.${key}`] = 'Unknown field.'
      continue
    }
    // No union option matched (a refund with a bad amount): name the fields of the option that came closest.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, option) => (option.length < best.length ? option : best))
      addFields(fields, closest, at)
      continue
    }
    fields[path] ??= issue.message
  }
}
