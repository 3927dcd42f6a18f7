import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildLambdas } from '../../scripts/build'

// `npm run bench:coldstart`: what each Lambda bundle adds to a cold start. Every bundle is built twice, with the
// AWS SDK left to the runtime (as deployed) and with the SDK bundled in, and each is imported by RUNS fresh Node
// processes; the baselines, measured in the same run and the same way, are an empty module and the SDK alone
// (the DynamoDB client and document client, which every function loads). Prints medians and ratios; fails only
// on errors. Bundles go under dist/ so the externals resolve from the project's node_modules, as the runtime's do.
const RUNS = Number(process.env.BENCH_RUNS ?? 20)
const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
const OUT = join(ROOT, 'dist', 'coldstart')

/** Milliseconds to import `specifier` in a fresh process, measured inside it; median of RUNS. */
function importMs(specifier: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t)`
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    })
    if (run.status !== 0) throw new Error(`import of ${specifier} failed: ${run.stderr}`)
    times.push(Number(run.stdout.trim().split('\n').at(-1)))
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

const external = await buildLambdas({ outDir: join(OUT, 'external') })
const bundled = await buildLambdas({ outDir: join(OUT, 'bundled'), external: [] })

mkdirSync(OUT, { recursive: true })
const sdkModule = join(OUT, 'sdk-alone.mjs')
writeFileSync(
  sdkModule,
  "import '@aws-sdk/client-dynamodb'\nimport '@aws-sdk/lib-dynamodb'\nexport const loaded = true\n",
)
const empty = join(OUT, 'empty.mjs')
writeFileSync(empty, 'export const loaded = true\n')

const baseline = { empty: importMs(pathToFileURL(empty).href), sdk: importMs(pathToFileURL(sdkModule).href) }
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
const ms = (n: number) => `${n.toFixed(1)} ms`
console.log(`Cold import, median of ${RUNS} fresh processes (Node ${process.version}):`)
console.log(
  `  baseline: empty module ${ms(baseline.empty)}, AWS SDK alone (DynamoDB + lib-dynamodb) ${ms(baseline.sdk)}`,
)
console.log('  bundle       SDK external: size, import, ratio to SDK alone | SDK bundled: size, import, ratio')
for (const e of external) {
  const b = bundled.find((x) => x.name === e.name)!
  const te = importMs(pathToFileURL(e.file).href)
  const tb = importMs(pathToFileURL(b.file).href)
  console.log(
    `  ${e.name.padEnd(10)} ${kb(e.bytes).padStart(8)} ${ms(te).padStart(9)} ${(te / baseline.sdk).toFixed(2).padStart(6)}` +
      `   | ${kb(b.bytes).padStart(8)} ${ms(tb).padStart(9)} ${(tb / baseline.sdk).toFixed(2).padStart(6)}`,
  )
}
