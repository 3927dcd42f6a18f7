import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { buildLambdas, type BundleReport } from '../../scripts/build'
import { apigwEvent, redirectEvent } from '../support/apigw-event'

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..')
const REDIRECT_LIMIT_BYTES = 150 * 1024

type Handler = (event: unknown) => Promise<{ statusCode: number; body: string }>

// The bundles go under node_modules/.cache, not the OS temp dir: `@aws-sdk/*` is external
// (the Lambda runtime provides it), so the bundle must find it by walking up to node_modules,
// and vitest then loads the files natively as Lambda would instead of transforming them.
let outDir: string
let reports: BundleReport[]

beforeAll(async () => {
  mkdirSync(join(ROOT, 'node_modules/.cache'), { recursive: true })
  outDir = mkdtempSync(join(ROOT, 'node_modules/.cache/ripple-build-test-'))
  reports = await buildLambdas({ outDir })
})
afterAll(() => rmSync(outDir, { recursive: true, force: true }))

async function bundledHandler(name: string): Promise<Handler> {
  const mod = (await import(/* @vite-ignore */ pathToFileURL(join(outDir, name, 'index.mjs')).href)) as {
    handler?: Handler
  }
  expect(typeof mod.handler).toBe('function')
  return mod.handler as Handler
}

describe('npm run build', () => {
  it('bundles every Lambda entry point, and not the local server', () => {
    expect(reports.map((r) => r.name).sort()).toEqual(expect.arrayContaining(['api', 'redirect']))
    expect(reports.map((r) => r.name)).not.toContain('local')
    for (const r of reports) {
      expect(existsSync(r.file)).toBe(true)
      expect(existsSync(`${r.file}.map`)).toBe(true)
    }
  })

  it('keeps the redirect bundle, the click path, under 150 KB minified', () => {
    const redirect = reports.find((r) => r.name === 'redirect')
    expect(redirect?.bytes).toBeGreaterThan(0)
    expect(redirect?.bytes).toBeLessThan(REDIRECT_LIMIT_BYTES)
  })

  it('produces bundles whose handlers run on plain Node against DynamoDB', async () => {
    expect(process.env.DYNAMODB_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:/)
    const api = await bundledHandler('api')
    const health = await api(apigwEvent('get-health'))
    expect(health.statusCode).toBe(200)
    expect(JSON.parse(health.body)).toEqual({ ok: true, dynamodb: 'up' })

    // A client script can only come from the build's define: the bundle's fallback (building
    // web/client/*.ts at runtime) cannot find the sources next to the bundle.
    const script = apigwEvent('get-health')
    script.rawPath = script.requestContext.http.path = '/assets/mobile.0000000000.js'
    const asset = await api(script)
    expect(asset.statusCode).toBe(200)
    expect(asset.body.length).toBeGreaterThan(100)

    const redirect = await bundledHandler('redirect')
    expect((await redirect(redirectEvent('NoSuchCode99'))).statusCode).toBe(404)
  })
})
