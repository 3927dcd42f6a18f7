import { GetCommand, QueryCommand, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { tableName } from './table'
import { AppError } from '../errors'

/** Attributes that are keys or bookkeeping, stripped before an item leaves the data layer. */
const INTERNAL = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'ttl', 'entity'])

/** An item without its key attributes, typed as the caller's shape. */
export function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k)) out[k] = v
  return out as T
}

/** One GetItem by full key; undefined when absent. */
export async function getItem(
  key: { pk: string; sk: string },
  consistent = false,
): Promise<Record<string, unknown> | undefined> {
  const r = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }))
  return r.Item
}

/**
 * One item to read by key, and how its stored form becomes the caller's type.
 * A db module exports one per item kind, so `readOne` and `batchRead` share the parsing.
 */
export interface KeyedRead<T> {
  key: { pk: string; sk: string }
  parse: (item: Record<string, unknown>) => T
}

/** One GetItem through a reader; undefined when absent. */
export async function readOne<T>(read: KeyedRead<T>, consistent = false): Promise<T | undefined> {
  const item = await getItem(read.key, consistent)
  return item ? read.parse(item) : undefined
}

/** Cursor ↔ LastEvaluatedKey: base64url JSON, opaque to clients. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined

export function decodeCursor(cursor: string | undefined): Record<string, unknown> | undefined {
  if (!cursor) return undefined
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (key && typeof key === 'object' && !Array.isArray(key)) return key as Record<string, unknown>
  } catch {
    // fall through to the field error below
  }
  throw invalidCursor()
}

const invalidCursor = () =>
  new AppError({
    code: 'invalid_input',
    message: 'The cursor is not one this API returned.',
    fields: { cursor: 'Invalid cursor.' },
  })

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

/** One Query on one key, a page at a time; the cursor carries where it stopped. */
export async function queryPage<T>(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  cursor?: string,
): Promise<Page<T>> {
  const start = decodeCursor(cursor)
  let r: QueryCommandOutput
  try {
    r = await db().send(new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }))
  } catch (err) {
    // A well-formed cursor that is not a key of this query (forged, or from another list or brand): a 422, not a 500.
    if (start && (err as { name?: string }).name === 'ValidationException') throw invalidCursor()
    throw err
  }
  return { items: (r.Items ?? []).map((i) => strip<T>(i)), nextCursor: encodeCursor(r.LastEvaluatedKey) }
}
