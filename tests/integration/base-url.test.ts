import { afterEach, describe, expect, it } from 'vitest'
import { buildPlatformApp } from '../../lib/http/platform-app'
import { call, newBrand, newDistributor, sessionOf } from '../support/client'
import { expectError } from '../support/table'

const app = buildPlatformApp()
const FORGED = 'http://evil.example'

/** A request that arrived with a forged Host: the app sees it as the request's origin. */
async function forged(method: string, path: string, token: string, body?: unknown) {
  const res = await app.request(`${FORGED}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const text = await res.text()
  return { status: res.status, text, body: text.startsWith('{') ? JSON.parse(text) : text }
}

type Answer = Awaited<ReturnType<typeof forged>>

async function setup() {
  const { adminKey } = await newBrand()
  await call('POST', '/api/products', {
    token: adminKey,
    body: { sku: 'S1', name: '精华', price: '199.00', url: 'https://shop.example.com/p/1' },
  })
  const d = await newDistributor(adminKey, { name: '王芳', type: 'guide' })
  return { adminKey, d, session: await sessionOf(adminKey, d.id) }
}

/** Every URL-minting call: a sign-in link, a share link, the invite URL on /api/me, the mobile page. */
const mints = (adminKey: string, id: string, session: string) => [
  forged('POST', `/api/distributors/${id}/sign-in-links`, adminKey),
  forged('POST', '/api/links', session, { productId: 'S1' }),
  forged('GET', '/api/me', session),
]

afterEach(() => {
  delete process.env.AWS_LAMBDA_FUNCTION_NAME
  delete process.env.PUBLIC_BASE_URL
})

describe('the origin of minted URLs on AWS', () => {
  it('without PUBLIC_BASE_URL, a deployed function refuses to mint and never uses the Host', async () => {
    const { adminKey, d, session } = await setup()
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'ripple-prod-api'
    for (const r of await Promise.all(mints(adminKey, d.id, session))) {
      expectError(r, 503, 'unavailable')
      expect(r.text).not.toContain('evil.example')
    }
    const page = await app.request(`${FORGED}/m`, { headers: { cookie: `rpl_session=${encodeURIComponent(session)}` } })
    expect(page.status).toBe(503)
    expect(await page.text()).not.toContain('evil.example')
  })

  it('with PUBLIC_BASE_URL, every URL is on it whatever the Host says', async () => {
    const { adminKey, d, session } = await setup()
    process.env.AWS_LAMBDA_FUNCTION_NAME = 'ripple-prod-api'
    process.env.PUBLIC_BASE_URL = 'https://go.example.com/'
    const [signIn, link, me] = (await Promise.all(mints(adminKey, d.id, session))) as [Answer, Answer, Answer]
    expect(signIn.body.url).toMatch(/^https:\/\/go\.example\.com\/m\/sign-in\//)
    expect(link.body.shortUrl).toMatch(/^https:\/\/go\.example\.com\/s\//)
    expect(me.body.inviteUrl).toMatch(/^https:\/\/go\.example\.com\/m\/join\//)
    for (const r of [signIn, link, me]) expect(r.text).not.toContain('evil.example')
  })

  it('locally (no Lambda) links are built on the origin the request came in on', async () => {
    const { adminKey, d } = await setup()
    const r = await call('POST', `/api/distributors/${d.id}/sign-in-links`, { token: adminKey })
    expect(r.body.url).toMatch(/^http:\/\/ripple\.test\/m\/sign-in\//)
  })
})
