import type { TestProject } from 'vitest/node'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildLambdas, type BundleReport } from '../../scripts/build'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `buildLambdas()` output for the cdk tests: `<dir>/<function>/index.mjs`. */
    cdkBundleDir: string
    cdkBundleReports: BundleReport[]
  }
}

/**
 * Builds the Lambda bundles once for the whole cdk run (the same build `npm run
 * synth` does) into a temp dir; every test file synthesises stacks from it.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'ripple-cdk-bundles-'))
  const reports = await buildLambdas({ outDir: dir })
  project.provide('cdkBundleDir', dir)
  project.provide('cdkBundleReports', reports)
  return () => rmSync(dir, { recursive: true, force: true })
}
