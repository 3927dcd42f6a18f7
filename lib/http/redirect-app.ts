import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { customAlphabet } from 'nanoid'
import { getLink } from '../db/links'
import { recordClick } from '../db/clicks'
import { uaClass } from '../domain/user-agent'
import { withClickParam } from '../domain/redirect-target'
import { SAFE_ALPHABET } from '../services/create-distributor'

export const VISITOR_COOKIE = 'rpl_vid'
const newId = customAlphabet(SAFE_ALPHABET, 16)
const CODE = /^[A-Za-z0-9]{6,32}$/

const notFoundPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>链接不存在 · Link not found</title><body style="font-family:system-ui,sans-serif;max-width:28rem;margin:20vh auto;padding:0 1rem;text-align:center;color:#333"><h1 style="font-size:1.3rem">链接不存在或已失效</h1><p>This link does not exist or has expired.</p></body></html>`

/**
 * The consumer's click path, GET /s/:code: one GetItem for the link, one
 * TransactWriteItems for the click and its counters, then a 302 to the target
 * with `rpl_click` appended. Its own app and Lambda, kept small for cold starts.
 */
export function buildRedirectApp(): Hono {
  const app = new Hono()
  // GET /s/:code: count the click and send the consumer on to the product.
  app.get('/s/:code', async (c) => {
    const code = c.req.param('code')
    const link = CODE.test(code) ? await getLink(code) : undefined
    if (!link) return c.html(notFoundPage, 404)

    const ua = uaClass(c.req.header('user-agent'))
    // Crawlers and link previews are sent on but not counted and not written.
    if (ua === 'bot') return c.redirect(link.target, 302)

    let visitorId = getCookie(c, VISITOR_COOKIE)
    if (!visitorId || !/^[A-Za-z0-9]{16}$/.test(visitorId)) {
      visitorId = newId()
      setCookie(c, VISITOR_COOKIE, visitorId, { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 365 * 86_400, secure: new URL(c.req.url).protocol === 'https:' })
    }
    c.header('Cache-Control', 'no-store')
    try {
      const { clickId } = await recordClick(
        { clickId: `c_${newId()}`, code: link.code, brandId: link.brandId, distributorId: link.distributorId, visitorId, uaClass: ua, at: new Date().toISOString() },
        link,
      )
      return c.redirect(withClickParam(link.target, clickId), 302)
    } catch (err) {
      // A consumer is never stopped by bookkeeping: log, and redirect without a click id.
      console.error(JSON.stringify({ level: 'error', msg: 'click not recorded', code, error: String(err) }))
      return c.redirect(link.target, 302)
    }
  })
  return app
}
