import { Hono, type Context } from 'hono'
import { uaClass } from '../../lib/domain/user-agent'
import { redeemSignIn } from '../../lib/services/sign-in-links'
import { rememberBrand, setSessionCookie } from '../../lib/http/session-cookie'
import { MessagePage, phoneSignInLink } from '../components/MessagePage'
import { overLimit, rateLimitedPage } from '../../lib/http/rate-limit'
import { RATE_LIMITS } from '../../lib/config/rate-limits'

export const signIn = new Hono()

const reasons = {
  unknown: { zh: '登录链接无效', en: 'This sign-in link is not valid.' },
  used: { zh: '登录链接已使用过', en: 'This sign-in link has already been used.' },
  expired: { zh: '登录链接已过期', en: 'This sign-in link has expired.' },
} as const

/**
 * Only a person's browser opening the link uses it up. A HEAD (link scanners check
 * links that way; Hono routes it to this GET handler), a prefetch or prerender, and a
 * known crawler or link preview are answered with a page and leave the link unused.
 */
const redeems = (c: Context): boolean =>
  c.req.method === 'GET' &&
  !/prefetch|prerender/i.test(`${c.req.header('sec-purpose') ?? ''} ${c.req.header('purpose') ?? ''}`) &&
  uaClass(c.req.header('user-agent')) !== 'bot'

// GET /m/sign-in/:token: use a single-use link, set the session cookie, land on the mobile page.
signIn.get('/m/sign-in/:token', async (c) => {
  if (!redeems(c)) {
    c.header('Cache-Control', 'no-store')
    return c.html(
      <MessagePage title="Ripple" zh="请在手机浏览器中打开此链接" en="Open this link in your phone's browser." />,
    )
  }
  const token = c.req.param('token')
  const result = /^[A-Za-z0-9_-]{20,64}$/.test(token)
    ? await redeemSignIn(token)
    : ({ ok: false, reason: 'unknown' } as const)
  if (!result.ok) {
    const wait = result.reason === 'unknown' ? await overLimit(c, RATE_LIMITS.signInMissesPerAddress) : undefined
    if (wait) return rateLimitedPage(c, wait)
    const r = reasons[result.reason]
    return c.html(
      <MessagePage
        title={r.zh}
        zh={`${r.zh}，请用手机号登录或向品牌方重新获取。`}
        en={`${r.en} Sign in with your phone number, or ask the brand for a new one.`}
        link={phoneSignInLink(result.reason === 'unknown' ? undefined : result.brandId)}
      />,
      result.reason === 'unknown' ? 404 : 410,
    )
  }
  setSessionCookie(c, result.session ?? '')
  rememberBrand(c, result.brandId)
  return c.redirect('/m', 302)
})
