import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { customAlphabet } from 'nanoid'
import { getLink } from '../db/links'
import { findRecentClick, recordClick, type RecentClick } from '../db/clicks'
import { uaClass } from '../domain/user-agent'
import { withClickParam } from '../domain/redirect-target'
import { SAFE_ALPHABET } from '../services/create-distributor'
import { errorInput, logger } from '../log'
import { logRequest } from './log-request'

export const VISITOR_COOKIE = 'rpl_vid'
const newVisitorId = customAlphabet(SAFE_ALPHABET, 16)
const CODE = /^[A-Za-z0-9]{6,32}$/
const VISITOR = /^[A-Za-z0-9]{16}$/

const notFoundPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>链接不存在 · Link not found</title><body style="font-family:system-ui,sans-serif;max-width:28rem;margin:20vh auto;padding:0 1rem;text-align:center;color:#333"><h1 style="font-size:1.3rem">链接不存在或已失效</h1><p>This link does not exist or has expired.</p></body></html>`

const logError = (msg: string, code: string, err: unknown) => logger.error(msg, { code }, errorInput(err))

/**
 * The consumer's click path, GET /s/:code: one read round trip (the link, and for
 * a returning visitor their previous-bucket click, in parallel), at most one
 * conditional PutItem for the click, then a 302 to the target with `rpl_click`
 * appended. Counters follow from the table's stream, off this path. Its own app
 * and Lambda, kept small for cold starts.
 */
export function buildRedirectApp(): Hono {
  const app = new Hono()
  app.use('/s/*', logRequest)
  // GET /s/:code: record the click and send the consumer on to the product.
  app.get('/s/:code', async (c) => {
    const code = c.req.param('code')
    if (!CODE.test(code)) return c.html(notFoundPage, 404)
    const now = Date.now()
    const ua = uaClass(c.req.header('user-agent'))
    const cookie = getCookie(c, VISITOR_COOKIE)
    const returning = cookie && VISITOR.test(cookie) ? cookie : undefined
    // Bots are never recorded, so they need no dedupe read; a failed dedupe read is
    // logged and treated as "none": the click is still recorded and attributed.
    const recentRead: Promise<RecentClick | undefined> =
      returning && ua !== 'bot'
        ? findRecentClick(code, returning, now).catch((err) => {
            logError('recent click not read', code, err)
            return undefined
          })
        : Promise.resolve(undefined)
    const [link, recent] = await Promise.all([getLink(code), recentRead])
    if (!link) return c.html(notFoundPage, 404)
    // Crawlers and link previews are sent on but not counted and not written.
    if (ua === 'bot') return c.redirect(link.target, 302)

    let visitorId = returning
    if (!visitorId) {
      visitorId = newVisitorId()
      setCookie(c, VISITOR_COOKIE, visitorId, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        maxAge: 365 * 86_400,
        secure: new URL(c.req.url).protocol === 'https:',
      })
    }
    c.header('Cache-Control', 'no-store')
    try {
      const { clickId } = await recordClick({ code: link.code, visitorId, uaClass: ua }, link, { now, recent })
      return c.redirect(withClickParam(link.target, clickId), 302)
    } catch (err) {
      // A consumer is never stopped by bookkeeping: log, and redirect without a click id.
      logError('click not recorded', code, err)
      return c.redirect(link.target, 302)
    }
  })
  return app
}
