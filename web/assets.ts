import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'

/**
 * Client scripts: small TypeScript files in `web/client/<name>.ts`, bundled by
 * esbuild and served at `/assets/<name>.<hash>.js` with a one-year immutable
 * cache (the hash changes whenever the code does).
 *
 * BUILD-TIME CONTRACT (for scripts/build.ts and the CDK bundling):
 *   The Lambda bundle has no esbuild at runtime, so the build must inject the
 *   scripts with esbuild `define`:
 *     define: { __RIPPLE_CLIENT_ASSETS__: JSON.stringify(await buildClientAssets()) }
 *   i.e. a JSON object `{ "<name>": "<minified js>" }` for every name in
 *   CLIENT_ENTRIES. When the global is defined it is used as is; when it is
 *   absent (`npm start` under tsx, the tests) each script is built in memory
 *   once per process. The `esbuild` import below uses a non-literal specifier so
 *   bundlers leave it alone (it is never reached in a bundle that has the define).
 */
declare const __RIPPLE_CLIENT_ASSETS__: Record<string, string> | undefined

/** Every client script, by name (`web/client/<name>.ts`). */
export const CLIENT_ENTRIES = [
  'mobile',
  'join',
  'rules',
  'finance',
  'programme',
  'products',
  'distributor',
  'import',
  'leave',
  'keys',
  'phone-sign-in',
] as const
export type ClientEntry = (typeof CLIENT_ENTRIES)[number]

export interface ClientAsset {
  js: string
  /** First 10 hex digits of the script's SHA-256: the cache-busting part of its URL. */
  hash: string
}

const cache = new Map<string, Promise<ClientAsset>>()

const isEntry = (name: string): name is ClientEntry => (CLIENT_ENTRIES as readonly string[]).includes(name)

/** Bundles one client script in memory: minified, ES2019 so older in-app browsers (WeChat's X5) run it. */
async function buildEntry(name: ClientEntry): Promise<string> {
  // Kept out of static imports so the Lambda bundle neither includes nor needs esbuild.
  const specifier = 'esbuild'
  const esbuild = (await import(specifier)) as typeof import('esbuild')
  const result = await esbuild.build({
    entryPoints: [fileURLToPath(new URL(`./client/${name}.ts`, import.meta.url))],
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'es2019',
    legalComments: 'none',
  })
  const out = result.outputFiles[0]
  if (!out) throw new Error(`esbuild produced no output for web/client/${name}.ts`)
  return out.text
}

/** All client scripts, built now: what the Lambda build injects as `__RIPPLE_CLIENT_ASSETS__`. */
export async function buildClientAssets(): Promise<Record<ClientEntry, string>> {
  const built = await Promise.all(CLIENT_ENTRIES.map(async (name) => [name, await buildEntry(name)] as const))
  return Object.fromEntries(built) as Record<ClientEntry, string>
}

/** One client script with its hash, or undefined for an unknown name. Built once per process. */
export function clientAsset(name: string): Promise<ClientAsset> | undefined {
  if (!isEntry(name)) return undefined
  let asset = cache.get(name)
  if (!asset) {
    const injected = typeof __RIPPLE_CLIENT_ASSETS__ !== 'undefined' ? __RIPPLE_CLIENT_ASSETS__[name] : undefined
    asset = (injected !== undefined ? Promise.resolve(injected) : buildEntry(name)).then((js) => ({
      js,
      hash: createHash('sha256').update(js).digest('hex').slice(0, 10),
    }))
    // A failed build is not cached, so fixing the file and reloading works under `npm start`.
    asset.catch(() => cache.delete(name))
    cache.set(name, asset)
  }
  return asset
}

/** The URL of a client script, e.g. `/assets/mobile.3f9c0a1b2d.js`. */
export async function assetUrl(name: ClientEntry): Promise<string> {
  const asset = await (clientAsset(name) as Promise<ClientAsset>)
  return `/assets/${name}.${asset.hash}.js`
}
