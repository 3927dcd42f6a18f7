import { createServer, type Server, type Socket } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Hono } from 'hono'
import { FUNCTIONS, type FunctionName } from '../../cdk/config'
import { DYNAMODB_SDK } from '../../lib/db/client'
import { rippleSignature } from '../../lib/domain/webhook-signature'
import { freePort } from '../../lib/local/dynamodb-local'
import { call, newBrand, newDistributor, PHONE_UA, sessionOf } from '../support/client'
import { consoleCookieOf } from '../support/console'

interface Sample {
  name: string
  fn: FunctionName
  request: () => Request
}

let samples: Sample[] = []

// Real credentials made while the database is up: the outage, not a bad key, must be what answers.
beforeAll(async () => {
  const b = await newBrand({ defaultBps: [1000], maxLevels: 1 })
  const d = await newDistributor(b.adminKey, { name: '王芳', type: 'guide' })
  const session = await sessionOf(b.adminKey, d.id)
  const link = await call('POST', '/api/links', { token: session, body: { url: 'https://shop.example.com/p/1' } })
  expect(link.status).toBe(201)
  const order = JSON.stringify({
    orderId: 'outage-1',
    refCode: d.inviteCode,
    currency: 'CNY',
    paidAt: new Date().toISOString(),
    lines: [{ sku: 'A', qty: 1, unitPrice: '100.00' }],
  })
  const at =
    (path: string, init: RequestInit = {}) =>
    () =>
      new Request(`http://ripple.test${path}`, init)
  const html = { accept: 'text/html' }
  const consoleCookie = await consoleCookieOf(b.adminKey)
  samples = [
    {
      name: 'API, brand key',
      fn: 'api',
      request: at('/api/distributors', { headers: { authorization: `Bearer ${b.adminKey}` } }),
    },
    {
      name: 'API, distributor session',
      fn: 'api',
      request: at('/api/me/links', { headers: { authorization: `Bearer ${session}` } }),
    },
    {
      name: 'console page',
      fn: 'api',
      request: at('/console', {
        headers: { ...html, cookie: consoleCookie },
      }),
    },
    {
      name: 'mobile page',
      fn: 'api',
      request: at('/m', {
        headers: { ...html, 'user-agent': PHONE_UA, cookie: `rpl_session=${encodeURIComponent(session)}` },
      }),
    },
    {
      name: 'order webhook',
      fn: 'api',
      request: () => {
        const ts = String(Math.floor(Date.now() / 1000))
        return new Request(`http://ripple.test/webhooks/${b.brand.id}/orders`, {
          method: 'POST',
          body: order,
          headers: {
            'content-type': 'application/json',
            'x-ripple-timestamp': ts,
            'x-ripple-signature': rippleSignature(b.webhookSecret, ts, order),
          },
        })
      },
    },
    { name: 'redirect', fn: 'redirect', request: at(`/s/${link.body.code}`, { headers: { 'user-agent': PHONE_UA } }) },
  ]
})

/** The apps as a cold start would build them, with a fresh DynamoDB client pointed at `endpoint`. */
async function appsAgainst(endpoint: string): Promise<Hono> {
  vi.stubEnv('DYNAMODB_ENDPOINT', endpoint)
  // The timeout the functions run with on AWS (DynamoDB Local's default is longer: lib/db/client.ts).
  vi.stubEnv('DYNAMODB_REQUEST_TIMEOUT_MS', String(DYNAMODB_SDK.requestTimeoutMs))
  vi.resetModules()
  const { buildPlatformApp } = await import('../../lib/http/platform-app')
  return buildPlatformApp()
}

async function expectAll503(app: Hono) {
  const answers = await Promise.all(
    samples.map(async (s) => {
      const started = Date.now()
      const res = await app.request(s.request())
      return {
        name: s.name,
        fn: s.fn,
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        ms: Date.now() - started,
      }
    }),
  )
  for (const a of answers) {
    expect({ name: a.name, status: a.status }).toEqual({ name: a.name, status: 503 })
    expect(Number(a.retryAfter)).toBeGreaterThan(0)
    // Answered before the function serving it on AWS would have been cut off (a Lambda timeout is a 5xx of its own).
    expect(a.ms).toBeLessThan(FUNCTIONS[a.fn].timeoutSeconds * 1000)
  }
}

describe('a database outage', () => {
  afterAll(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })

  it('answers 503 with Retry-After on every kind of route when nothing listens on the endpoint', async () => {
    const closed = await freePort()
    await expectAll503(await appsAgainst(`http://127.0.0.1:${closed}`))
  })

  it('answers 503 with Retry-After within the timeout when the database accepts connections and never answers', async () => {
    const sockets: Socket[] = []
    const frozen: Server = createServer((s) => sockets.push(s))
    await new Promise<void>((resolve) => frozen.listen(0, '127.0.0.1', resolve))
    const port = (frozen.address() as { port: number }).port
    try {
      await expectAll503(await appsAgainst(`http://127.0.0.1:${port}`))
      expect(sockets.length).toBeGreaterThan(0)
    } finally {
      for (const s of sockets) s.destroy()
      frozen.close()
    }
  })
})
