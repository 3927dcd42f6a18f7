import { build } from 'esbuild'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { lambdaBuildOptions } from './esbuild-config'
import { buildClientAssets } from '../web/assets'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
/** Entry points that are not Lambdas: the local server runs from source. */
const NOT_LAMBDAS = new Set(['local'])

export interface BundleReport {
  name: string
  file: string
  bytes: number
  gzipBytes: number
}

/** Every Lambda entry point in `functions/`, by bundle name. */
export function lambdaEntries(): { name: string; entry: string }[] {
  return readdirSync(join(ROOT, 'functions'))
    .filter((f) => f.endsWith('.ts') && !NOT_LAMBDAS.has(basename(f, '.ts')))
    .map((f) => ({ name: basename(f, '.ts'), entry: join(ROOT, 'functions', f) }))
}

/**
 * Bundles each Lambda into `<outDir>/<name>/index.mjs` and reports its size.
 * The pages' client scripts are built first and injected as `__RIPPLE_CLIENT_ASSETS__`
 * (the contract in web/assets.ts: a Lambda has no esbuild to build them at runtime);
 * `define` adds or overrides build-time constants for every bundle.
 */
export async function buildLambdas(
  opts: { outDir?: string; define?: Record<string, string>; external?: readonly string[] } = {},
): Promise<BundleReport[]> {
  const outDir = resolve(opts.outDir ?? join(ROOT, 'dist'))
  const define = { __RIPPLE_CLIENT_ASSETS__: JSON.stringify(await buildClientAssets()), ...opts.define }
  const reports: BundleReport[] = []
  for (const { name, entry } of lambdaEntries()) {
    const outdir = join(outDir, name)
    rmSync(outdir, { recursive: true, force: true })
    await build(lambdaBuildOptions(entry, { outdir, define, external: opts.external }))
    const file = join(outdir, 'index.mjs')
    const code = readFileSync(file)
    reports.push({ name, file, bytes: code.length, gzipBytes: gzipSync(code).length })
  }
  return reports
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

export function formatReports(reports: BundleReport[]): string {
  const rows = reports.map(
    (r) =>
      `  ${r.name.padEnd(10)} ${String(r.bytes).padStart(9)} B  ${kb(r.bytes).padStart(9)}   gzip ${String(r.gzipBytes).padStart(8)} B  ${kb(r.gzipBytes).padStart(9)}`,
  )
  return ['Lambda bundles (minified; @aws-sdk/* external):', ...rows].join('\n')
}

// `npm run build`; importing this module (the build test) only defines the functions.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const reports = await buildLambdas()
  console.log(formatReports(reports))
}
