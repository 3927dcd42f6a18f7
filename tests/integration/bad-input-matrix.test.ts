import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorBody } from '../../lib/http/error-body'
import { sessionOf } from '../support/client'
import { fieldFiller, type FirstBrand, seedFirstBrand } from '../support/first-brand'
import {
  type ApiDocument,
  apiOperations,
  inPool,
  type LeafPath,
  leavesOf,
  type Operation,
  sampleOf,
  withLeaf,
} from '../support/openapi-operations'
import {
  headerParamsFor,
  pathFor,
  queryFor,
  refusalsWriteNothing,
  type Sent,
  SIGNERS,
  send,
} from '../support/matrix-request'

// Every JSON-bodied operation of the OpenAPI document, called with a valid credential of its role and
// absurd input (broken JSON, wrong type, no body, too big, 10,000 levels deep, huge and negative numbers
// and 10,000-character, NUL and RTL strings in every field), and every listing with forged cursors:
// never a 500; a refusal is a 4xx in the shared error shape and writes nothing; an accepted value is
// answered back as it was sent.

let a: FirstBrand
let doc: ApiDocument
let operations: Operation[]
let calls = 0

// Past 2^53 (exactly representable, so the JSON says it), the largest double, and below zero.
const HUGE_AND_NEGATIVE = [2 ** 53 + 2, 1e308, -1]
const RTL = '名\u202Egnp.exe\u202C'
const ODD_STRINGS = ['x'.repeat(10_000), 'a\u0000b', RTL]
const DEEP = 10_000
const FORGED_CURSORS = [
  'x',
  Buffer.from('{"m":0,"s":4}').toString('base64url'),
  Buffer.from('{"m":0,"s":-5}').toString('base64url'),
  'A'.repeat(2048),
  '\u0000',
  `v1.${'A'.repeat(40)}.${'B'.repeat(43)}`,
]

/** The inputs that differ from a valid one only in their content type. */
const CONTENT_TYPES = new Set(['text/plain', 'form content type', 'no content type'])

interface Input {
  op: Operation
  /** What was tried, for the failure message and the counts. */
  label: string
  raw?: string
  contentType?: string
  query?: Record<string, string>
  /** For a mutated leaf: its path and the value sent, to check an accepted value comes back unchanged. */
  leaf?: { path: LeafPath; value: unknown }
  sent?: Sent
}

/** A credential of the role the operation asks for, signing `raw` where its scheme is a signature. */
async function credentialFor(op: Operation): Promise<(raw: string, ts: string) => Record<string, string>> {
  const bearer = (token: string) => () => ({ authorization: `Bearer ${token}` })
  if (op.roles.includes('admin')) return bearer(a.adminKey)
  if (op.roles.includes('finance')) return bearer(a.financeKey)
  if (op.roles.includes('distributor')) return bearer(await sessionOf(a.adminKey, a.child.id))
  if (op.roles.includes('platform')) return bearer(process.env.ADMIN_TOKEN ?? '')
  const signers = op.schemes.map((s) => SIGNERS[s]).filter((s) => s !== undefined)
  return (raw, ts) => Object.assign({}, ...signers.map((sign) => sign(a, raw, ts)))
}

/** A body with only the schema's required fields, the first brand's ids where a field names one. */
const baseline = (op: Operation) => sampleOf(doc, op.jsonBody, fieldFiller(a, { tenant: false }))

/** The absurd inputs for one JSON-bodied operation. */
function inputsFor(op: Operation): { fixed: Input[]; leaves: Input[] } {
  const body = JSON.stringify(baseline(op))
  const fixed: Input[] = [
    ...['{', '{"a":', 'nul', '{"a":1}}', '\uFEFF{}x'].map((raw) => ({ op, label: `malformed ${raw}`, raw })),
    { op, label: 'text/plain', raw: body, contentType: 'text/plain' },
    { op, label: 'form content type', raw: body, contentType: 'application/x-www-form-urlencoded' },
    { op, label: 'no content type', raw: body, contentType: '' },
    { op, label: 'empty body', raw: '' },
    { op, label: 'oversize body', raw: JSON.stringify({ pad: 'x'.repeat(70 * 1024) }) },
    { op, label: 'oversize body (1.1 MB)', raw: JSON.stringify({ pad: 'x'.repeat(1100 * 1024) }) },
    { op, label: 'deep object', raw: `${'{"a":'.repeat(DEEP)}1${'}'.repeat(DEEP)}` },
    { op, label: 'deep array', raw: `${'['.repeat(DEEP)}${']'.repeat(DEEP)}` },
  ]
  const leaves: Input[] = []
  for (const leaf of leavesOf(doc, op.jsonBody)) {
    const values = [
      ...(leaf.kinds.has('number') ? HUGE_AND_NEGATIVE : []),
      ...(leaf.kinds.has('string') ? ODD_STRINGS : []),
    ]
    for (const value of values) {
      const full = sampleOf(doc, op.jsonBody, fieldFiller(a, { tenant: false }), { all: true })
      const raw = JSON.stringify(withLeaf(baseline(op), full, leaf.path, value))
      const shown = typeof value === 'string' && value.length > 20 ? `${value.length} chars` : JSON.stringify(value)
      leaves.push({ op, label: `${leaf.path.join('.')} = ${shown}`, raw, leaf: { path: leaf.path, value } })
    }
  }
  return { fixed, leaves }
}

