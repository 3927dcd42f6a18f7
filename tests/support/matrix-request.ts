import { rippleSignature, shopifySignature } from '../../lib/domain/webhook-signature'
import { expect } from 'vitest'
import { call } from './client'
import { tableSnapshot } from './table'
import { PATH_FILLERS, type FirstBrand } from './first-brand'
import { type ApiDocument, type Operation, paramKey, sampleOf, stringFor } from './openapi-operations'

/** Secrets a signature scheme signs with. */
export interface SigningSecrets {
  webhookSecret: string
  shopifySecret: string
}

/** How each signature scheme of the document signs a raw body; a scheme missing here is named by a test. */
export const SIGNERS: Record<string, (s: SigningSecrets, raw: string, timestamp: string) => Record<string, string>> = {
  rippleSignature: (s, raw, ts) => ({ 'x-ripple-signature': rippleSignature(s.webhookSecret, ts, raw) }),
  shopifyHmac: (s, raw) => ({ 'x-shopify-hmac-sha256': shopifySignature(s.shopifySecret, raw) }),
}

/** Path parameters of the document with no entry in PATH_FILLERS, as `METHOD path: name`. */
export const unfilledPathParams = (operations: Operation[]): string[] =>
  operations.flatMap((op) =>
    op.parameters
      .filter((p) => p.in === 'path' && !PATH_FILLERS[paramKey(op.path, p.name)])
      .map((p) => `${op.id}: {${p.name}} (add '${paramKey(op.path, p.name)}' to PATH_FILLERS)`),
  )

/** The operation's path with the first brand's ids in it (a generated id where the table has none). */
export function pathFor(op: Operation, a: FirstBrand): string {
  let path = op.path
  for (const p of op.parameters.filter((x) => x.in === 'path')) {
    const filler = PATH_FILLERS[paramKey(op.path, p.name)]
    path = path.replace(`{${p.name}}`, encodeURIComponent(filler ? filler(a) : stringFor(p.schema)))
  }
  return path
}

/** Query string: every parameter the filler knows, and the required ones generated from their schemas. */
export function queryFor(
  doc: ApiDocument,
  op: Operation,
  fill: (name: string) => unknown,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams()
  for (const p of op.parameters.filter((x) => x.in === 'query')) {
    const v = fill(p.name)
    if (v !== undefined) q.set(p.name, String(v))
    else if (p.required) q.set(p.name, String(sampleOf(doc, p.schema, fill, { name: p.name })))
  }
  for (const [k, v] of Object.entries(extra)) q.set(k, v)
  const s = q.toString()
  return s ? `?${s}` : ''
}

/** Header parameters the operation requires (a signed timestamp is now). */
export function headerParamsFor(doc: ApiDocument, op: Operation, fill: (name: string) => unknown) {
  const out: Record<string, string> = {}
  for (const p of op.parameters.filter((x) => x.in === 'header' && x.required))
    out[p.name] = /timestamp/i.test(p.name)
      ? String(Math.floor(Date.now() / 1000))
      : String(fill(p.name) ?? sampleOf(doc, p.schema, fill, { name: p.name }))
  return out
}

/** A small body of a non-JSON media type (a CSV import, an image, a form) naming the first brand's ids. */
export function otherBody(type: string, a: FirstBrand): { raw: string; contentType: string } {
  if (type.startsWith('multipart/'))
    return {
      contentType: 'multipart/form-data; boundary=matrixboundary',
      raw: `--matrixboundary\r\nContent-Disposition: form-data; name="file"; filename="m.csv"\r\nContent-Type: text/csv\r\n\r\nname,type,parentId\r\nm,member,${a.root.id}\r\n--matrixboundary--\r\n`,
    }
  return { contentType: type, raw: `name,type,parentId\r\nmatrix,member,${a.root.id}\r\n` }
}

export interface Sent {
  status: number
  text: string
  // any: the parsed JSON answer, read loosely by the assertions
  body: any
  contentType: string
}

/** Sends one request to the one app instance the tests share; answers the status and the body as text. */
export async function send(
  method: string,
  path: string,
  raw: string | undefined,
  headers: Record<string, string>,
): Promise<Sent> {
  const r = await call(method, path, { raw, headers })
  const text = await r.res.clone().text()
  return { status: r.status, text, body: r.body, contentType: r.res.headers.get('content-type') ?? '' }
}

/**
 * Runs a batch between two table snapshots and proves that its refused requests wrote
 * nothing: where every request was refused the table must be unchanged; where some were
 * accepted (they may write), the refused ones run again as a batch, and where that is
 * mixed again (a request that lost a race before may pass now), each alone.
 * @example await refusalsWriteNothing(inputs, run, (i) => i.status >= 400, describe, expectSafe)
 */
export async function refusalsWriteNothing<T>(
  items: T[],
  run: (items: T[]) => Promise<T[]>,
  refused: (t: T) => boolean,
  describe: (t: T) => string,
  check: (t: T) => void,
): Promise<{ done: T[]; before: string[]; after: string[] }> {
  const before = await tableSnapshot()
  const done = await run(items)
  const after = await tableSnapshot()
  done.forEach(check)
  const wrote = (ts: T[]) => `a refused request wrote: ${ts.map(describe).join('; ').slice(0, 2000)}`
  if (done.every(refused)) expect(after, wrote(done)).toEqual(before)
  else if (done.some(refused)) {
    const retryStart = await tableSnapshot()
    const again = await run(done.filter(refused))
    again.forEach(check)
    const retryEnd = await tableSnapshot()
    if (again.every(refused)) expect(retryEnd, wrote(again)).toEqual(retryStart)
    else
      for (const t of again.filter(refused)) {
        const alone = await tableSnapshot()
        const [one] = await run([t])
        check(one as T)
        if (refused(one as T)) expect(await tableSnapshot(), wrote([one as T])).toEqual(alone)
      }
  }
  return { done, before, after }
}
