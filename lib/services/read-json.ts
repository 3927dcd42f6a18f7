import { AppError } from '../errors'

/**
 * A request body's JSON value, for bodies read as text first (a webhook's
 * signature covers the raw bytes); malformed JSON is a 400.
 * @example readJson('{"a":1}') → { a: 1 }
 */
export function readJson(raw: string): unknown {
  try {
    return JSON.parse(raw)
  } catch {
    throw new AppError({ code: 'invalid_json', message: 'Malformed JSON in request body' })
  }
}
