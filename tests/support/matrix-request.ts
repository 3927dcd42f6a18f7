import { rippleSignature, shopifySignature } from '../../lib/domain/webhook-signature'
import { call } from './client'
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
  // biome-ignore lint/suspicious/noExplicitAny: the parsed JSON answer, read loosely by the assertions
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
