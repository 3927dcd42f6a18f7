import type { TestProject } from 'vitest/node'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startS3Local } from '../../lib/local/s3-local'

declare module 'vitest' {
  export interface ProvidedContext {
    s3Endpoint: string
  }
}

/** One s3rver for the whole run on a free port, its data in a temp dir; each test file makes its own bucket. */
export default async function setup(project: TestProject) {
  const directory = mkdtempSync(join(tmpdir(), 'ripple-s3-'))
  const s3 = await startS3Local({ directory })
  project.provide('s3Endpoint', s3.endpoint)
  return async () => {
    await s3.stop()
    rmSync(directory, { recursive: true, force: true })
  }
}
