import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { buildApiApp } from '../lib/http/api-app'

/**
 * Writes the API's OpenAPI document, as GET /api/openapi.json serves it, to a file
 * (default dist/openapi.json) for `npm run lint:api` to lint. No server, no table:
 * the document is answered in process by the real app.
 * @example tsx scripts/write-openapi.ts dist/openapi.json
 */
const out = resolve(process.argv[2] ?? 'dist/openapi.json')
const res = await buildApiApp().request('http://localhost/api/openapi.json')
if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}: ${await res.text()}`)
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, `${JSON.stringify(await res.json(), null, 2)}\n`)
console.log(`wrote ${out}`)
