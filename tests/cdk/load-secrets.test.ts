import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadSecrets } from '../../lib/config/load-secrets'

const SIGNING_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ripple/prod/signing-secret-AbCdEf'
const ADMIN_ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:ripple/prod/admin-token-GhIjKl'
const VALUES: Record<string, string> = { [SIGNING_ARN]: 's'.repeat(64), [ADMIN_ARN]: 'a'.repeat(64) }

// A local HTTP server standing in for the Parameters and Secrets extension on localhost:2773.
let server: Server
let port: number
const requests: IncomingMessage[] = []
let failNext = 0

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req)
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (failNext > 0) {
      failNext--
      res.writeHead(400).end('not ready')
      return
    }
    if (req.headers['x-aws-parameters-secrets-token'] !== 'session-token')
      return void res.writeHead(401).end('bad token')
    const value = VALUES[url.searchParams.get('secretId') ?? '']
    if (url.pathname !== '/secretsmanager/get' || !value)
      return void res.writeHead(400).end('ResourceNotFoundException')
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(
        JSON.stringify({ ARN: url.searchParams.get('secretId'), SecretString: value, VersionStages: ['AWSCURRENT'] }),
      )
  })
  await new Promise<void>((r) => server.listen(0, 'localhost', r))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

const lambdaEnv = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  AWS_SESSION_TOKEN: 'session-token',
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(port),
  ...extra,
})

describe('loadSecrets', () => {
  it('does nothing locally, where no secret ARN is set', async () => {
    const env: NodeJS.ProcessEnv = { SIGNING_SECRET: 'local-value' }
    const before = requests.length
    expect(await loadSecrets({ env })).toEqual([])
    expect(env).toEqual({ SIGNING_SECRET: 'local-value' })
    expect(requests.length).toBe(before)
  })

  it('reads each configured secret through the extension, with the session token, into the variable the code reads', async () => {
    const env = lambdaEnv({ RIPPLE_SIGNING_SECRET_ARN: SIGNING_ARN, RIPPLE_ADMIN_TOKEN_ARN: ADMIN_ARN })
    expect((await loadSecrets({ env })).sort()).toEqual(['ADMIN_TOKEN', 'SIGNING_SECRET'])
    expect(env.SIGNING_SECRET).toBe(VALUES[SIGNING_ARN])
    expect(env.ADMIN_TOKEN).toBe(VALUES[ADMIN_ARN])
    const last = requests.slice(-2).map((r) => new URL(r.url!, 'http://x').searchParams.get('secretId'))
    expect(last.sort()).toEqual([ADMIN_ARN, SIGNING_ARN].sort())
  })

  it('reads only the secrets a function is given (the redirect: the signing secret)', async () => {
    const env = lambdaEnv({ RIPPLE_SIGNING_SECRET_ARN: SIGNING_ARN })
    expect(await loadSecrets({ env })).toEqual(['SIGNING_SECRET'])
    expect(env.ADMIN_TOKEN).toBeUndefined()
  })

  it('retries a refusal from an extension that is not ready yet', async () => {
    failNext = 1
    const env = lambdaEnv({ RIPPLE_SIGNING_SECRET_ARN: SIGNING_ARN })
    expect(await loadSecrets({ env })).toEqual(['SIGNING_SECRET'])
  })

  it('fails clearly, without the value, when the secret cannot be read', async () => {
    const env = lambdaEnv({ RIPPLE_SIGNING_SECRET_ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:nope' })
    await expect(loadSecrets({ env, attempts: 1 })).rejects.toThrow(
      /answered 400 for .*nope: ResourceNotFoundException/,
    )
    expect(env.SIGNING_SECRET).toBeUndefined()
    const refused = lambdaEnv({ AWS_SESSION_TOKEN: 'wrong', RIPPLE_SIGNING_SECRET_ARN: SIGNING_ARN })
    await expect(loadSecrets({ env: refused, attempts: 1 })).rejects.toThrow(/401/)
  })

  it('fails when nothing listens (no extension layer)', async () => {
    const env = lambdaEnv({ PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '1', RIPPLE_SIGNING_SECRET_ARN: SIGNING_ARN })
    await expect(loadSecrets({ env, attempts: 1 })).rejects.toThrow()
  })
})

describe('withSecrets', () => {
  // Fresh module state per test: the loaded-once promise lives at module scope, as in a Lambda sandbox.
  const fresh = async () => {
    vi.resetModules()
    return (await import('../../lib/config/load-secrets')).withSecrets
  }
  const saved = { ...process.env }
  afterEach(() => {
    for (const k of [
      'AWS_SESSION_TOKEN',
      'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
      'RIPPLE_SIGNING_SECRET_ARN',
      'SIGNING_SECRET',
    ]) {
      if (saved[k] === undefined) delete process.env[k]
      else process.env[k] = saved[k]
    }
    failNext = 0
  })

  it('locally just runs the handler', async () => {
    const handler = (await fresh())(async (event: { n: number }) => event.n + 1)
    expect(await handler({ n: 1 })).toBe(2)
  })

  it('loads once per cold start, before the first event, and retries a failed load on the next event', async () => {
    Object.assign(process.env, lambdaEnv({ RIPPLE_SIGNING_SECRET_ARN: SIGNING_ARN }))
    delete process.env.SIGNING_SECRET
    const handler = (await fresh())(async () => process.env.SIGNING_SECRET)
    failNext = 3
    await expect(handler()).rejects.toThrow(/not ready/)
    const before = requests.length
    expect(await handler()).toBe(VALUES[SIGNING_ARN])
    expect(await handler()).toBe(VALUES[SIGNING_ARN])
    expect(requests.length - before).toBe(1)
  })

  it("with onFailure 'continue' runs the handler anyway (the redirect still redirects)", async () => {
    Object.assign(process.env, lambdaEnv({ RIPPLE_SIGNING_SECRET_ARN: SIGNING_ARN }))
    delete process.env.SIGNING_SECRET
    const handler = (await fresh())(async () => process.env.SIGNING_SECRET ?? 'no secret', { onFailure: 'continue' })
    failNext = 3
    // The same module instance load-secrets logs through (fresh() reset the registry just before).
    const { logger } = await import('../../lib/log')
    const errors = vi.spyOn(logger, 'error').mockImplementation(() => {})
    expect(await handler()).toBe('no secret')
    expect(errors).toHaveBeenCalledWith('secrets not loaded', expect.anything())
    const logged = JSON.stringify(errors.mock.calls, (_k, v: unknown) => (v instanceof Error ? String(v.stack) : v))
    expect(logged).not.toContain(VALUES[SIGNING_ARN])
    errors.mockRestore()
    expect(await handler()).toBe(VALUES[SIGNING_ARN])
  })
})
