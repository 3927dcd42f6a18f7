import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { tableName } from './table'
import { AppError } from '../errors'
import { hmac, safeEqual, signingSecret } from '../auth/secrets'

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

/**
 * A list position handed to a client: `c1.<base64url JSON>.<HMAC>`, keyed by the signing secret and bound to a
 * scope: the list it came from (for a Query: its key, index, filters and order, so the brand or distributor
 * and the filter values). A cursor edited, forged, or replayed on another list, brand or filter set fails the
 * HMAC and is a 422 on `cursor` before any read (docs/architecture.md §2.5).
 */
export function encodeCursor(scope: unknown, state: unknown): string | undefined {
  if (state === undefined) return undefined
  const body = Buffer.from(JSON.stringify(state)).toString('base64url')
  return `${CURSOR_VERSION}.${body}.${cursorMac(scope, body)}`
}

/** The state sealed by `encodeCursor` under the same scope; undefined for no cursor; else a 422 on `cursor`. */
export function decodeCursor(scope: unknown, cursor: string | undefined): unknown {
  if (!cursor) return undefined
  const [v, body, mac, extra] = cursor.split('.')
  if (v !== CURSOR_VERSION || !body || !mac || extra !== undefined) throw invalidCursor()
  if (!safeEqual(mac, cursorMac(scope, body))) throw invalidCursor()
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown
  } catch {
    throw invalidCursor()
  }
}

const CURSOR_VERSION = 'c1'
const cursorMac = (scope: unknown, body: string) => hmac(signingSecret(), `cursor:${stableJson(scope)}:${body}`)

/** JSON with object keys sorted, so the same scope always hashes the same. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, x]) => `${JSON.stringify(k)}:${stableJson(x)}`)
      .join(',')}}`
  }
  return JSON.stringify(v) ?? 'null'
}

/** A Query's identity for its cursors: everything but the page size (a client may change `limit` between pages). */
type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>
const queryScope = ({ Limit: _limit, ...rest }: QueryInput) => ({ query: rest })

/** The start key a cursor marks on this Query, checked before any read; a 422 on `cursor` when it is not one. */
export function startKeyOf(input: QueryInput, cursor: string | undefined): Record<string, unknown> | undefined {
  const key = decodeCursor(queryScope(input), cursor)
  if (key === undefined) return undefined
  if (key && typeof key === 'object' && !Array.isArray(key)) return key as Record<string, unknown>
  throw invalidCursor()
}

/** The cursor for where a Query stopped. */
export const cursorAfter = (input: QueryInput, key: Record<string, unknown> | undefined): string | undefined =>
  key ? encodeCursor(queryScope(input), key) : undefined

export const invalidCursor = () =>
  new AppError({
    code: 'invalid_input',
    message: 'The cursor is not one this API returned.',
    fields: { cursor: { reason: 'cursor.invalid' } },
  })

export interface Page<T> {
  items: T[]
  nextCursor?: string
}

/** One Query on one key, a page at a time; the cursor carries where it stopped. */
export async function queryPage<T>(input: QueryInput, cursor?: string): Promise<Page<T>> {
  const start = startKeyOf(input, cursor)
  const r = await db().send(new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }))
  return { items: (r.Items ?? []).map((i) => strip<T>(i)), nextCursor: cursorAfter(input, r.LastEvaluatedKey) }
}
