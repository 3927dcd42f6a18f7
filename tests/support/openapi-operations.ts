import fc from 'fast-check'
import { call } from './client'

/** A JSON Schema node as the OpenAPI document writes it (tests read it structurally). */
// any: a JSON Schema node is open-ended; read field by field below
export type Schema = any

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
}

/** One operation of the API's OpenAPI document, as the matrices call it. */
export interface Operation {
  method: string
  /** The templated path, e.g. `/api/distributors/{id}`. */
  path: string
  id: string
  parameters: Parameter[]
  /** Every security scheme the operation accepts; empty for a public one. */
  schemes: string[]
  /** `x-roles`: the roles the operation is open to. */
  roles: string[]
  /** The request body's media types and the JSON body's schema when there is one. */
  bodyTypes: string[]
  bodyRequired: boolean
  jsonBody?: Schema
}

export interface ApiDocument {
  security?: Array<Record<string, string[]>>
  paths: Record<string, Record<string, Schema>>
  components: { schemas?: Record<string, Schema>; securitySchemes?: Record<string, Schema> }
}

/** The document GET /api/openapi.json serves (the same app the tests call), and its operations. */
export async function apiOperations(): Promise<{ doc: ApiDocument; operations: Operation[] }> {
  const r = await call('GET', '/api/openapi.json')
  if (r.status !== 200) throw new Error(`GET /api/openapi.json answered ${r.status}`)
  const doc = r.body as ApiDocument
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue
      const content: Record<string, { schema?: Schema }> = op.requestBody?.content ?? {}
      operations.push({
        method: method.toUpperCase(),
        path,
        id: `${method.toUpperCase()} ${path}`,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: Schema) => resolve(doc, p)),
        schemes: (op.security ?? doc.security ?? []).flatMap((s: Record<string, unknown>) => Object.keys(s)),
        roles: op['x-roles'] ?? [],
        bodyTypes: Object.keys(content),
        bodyRequired: op.requestBody?.required === true,
        jsonBody: content['application/json']?.schema,
      })
    }
  return { doc, operations }
}

/** Follows `$ref` to the schema it names. */
export function resolve(doc: ApiDocument, s: Schema): Schema {
  let out = s
  for (let i = 0; out?.$ref && i < 20; i++) {
    const name = String(out.$ref).replace(/^#\/components\/schemas\//, '')
    out = doc.components.schemas?.[name]
  }
  return out
}

/** A string the schema accepts: its enum or example, else one matching its pattern and lengths. */
export function stringFor(s: Schema, seed = 1): string {
  if (Array.isArray(s?.enum)) return String(s.enum[0])
  if (s?.format === 'date-time') return '2026-10-10T08:00:00.000Z'
  if (s?.format === 'date') return '2026-10-10'
  if (s?.format === 'uri' || s?.format === 'url') return 'https://shop.example.com/p/1'
  if (s?.format === 'email') return 'matrix@example.com'
  const min = s?.minLength ?? 1
  const max = s?.maxLength ?? Math.max(min, 12)
  if (s?.pattern) {
    const re = new RegExp(s.pattern)
    const fits = (v: string) => re.test(v) && v.length >= min && v.length <= max
    const tries = fc.sample(fc.stringMatching(re), { numRuns: 50, seed })
    const found = tries.find((v) => fits(v) && /[A-Za-z0-9]/.test(v)) ?? tries.find(fits)
    if (found !== undefined) return found
  }
  return 'matrix'.padEnd(min, 'x').slice(0, Math.max(min, Math.min(max, 6)))
}

const numberFor = (s: Schema): number => {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : 1)
  const n = Math.max(lo, Math.min(1, s.maximum ?? 1))
  return s.type === 'integer' ? Math.ceil(n) : n
}

/** The first alternative of a union that is not `null`. */
const firstOption = (doc: ApiDocument, options: Schema[]): Schema =>
  options.map((o) => resolve(doc, o)).find((o) => o?.type !== 'null') ?? options[0]

const typeOf = (s: Schema): string | undefined =>
  Array.isArray(s?.type) ? s.type.find((t: string) => t !== 'null') : s?.type

/**
 * A value the schema accepts, built from the schema alone: required properties only
 * (or every property with `all`), strings from `fill(name)` when it knows the name.
 */
