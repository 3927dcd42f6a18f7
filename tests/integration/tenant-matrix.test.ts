import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newBrand, newDistributor, sessionOf } from '../support/client'
import { consoleCookieOf } from '../support/console'
import { fieldFiller, type FirstBrand, seedFirstBrand } from '../support/first-brand'
import { apiOperations, type ApiDocument, inPool, type Operation, sampleOf } from '../support/openapi-operations'
import {
  headerParamsFor,
  otherBody,
  pathFor,
  queryFor,
  refusalsWriteNothing,
  type Sent,
  SIGNERS,
  send,
  unfilledPathParams,
} from '../support/matrix-request'

// Every operation of the OpenAPI document, called with another brand's credentials, none and forged
// ones, against the first brand's real ids: no answer is a 500, none carries the first brand's data,
// no success changes it, and no refused request writes anything. Derived from the document alone,
// so a new route is covered as soon as it is documented (PATH_FILLERS names its path parameters).

let a: FirstBrand
let doc: ApiDocument
let operations: Operation[]
let other: Awaited<ReturnType<typeof otherBrand>>

async function otherBrand() {
  const b = await newBrand()
  const d = await newDistributor(b.adminKey, { name: 'B member', type: 'member' })
  return { ...b, distributorId: d.id, shopifySecret: 'shpss_other_brand_secret', ...(await freshSessions(b, d.id)) }
}

/** The other brand's browser credentials, minted again after a success that may have signed them out. */
async function freshSessions(b: { adminKey: string }, distributorId: string) {
  return { session: await sessionOf(b.adminKey, distributorId), consoleCookie: await consoleCookieOf(b.adminKey) }
}

const sameOrigin = { 'sec-fetch-site': 'same-origin' }
const garbage = 'x'.repeat(40)

/** The credentials tried on every operation: headers for a raw body and the signed timestamp. */
const CREDENTIALS: Record<string, (raw: string, ts: string) => Record<string, string>> = {
  'other admin key': () => ({ authorization: `Bearer ${other.adminKey}` }),
  'other finance key': () => ({ authorization: `Bearer ${other.financeKey}` }),
  'other distributor cookie': () => ({ cookie: `rpl_session=${encodeURIComponent(other.session)}`, ...sameOrigin }),
  'other console cookie': () => ({ cookie: other.consoleCookie, 'x-ripple-client': 'console', ...sameOrigin }),
  'other webhook signatures': (raw, ts) =>
    Object.assign({}, ...Object.values(SIGNERS).map((sign) => sign(other, raw, ts))),
  none: () => ({}),
  'garbage bearer': () => ({ authorization: `Bearer rpl_admin_${garbage}` }),
  'forged cookies': () => ({
    cookie: `rpl_session=s1.${garbage}.${garbage}; rpl_console=c1.${garbage}.${garbage}`,
    ...sameOrigin,
  }),
}

/** Credentials nothing should accept (bar a public operation), and the other brand's real ones: a batch each. */
const FORGED = ['none', 'garbage bearer', 'forged cookies', 'other webhook signatures']
const FOREIGN = ['other admin key', 'other finance key', 'other distributor cookie', 'other console cookie']

/** Strings only the first brand's data holds: seeing one in another caller's answer is a leak. */
const secretsOf = (x: FirstBrand) => [x.marker, x.adminKey, x.financeKey, x.webhookSecret, x.shopifySecret]
/** Ids only the first brand has (order ids, SKUs and batch ids repeat across brands by design), and what its invites show. */
const ownIdsOf = (x: FirstBrand) => [x.shown, x.brandId, x.root.id, x.child.id, x.ruleId, x.spareKeyId, x.linkCode]

/** The first brand's items: their keys name its brand, distributors or codes, or they say its brand. */
function ownedBy(x: FirstBrand, snapshot: string[]): string[] {
  const tokens = [x.brandId, x.root.id, x.child.id, x.linkCode, x.root.inviteCode, x.child.inviteCode]
  return snapshot.filter((line) => {
    const item = JSON.parse(line) as Record<string, unknown>
    const keys = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((k) => String(item[k] ?? '')).join(' ')
    return item.brandId === x.brandId || tokens.some((t) => keys.includes(t))
  })
}