/** Sends each input once with the operation's credential, at most 8 at a time. */
async function run(inputs: Input[], credential: (raw: string, ts: string) => Record<string, string>) {
  return inPool(inputs, 8, async (input) => {
    calls++
    const fill = fieldFiller(a, { tenant: false })
    const headers = headerParamsFor(doc, input.op, fill)
    const raw = input.raw
    if (raw !== undefined && input.contentType !== '') headers['content-type'] = input.contentType ?? 'application/json'
    const ts = headers['x-ripple-timestamp'] ?? String(Math.floor(Date.now() / 1000))
    Object.assign(headers, credential(raw ?? '', ts))
    const path = pathFor(input.op, a) + queryFor(doc, input.op, fill, input.query)
    return { ...input, sent: await send(input.op.method, path, raw, headers) }
  })
}

const what = (i: Input) => `${i.op.id} with ${i.label} → ${i.sent?.status} ${i.sent?.text.slice(0, 300)}`
const refused = (i: Input) => (i.sent?.status ?? 0) >= 400

/** Every value under `key` anywhere in a JSON answer. */
function valuesNamed(body: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(body)) for (const x of body) valuesNamed(x, key, out)
  else if (body && typeof body === 'object')
    for (const [k, v] of Object.entries(body)) {
      if (k === key) out.push(v)
      valuesNamed(v, key, out)
    }
  return out
}

/**
 * Accepted fields that are by design not answered back as sent: payout details are write-only and masked in every
 * answer; the rules preview takes an order's body and ignores its orderId and currency (it prices in the brand's).
 */
const NOT_ECHOED = [/payout/, /^POST \/api\/rules\/preview with (currency|orderId) /]

/** No 500; a refusal in the error shape; an accepted string answered back as sent where the answer names the field. */
function expectSafe(i: Input) {
  const sent = i.sent!
  expect(sent.status, what(i)).toBeLessThan(500)
  if (sent.status >= 400) {
    expect(ErrorBody.safeParse(sent.body).success, `${what(i)}: not the error shape`).toBe(true)
    expect(sent.contentType, what(i)).toMatch(/application\/json/)
  } else if (i.leaf && typeof i.leaf.value === 'string' && !NOT_ECHOED.some((r) => r.test(what(i)))) {
    const key = i.leaf.path.filter((p) => typeof p === 'string').at(-1) as string
    const echoed = valuesNamed(sent.body, key).filter((v) => typeof v === 'string')
    if (echoed.length > 0) expect(echoed, `${what(i)}: answered back changed`).toContain(i.leaf.value)
  }
}

/** Runs a batch with the operation's credential; proves its refusals wrote nothing (one snapshot pair when it can). */
async function refusedWriteNothing(inputs: Input[], credential: (raw: string, ts: string) => Record<string, string>) {
  const { done } = await refusalsWriteNothing(inputs, (xs) => run(xs, credential), refused, what, expectSafe)
  return done
}

beforeAll(async () => {
  a = await seedFirstBrand()
  ;({ doc, operations } = await apiOperations())
})

afterAll(() => console.log(`bad-input matrix: ${calls} calls`))

const isJsonWrite = (op: Operation) => ['POST', 'PUT', 'PATCH'].includes(op.method) && op.jsonBody !== undefined
const takesCursor = (op: Operation) => op.parameters.some((p) => p.in === 'query' && p.name === 'cursor')

describe('bad-input matrix from the OpenAPI document', () => {
  it('knows how to sign in for every operation it calls', () => {
    const unknown = operations
      .filter((op) => isJsonWrite(op) || takesCursor(op))
      .filter((op) => op.roles.length === 0 && op.schemes.some((s) => !SIGNERS[s]))
      .map((op) => `${op.id}: ${op.schemes.join(', ')}`)
    expect(unknown).toEqual([])
  })

  it('every JSON-bodied operation: broken, empty, oversize and deep bodies are refused in the error shape', async () => {
    const ops = operations.filter(isJsonWrite)
    expect(ops.length).toBeGreaterThanOrEqual(20)
    for (const op of ops) {
      const done = await refusedWriteNothing(inputsFor(op).fixed, await credentialFor(op))
      // An operation whose body is optional may take an empty one; a signed delivery is read as raw text
      // whatever its content type (lib/http/webhooks-app.ts): its signature, not a CORS preflight, guards it.
      const signed = op.roles.length === 0 && op.schemes.some((s) => SIGNERS[s])
      const mayPass = (x: Input) =>
        (!op.bodyRequired && x.label === 'empty body') || (signed && CONTENT_TYPES.has(x.label))
      for (const i of done.filter((x) => !mayPass(x))) expect(i.sent!.status, what(i)).toBeGreaterThanOrEqual(400)
    }
  })

  it('every JSON-bodied operation: huge, negative, long, NUL and RTL values in every field', async () => {
    let tried = 0
    for (const op of operations.filter(isJsonWrite)) {
      const { leaves } = inputsFor(op)
      tried += leaves.length
      await refusedWriteNothing(leaves, await credentialFor(op))
    }
    expect(tried).toBeGreaterThan(100)
  })

  it('every listing with a cursor: forged cursors are refused and read nothing', async () => {
    const ops = operations.filter((op) => op.method === 'GET' && takesCursor(op))
    expect(ops.length).toBeGreaterThanOrEqual(5)
    for (const op of ops) {
      const inputs = FORGED_CURSORS.map((cursor) => ({ op, label: `cursor ${cursor.slice(0, 20)}`, query: { cursor } }))
      const done = await refusedWriteNothing(inputs, await credentialFor(op))
      for (const i of done) expect(i.sent!.status, what(i)).toBeGreaterThanOrEqual(400)
    }
  })
})