export function sampleOf(
  doc: ApiDocument,
  schema: Schema,
  fill: (name: string) => unknown,
  opts: { all?: boolean; name?: string } = {},
): unknown {
  const s = resolve(doc, schema)
  if (s === undefined || s === true) return {}
  const named = opts.name !== undefined ? fill(opts.name) : undefined
  if (s.const !== undefined) return s.const
  if (s.allOf) return Object.assign({}, ...s.allOf.map((part: Schema) => sampleOf(doc, part, fill, opts)))
  if (s.anyOf || s.oneOf) {
    const options: Schema[] = (s.anyOf ?? s.oneOf).map((o: Schema) => resolve(doc, o))
    // A named filler wins when one alternative takes its type (e.g. a money field as a decimal string).
    if (named !== undefined && options.some((o) => typeOf(o) === typeof named)) return named
    return sampleOf(doc, firstOption(doc, options), fill, opts)
  }
  const type = typeOf(s)
  if (type === 'array' && Array.isArray(named)) return named
  if (named !== undefined && (type === typeof named || (type === 'integer' && typeof named === 'number'))) return named
  if (Array.isArray(s.enum)) return s.enum.find((v: unknown) => v !== null)
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      const required = new Set<string>(s.required ?? [])
      for (const [key, prop] of Object.entries<Schema>(s.properties ?? {}))
        if (opts.all || required.has(key)) out[key] = sampleOf(doc, prop, fill, { ...opts, name: key })
      return out
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () =>
        sampleOf(doc, s.items ?? {}, fill, { ...opts, name: opts.name }),
      )
    case 'string':
      return stringFor(s)
    case 'integer':
    case 'number':
      return numberFor(s)
    case 'boolean':
      return s.default ?? true
    case 'null':
      return null
    default:
      return {}
  }
}

/** A path to a leaf of a body: object keys and array indexes. */
export type LeafPath = Array<string | number>

/**
 * The leaves of a schema that take a string or a number (unions count for each kind
 * they allow), every optional property included, with their paths.
 */
export function leavesOf(
  doc: ApiDocument,
  schema: Schema,
  path: LeafPath = [],
  depth = 0,
): Array<{
  path: LeafPath
  kinds: Set<'string' | 'number'>
}> {
  const s = resolve(doc, schema)
  if (!s || depth > 8) return []
  if (s.allOf) return s.allOf.flatMap((part: Schema) => leavesOf(doc, part, path, depth + 1))
  const options: Schema[] = (s.anyOf ?? s.oneOf ?? [s]).map((o: Schema) => resolve(doc, o))
  const kinds = new Set<'string' | 'number'>()
  const nested: Array<{ path: LeafPath; kinds: Set<'string' | 'number'> }> = []
  for (const o of options) {
    if (o !== s && (o.anyOf || o.oneOf || o.allOf)) {
      nested.push(...leavesOf(doc, o, path, depth + 1))
      continue
    }
    const type = typeOf(o)
    if (type === 'string') kinds.add('string')
    if (type === 'integer' || type === 'number') kinds.add('number')
    if (type === 'object')
      for (const [key, prop] of Object.entries<Schema>(o.properties ?? {}))
        nested.push(...leavesOf(doc, prop, [...path, key], depth + 1))
    if (type === 'array') nested.push(...leavesOf(doc, o.items ?? {}, [...path, 0], depth + 1))
  }
  const own = kinds.size > 0 && path.length > 0 ? [{ path, kinds }] : []
  // A union of objects lists the same leaf once per alternative: keep each path once, with every kind.
  const byPath = new Map<string, { path: LeafPath; kinds: Set<'string' | 'number'> }>()
  for (const leaf of [...own, ...nested]) {
    const key = JSON.stringify(leaf.path)
    const seen = byPath.get(key)
    if (seen) for (const k of leaf.kinds) seen.kinds.add(k)
    else byPath.set(key, { path: leaf.path, kinds: new Set(leaf.kinds) })
  }
  return [...byPath.values()]
}

/**
 * A copy of `base` with the leaf at `path` set to `value`; containers missing on the way
 * are copied from `full` (the sample with every property), so an optional field is added.
 */
export function withLeaf(base: unknown, full: unknown, path: LeafPath, value: unknown): unknown {
  const out = structuredClone(base) as Record<string | number, unknown>
  let at: Record<string | number, unknown> = out
  let from = full as Record<string | number, unknown> | undefined
  for (const [i, key] of path.entries()) {
    from = from?.[key] as Record<string | number, unknown> | undefined
    if (i === path.length - 1) at[key] = value
    else {
      if (at[key] === undefined || at[key] === null || typeof at[key] !== 'object')
        at[key] = structuredClone(from ?? (typeof path[i + 1] === 'number' ? [] : {}))
      at = at[key] as Record<string | number, unknown>
    }
  }
  return out
}

/** Runs `run` over `items`, at most `width` at a time, answers in the items' order. */
export async function inPool<T, R>(items: T[], width: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await run(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return out
}

/** `/api/rules/{id}` with `{id}` → `rules/{id}`: the resource a generic `id` parameter names. */
export const paramKey = (path: string, name: string): string => {
  const segments = path.split('/')
  const at = segments.indexOf(`{${name}}`)
  return name === 'id' || name === 'code' ? `${segments[at - 1] ?? ''}/{${name}}` : name
}