interface Tried {
  op: Operation
  credential: string
  path: string
  raw: string | undefined
  headers: Record<string, string>
  sent?: Sent
}

/** One request of the matrix: the first brand's ids in the path, the query and the body. */
function requestFor(op: Operation, credential: string): Tried {
  const fill = fieldFiller(a, { tenant: true })
  let raw: string | undefined
  const headers: Record<string, string> = { ...headerParamsFor(doc, op, fill) }
  if (op.jsonBody) {
    raw = JSON.stringify(sampleOf(doc, op.jsonBody, fill))
    headers['content-type'] = 'application/json'
  } else if (op.bodyTypes[0]) {
    const body = otherBody(op.bodyTypes[0], a)
    raw = body.raw
    headers['content-type'] = body.contentType
  }
  const ts = headers['x-ripple-timestamp'] ?? String(Math.floor(Date.now() / 1000))
  Object.assign(headers, CREDENTIALS[credential]?.(raw ?? '', ts))
  return { op, credential, path: pathFor(op, a) + queryFor(doc, op, fill), raw, headers }
}

const what = (t: Tried) => `${t.op.id} as ${t.credential} → ${t.sent?.status} ${t.sent?.text.slice(0, 300)}`
const refused = (t: Tried) => (t.sent?.status ?? 0) >= 400
const isPublic = (op: Operation) => op.schemes.length === 0

let calls = 0
/** Sends each request once; answers what came back, in order. */
async function run(tries: Tried[]): Promise<Tried[]> {
  return inPool(tries, 8, async (t) => {
    calls++
    return { ...t, sent: await send(t.op.method, t.path, t.raw, t.headers) }
  })
}

beforeAll(async () => {
  a = await seedFirstBrand()
  other = await otherBrand()
  ;({ doc, operations } = await apiOperations())
  // The document itself is served outside the document: call it like any public operation.
  operations.push({
    method: 'GET',
    path: '/api/openapi.json',
    id: 'GET /api/openapi.json',
    parameters: [],
    schemes: [],
    roles: [],
    bodyTypes: [],
    bodyRequired: false,
  })
})

afterAll(() => {
  console.log(
    `tenant matrix: ${operations?.length} operations × ${Object.keys(CREDENTIALS).length} credentials, ${calls} calls`,
  )
})

describe('tenant matrix from the OpenAPI document', () => {
  it('names a filler for every path parameter of the document', () => {
    expect(unfilledPathParams(operations)).toEqual([])
    expect(operations.flatMap((op) => op.schemes.filter((s) => !(s in doc.components.securitySchemes!)))).toEqual([])
  })

  it('covers the document: at least the routes known today', () => {
    expect(operations.length).toBeGreaterThanOrEqual(55)
  })

  it('every operation × every foreign or forged credential: no 500, no leak, no change, no write on refusal', async () => {
    const secrets = secretsOf(a)
    const ownIds = ownIdsOf(a)
    const check = (t: Tried) => {
      const sent = t.sent!
      expect(sent.status, what(t)).toBeLessThan(500)
      for (const s of secrets) expect(sent.text.includes(s), `${what(t)}: carries ${s}`).toBe(false)
      if (sent.status >= 400) expect(sent.text.includes(a.shown), `${what(t)}: a refusal shows a name`).toBe(false)
      if (sent.status < 400 && !isPublic(t.op))
        for (const id of ownIds) expect(sent.text.includes(id), `${what(t)}: names ${id}`).toBe(false)
    }
    for (const op of operations)
      for (const group of [FORGED, FOREIGN]) {
        const { done, before, after } = await refusalsWriteNothing(
          group.map((credential) => requestFor(op, credential)),
          // Built afresh for each run (a new timestamp, signature and request id).
          (tries) => run(tries.map((t) => requestFor(op, t.credential))),
          refused,
          what,
          check,
        )
        if (done.every(refused)) continue
        // Some calls succeeded (the other brand on its own data): they may write, but never the first brand's data.
        if (!isPublic(op)) expect(ownedBy(a, after), `${op.id} changed the first brand`).toEqual(ownedBy(a, before))
        // A success may have signed the other brand's distributors out: mint its browser sessions again.
        Object.assign(other, await freshSessions(other, other.distributorId))
      }
  })
})
