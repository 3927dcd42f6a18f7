// Types only: the redirect bundle imports AppError through lib/db, and a value import
// of zod here would pull zod and zod-to-openapi (~350 KB) into the click path.
import type { z } from '@hono/zod-openapi'
import { formatMessage, isMessageCode, type Lang, type MessageCode, type MessageParams } from './i18n/messages'

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
 * What is wrong with one field: a message code of lib/i18n/messages.ts and its parameters, worded in
 * the caller's language when answered. `text` is an English wording kept from before the catalogue
 * named the problem more precisely; English answers use it.
 */
export interface FieldIssue {
  reason: MessageCode
  params?: MessageParams
  text?: string
}

/** A field's problem as thrown: a catalogue reference, or (older code) English text. */
export type FieldInput = string | FieldIssue

/**
 * The one error type of Ripple. Throw it anywhere below a route; `app.onError` turns it into
 * `{ error: { code, message, reason, params?, fields?, fieldReasons? } }` with the mapped status,
 * worded in the caller's language (lib/http/on-error.ts).
 * @example throw new AppError({ code: 'invalid_input', reason: 'settlement.period_not_ended', params: { period } })
 * @example throw new AppError({ code: 'not_found', message: 'Link not found.' })
 */
export class AppError extends Error {
  readonly code: ErrorCode
  /** The message code; `error.<code>` when the thrower named nothing finer. */
  readonly reason: MessageCode
  readonly params?: MessageParams
  readonly issues?: Record<string, FieldIssue>
  constructor(opts: {
    code: ErrorCode
    message?: string
    reason?: MessageCode
    params?: MessageParams
    fields?: Record<string, FieldInput>
    cause?: unknown
  }) {
    const reason = opts.reason ?? (`error.${opts.code}` as MessageCode)
    super(opts.message ?? formatMessage(reason, opts.params, 'en'), { cause: opts.cause })
    this.name = 'AppError'
    this.code = opts.code
    this.reason = reason
    this.params = opts.params
    if (opts.fields)
      this.issues = Object.fromEntries(
        Object.entries(opts.fields).map(([path, f]) => [path, typeof f === 'string' ? legacyIssue(f) : f]),
      )
  }
  get status(): (typeof errorStatus)[ErrorCode] {
    return errorStatus[this.code]
  }
  /** Field path → message in English (or `lang`). */
  get fields(): Record<string, string> | undefined {
    return this.issues && textsOf(this.issues, 'en')
  }
  /** The message in a language: the thrower's English text, or the catalogue's wording. */
  messageIn(lang: Lang): string {
    return lang === 'en' ? this.message : formatMessage(this.reason, this.params, lang)
  }
}

const legacyIssue = (text: string): FieldIssue =>
  isMessageCode(text) ? { reason: text } : { reason: 'field.invalid', text }

/** One field's message in a language. */
export const issueText = (issue: FieldIssue, lang: Lang): string =>
  lang === 'en' && issue.text ? issue.text : formatMessage(issue.reason, issue.params, lang)

/** Field path → message, in a language. */
export const textsOf = (issues: Record<string, FieldIssue>, lang: Lang): Record<string, string> =>
  Object.fromEntries(Object.entries(issues).map(([path, issue]) => [path, issueText(issue, lang)]))

/**
 * A 422 naming the one field that is wrong.
 * @example throw invalidField('successorId', { reason: 'handover.same_person' })
 */
export function invalidField(field: string, problem: FieldInput): AppError {
  const issue = typeof problem === 'string' ? legacyIssue(problem) : problem
  return new AppError({
    code: 'invalid_input',
    message: issueText(issue, 'en'),
    reason: issue.reason,
    params: issue.params,
    fields: { [field]: issue },
  })
}

/** zod issues → `{ "lines.0.qty": { reason: 'number.too_small', params: { minimum: 1 } } }`. */
export function fieldIssuesFromZod(error: z.ZodError): Record<string, FieldIssue> {
  const fields: Record<string, FieldIssue> = {}
  addFields(fields, error.issues, [])
  return fields
}

/** zod issues → `{ "lines.0.qty": "At least 1." }`, in a language (English by default). */
export const fieldsFromZod = (error: z.ZodError, lang: Lang = 'en'): Record<string, string> =>
  textsOf(fieldIssuesFromZod(error), lang)

function addFields(
  fields: Record<string, FieldIssue>,
  issues: readonly z.core.$ZodIssue[],
  prefix: readonly PropertyKey[],
): void {
  for (const issue of issues) {
    const at = [...prefix, ...issue.path]
    const path = at.map(String).join('.') || '_'
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[path === '_' ? key : `${path}.${key}`] = { reason: 'field.unknown' }
      continue
    }
    // No union option matched (a refund with a bad amount): name the fields of the option that came closest.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, option) => (option.length < best.length ? option : best))
      addFields(fields, closest, at)
      continue
    }
    fields[path] ??= issueOf(issue)
  }
}

/** The limits and kinds a zod issue carries, as message parameters. */
function paramsOf(issue: z.core.$ZodIssue): MessageParams {
  const params: MessageParams = {}
  if (issue.code === 'too_big') params.maximum = Number(issue.maximum)
  if (issue.code === 'too_small') params.minimum = Number(issue.minimum)
  if (issue.code === 'invalid_type') params.expected = issue.expected
  if (issue.code === 'not_multiple_of') params.divisor = Number(issue.divisor)
  if (issue.code === 'invalid_value') params.values = issue.values.map(String).join(', ')
  if (issue.code === 'invalid_format') params.format = issue.format
  if (issue.code === 'custom' && issue.params)
    for (const [k, v] of Object.entries(issue.params)) if (typeof v === 'string' || typeof v === 'number') params[k] = v
  return params
}

const BY_ORIGIN: Record<string, 'number' | 'string' | 'array'> = {
  number: 'number',
  int: 'number',
  bigint: 'number',
  string: 'string',
  array: 'array',
  set: 'array',
}

/** A zod issue as a catalogue message: the schema's own code when it gave one, else one by kind and limit. */
function issueOf(issue: z.core.$ZodIssue): FieldIssue {
  const params = paramsOf(issue)
  const ref = (reason: MessageCode): FieldIssue => (Object.keys(params).length ? { reason, params } : { reason })
  if (isMessageCode(issue.message)) return ref(issue.message)
  // A schema's own English text (a refinement, a pattern's hint) not yet in the catalogue: English answers keep it.
  const own = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex')
  if (own && !issue.message.startsWith('Invalid')) return { ...ref('field.invalid'), text: issue.message }
  switch (issue.code) {
    case 'too_big':
    case 'too_small': {
      const origin = BY_ORIGIN[issue.origin]
      if (!origin) return ref('field.invalid')
      if (issue.code === 'too_small' && origin === 'string' && Number(issue.minimum) === 1)
        return { reason: 'field.required' }
      return ref(`${origin}.${issue.code}`)
    }
    case 'invalid_type':
      // zod keeps no input in its issues; a missing field is the one whose message says it received undefined.
      return issue.message.endsWith('received undefined') ? { reason: 'field.required' } : ref('field.invalid_type')
    case 'invalid_value':
      return ref('field.invalid_value')
    case 'not_multiple_of':
      return ref('field.not_multiple_of')
    case 'invalid_format':
      if (issue.format === 'datetime') return { reason: 'format.datetime' }
      if (issue.format === 'email') return { reason: 'format.email' }
      if (issue.format === 'url') return { reason: 'format.url' }
      return ref('field.invalid_format')
    default:
      return { reason: 'field.invalid' }
  }
}
