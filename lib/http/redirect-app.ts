import { Hono } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import { customAlphabet } from 'nanoid'
import { getLink } from '../db/links'
import { findRecentClick, recordClick, type RecentClick } from '../db/clicks'
import { uaClass } from '../domain/user-agent'
import { withClickParam } from '../domain/redirect-target'
import { SAFE_ALPHABET } from '../services/create-distributor'
import { countInWindow, type WindowCount } from '../db/rate-limits'
import { RATE_LIMITS } from '../config/rate-limits'
import { clientAddress } from './client-address'
import { pageHeaders } from './security-headers'
import { messagePage, RETRY_AFTER_SECONDS } from './message-page'
import { errorInput, logger } from '../log'
import { logRequest } from './log-request'

export const VISITOR_COOKIE = 'rpl_vid'
const newVisitorId = customAlphabet(SAFE_ALPHABET, 16)
const CODE = /^[A-Za-z0-9]{6,32}$/
const VISITOR = /^[A-Za-z0-9]{16}$/

const notFoundPage = messagePage({
  title: '链接不存在 · Link not found',
  zh: '链接不存在或已失效',
  en: 'This link does not exist or has expired.',
})

const unavailablePage = messagePage({
  title: '请稍后再试 · Try again shortly',
  zh: '链接暂时打不开，请稍后刷新',
  en: 'This link cannot be opened right now; please reload in a few seconds.',
})

const logError = (msg: string, code: string, err: unknown) => logger.error(msg, { code }, errorInput(err))

const REPEATS = RATE_LIMITS.countedClicksPerAddressAndCode

/**
 * The consumer's click path, GET /s/:code: one round trip of reads and a counter
 * (the link; for a returning visitor their previous-bucket click; this address's
 * clicks on this code this minute, one UpdateItem), at most one conditional PutItem
 * for the click, then a 302 to the target with `rpl_click` appended. Past the
 * per-address count the consumer is still sent on, but no click is written: a
 * script that drops its visitor cookie is a new visitor every time, so only a count
 * keyed by address can see it, and a click item keyed by address would merge the
 * real people behind one NAT. Counters follow from the table's stream, off this
 * path. Its own app and Lambda, kept small for cold starts.
 */
export function buildRedirectApp(): Hono {
  const app = new Hono()
  // Scoped to /s/*: as `/*` it would reach every app mounted after this one.
  app.use('/s/*', pageHeaders)
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
    // Same rule for the count: a failure is logged and the click is recorded.
    const address = ua === 'bot' ? undefined : clientAddress(c)
    const repeatCount: Promise<WindowCount | undefined> = address
      ? countInWindow(REPEATS, `${code}#${address}`, now).catch((err) => {
          logError('click repeats not counted', code, err)
          return undefined
        })
      : Promise.resolve(undefined)
    // The link unreadable (DynamoDB down, slow or throttling after the SDK's retries) is null: a 503 page
    // the consumer can reload, never a 500. (lib/http/on-error.ts would bring zod into this bundle.)
    const linkRead = getLink(code).catch((err: unknown) => {
      logError('link not read', code, err)
      return null
    })
    const [link, recent, repeats] = await Promise.all([linkRead, recentRead, repeatCount])
    if (link === null) {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS))
      c.header('Cache-Control', 'no-store')
      return c.html(unavailablePage, 503)
    }
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
    // Too many clicks on this link from this address this minute: sent on, not recorded, not counted.
    if (!recent && repeats && repeats.count > REPEATS.limit) return c.redirect(link.target, 302)
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
