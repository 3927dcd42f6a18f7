import { request } from 'node:http'
import { errorInput, logger } from '../log'

/**
 * Secrets on AWS: the stack keeps the signing secret and the admin token in
 * Secrets Manager and gives each function only the ARNs of the ones it needs
 * (`RIPPLE_SIGNING_SECRET_ARN`, `RIPPLE_ADMIN_TOKEN_ARN`). Once per cold start the
 * entry point reads them and sets `SIGNING_SECRET` / `ADMIN_TOKEN`, so the rest of
 * the code (lib/auth/secrets.ts, lib/http/auth.ts) reads the environment exactly
 * as under `npm start`. Locally and in tests no ARN is set and this does nothing.
 *
 * Why the AWS Parameters and Secrets Lambda Extension (a layer the stack adds)
 * and not the SDK: the bundles leave `@aws-sdk/*` to the runtime, and
 * `@aws-sdk/client-secrets-manager` cannot be installed at our pinned SDK
 * version, so an SDK call could be neither type-checked against nor tested here.
 * The extension is a plain HTTP GET on localhost: no dependency, no SigV4 code in
 * the 150 KB redirect bundle, and testable with a local server standing in for it.
 * The extension answers only during invocations (not during INIT), which is why
 * the handlers load lazily on their first event instead of at module top level.
 */

/** Which environment variable names a secret's ARN, and which variable its value goes to. */
export const SECRET_ENV = {
  RIPPLE_SIGNING_SECRET_ARN: 'SIGNING_SECRET',
  RIPPLE_ADMIN_TOKEN_ARN: 'ADMIN_TOKEN',
} as const

export type SecretArnVariable = keyof typeof SECRET_ENV

export interface LoadSecretsOptions {
  env?: NodeJS.ProcessEnv
  /** Tries per secret; the extension can refuse the very first request of a fresh sandbox. */
  attempts?: number
  timeoutMs?: number
}

/** GET the secret through the extension; resolves with `SecretString`. */
function getFromExtension(secretId: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  const port = Number(env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? 2773)
  const path = `/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: 'localhost',
        port,
        path,
        timeout: timeoutMs,
        headers: { 'X-Aws-Parameters-Secrets-Token': env.AWS_SESSION_TOKEN ?? '' },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8')
          // The body of a refusal names the problem (permissions, unknown secret) but never holds the value.
          if (res.statusCode !== 200)
            return reject(
              new Error(`Secrets extension answered ${res.statusCode} for ${secretId}: ${body.slice(0, 200)}`),
            )
          try {
            const value = (JSON.parse(body) as { SecretString?: unknown }).SecretString
            if (typeof value !== 'string' || value === '')
              return reject(new Error(`Secret ${secretId} has no SecretString.`))
            resolve(value)
          } catch {
            reject(new Error(`Secrets extension sent a body that is not JSON for ${secretId}.`))
          }
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error(`Secrets extension timed out after ${timeoutMs} ms.`)))
    req.on('error', reject)
    req.end()
  })
}

/**
 * Reads every secret whose ARN variable is set and copies its value into the
 * environment; returns the variables it set (empty locally).
 * @example await loadSecrets() // on AWS: ['SIGNING_SECRET', 'ADMIN_TOKEN']
 */
export async function loadSecrets(opts: LoadSecretsOptions = {}): Promise<string[]> {
  const env = opts.env ?? process.env
  const attempts = opts.attempts ?? 3
  const wanted = (Object.keys(SECRET_ENV) as SecretArnVariable[]).filter((v) => env[v])
  const values = await Promise.all(
    wanted.map(async (v) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await getFromExtension(env[v] as string, env, opts.timeoutMs ?? 2000)
        } catch (err) {
          if (attempt >= attempts) throw err
          await new Promise((r) => setTimeout(r, 50 * 2 ** attempt))
        }
      }
    }),
  )
  wanted.forEach((v, i) => (env[SECRET_ENV[v]] = values[i]))
  return wanted.map((v) => SECRET_ENV[v])
}

let loading: Promise<unknown> | undefined

/**
 * Wraps a Lambda handler so its first invocation loads the secrets; later ones
 * reuse them (the values do not rotate, so the cold start's read holds for the
 * sandbox's life). A failed load is not cached: the next event tries again.
 * `onFailure: 'continue'` logs and runs the handler anyway, for the redirect,
 * where a consumer must reach the product even if the click cannot be signed.
 * @example export const handler = withSecrets(handle(app))
 */
export function withSecrets<A extends unknown[], R>(
  handler: (...args: A) => Promise<R>,
  opts: { onFailure?: 'throw' | 'continue' } = {},
): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      loading ??= loadSecrets().catch((err: unknown) => {
        loading = undefined
        throw err
      })
      await loading
    } catch (err) {
      if (opts.onFailure !== 'continue') throw err
      logger.error('secrets not loaded', errorInput(err))
    }
    return handler(...args)
  }
}
