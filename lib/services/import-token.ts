import { createHash } from 'node:crypto'
import { invalidField } from '../errors'

/** Where a chunked import stands: rows of the plan done and the running counts. */
export interface ImportProgress {
  from: number
  created: number
  updated: number
  unchanged: number
  failed: number
}

/** A short fingerprint of the uploaded bytes: a continuation is only valid for the same file. */
export const fileFingerprint = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('base64url').slice(0, 16)

/** The opaque `next` token: the file's fingerprint and the progress so far. */
export const encodeImportToken = (file: string, p: ImportProgress): string =>
  Buffer.from(JSON.stringify({ v: 1, file, ...p })).toString('base64url')

/** Reads a `next` token back; refuses one made for another file or not made by this API. */
export function decodeImportToken(token: string, file: string): ImportProgress {
  let t: Record<string, unknown> = {}
  try {
    t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    // refused below
  }
  const counts = ['from', 'created', 'updated', 'unchanged', 'failed'] as const
  if (t.v !== 1 || counts.some((k) => !Number.isInteger(t[k]) || (t[k] as number) < 0))
    throw invalidField('next', { reason: 'import.bad_token' })
  if (t.file !== file) throw invalidField('next', { reason: 'import.other_file' })
  return Object.fromEntries(counts.map((k) => [k, t[k] as number])) as unknown as ImportProgress
}
