import type { BuildOptions } from 'esbuild'

/**
 * The one set of esbuild options for Ripple's Lambda bundles. `scripts/build.ts`
 * uses it today; the CDK stack's `NodejsFunction` bundling (or a pre-built asset)
 * should use the same function so local builds and deployments never drift.
 */

/**
 * Left out of every bundle: the Lambda Node.js 22 runtime ships the AWS SDK v3
 * (`@aws-sdk/*`). Bundling it would add ~200 KB minified to the redirect, the
 * consumer's click path, whose bundle must stay under 150 KB for cold starts.
 * Trade-off: the runtime's SDK version is AWS's, not our pinned one; our code
 * uses only long-stable DynamoDB commands, so that is acceptable.
 */
export const LAMBDA_EXTERNALS = ['@aws-sdk/*'] as const

/**
 * Some CommonJS dependencies call `require('node:…')`; in an ESM bundle esbuild
 * cannot rewrite those, so give the module a real `require`.
 */
const REQUIRE_SHIM = `import { createRequire as __rippleCreateRequire } from 'node:module'; const require = __rippleCreateRequire(import.meta.url);`

export interface LambdaBuildHooks {
  /** Directory the bundle goes to; the bundle is `<outdir>/index.mjs`. */
  outdir: string
  /**
   * Build-time constants, merged into esbuild's `define` (values are JS source,
   * so strings go through `JSON.stringify`). The hook for the pages' client
   * scripts: their build produces the bundled client JS and passes
   * `{ __RIPPLE_CLIENT_ASSETS__: JSON.stringify(assets) }` here.
   */
  define?: Record<string, string>
  /** Packages left out of the bundle; LAMBDA_EXTERNALS unless a measurement bundles the SDK (tests/bench/coldstart.bench.ts). */
  external?: readonly string[]
}

/**
 * esbuild options for one Lambda entry point.
 * @example await esbuild.build(lambdaBuildOptions('functions/redirect.ts', { outdir: 'dist/redirect' }))
 */
export function lambdaBuildOptions(entry: string, hooks: LambdaBuildHooks): BuildOptions {
  return {
    entryPoints: { index: entry },
    outdir: hooks.outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    // Node 20 locally and in CI, nodejs22.x on Lambda: target the older one so the same bundle runs on both.
    target: 'node20',
    minify: true,
    treeShaking: true,
    sourcemap: 'external',
    external: [...(hooks.external ?? LAMBDA_EXTERNALS)],
    // Pages are Hono JSX (tsconfig says the same; stated here so the bundle never depends on tsconfig lookup).
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    banner: { js: REQUIRE_SHIM },
    define: { ...hooks.define },
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  }
}
