import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getApiKey } from '../../lib/db/brands'
import { listDistributors } from '../../lib/db/distributors'
import { sha256 } from '../../lib/auth/secrets'
import { consoleSessionFor } from '../../lib/auth/console-session'
import { clearConsoleCookie, consoleClaimsOf, setConsoleCookie } from '../../lib/http/console-cookie'
import { AppError } from '../../lib/http/errors'
import { baseUrlOf } from '../../lib/http/base-url'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import { assetUrl } from '../assets'
import { SignInPage } from '../pages/console/SignInPage'
import { HomePage, type DistributorPage } from '../pages/console/HomePage'

export const consolePages = new Hono()

const PAGE_SIZE = 25

/**
 * A form post from another site must not sign this browser in (login CSRF): the
 * Origin must be ours, either as the request arrived or as PUBLIC_BASE_URL names it.
 */
const sameOrigin = (c: Context) => {
  const origin = c.req.header('origin')
  return !origin || origin === new URL(c.req.url).origin || origin === baseUrlOf(c)
}

// GET /console: the sign-in form, or the brand's home when the console cookie is valid.
consolePages.get('/console', async (c) => {
  c.header('Cache-Control', 'private, no-store')
  const claims = consoleClaimsOf(c)
  if (!claims) return c.html(<SignInPage />)
  const brand = await getBrandOrThrow(claims.b)
  let distributors: DistributorPage | undefined
  if (claims.r === 'admin') {
    const cursor = c.req.query('cursor') || undefined
    try {
      distributors = { ...(await listDistributors(brand.id, { cursor, limit: PAGE_SIZE })), firstPage: !cursor }
    } catch (err) {
      // A stale or edited cursor: say so and show the first page rather than an error page.
      if (!(err instanceof AppError) || err.code !== 'invalid_input') throw err
      distributors = { ...(await listDistributors(brand.id, { limit: PAGE_SIZE })), firstPage: true, error: '分页参数无效，已回到第一页。The page cursor was not valid; showing the first page.' }
    }
  }
  return c.html(<HomePage brand={brand} role={claims.r} distributors={distributors} script={await assetUrl('console')} />)
})

// POST /console/sign-in: check the pasted API key by its hash, then set the signed console cookie.
consolePages.post('/console/sign-in', bodyLimit({ maxSize: 4096, onError: (c) => c.text('Too large', 413) }), async (c) => {
  if (!sameOrigin(c)) return c.text('Cross-site sign-in refused.', 403)
  const form = await c.req.parseBody()
  const apiKey = typeof form.apiKey === 'string' ? form.apiKey.trim() : ''
  const key = apiKey ? await getApiKey(sha256(apiKey)) : undefined
  if (!key) return c.html(<SignInPage error="密钥无效。That API key is not valid." />, 401)
  // The role is the key's, read now and carried in the signed token.
  setConsoleCookie(c, consoleSessionFor(key.brandId, key.role))
  return c.redirect('/console', 303)
})

// POST /console/sign-out: forget the console session in this browser.
consolePages.post('/console/sign-out', (c) => {
  clearConsoleCookie(c)
  return c.redirect('/console', 303)
})
