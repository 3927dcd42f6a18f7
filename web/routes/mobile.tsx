import { Hono } from 'hono'
import { deleteCookie } from 'hono/cookie'
import { baseUrlOf } from '../../lib/http/base-url'
import { SESSION_COOKIE } from '../../lib/http/auth'
import { MessagePage, phoneSignInLink } from '../components/MessagePage'
import { assetUrl } from '../assets'
import { distributorSession } from '../distributor-session'
import { langOf } from '../i18n/lang'
import { mobileText } from '../i18n/mobile'
import { loadMobileData } from '../../lib/services/mobile-home'
import { loadLeaverData } from '../../lib/services/leaver-home'
import { MobileHome } from '../pages/mobile/MobileHome'
import { LeaverPage } from '../pages/mobile/LeaverPage'

export const mobile = new Hono()

// GET /m: the signed-in distributor's page; a leaver sees what is still owed; anyone else how to sign in.
mobile.get('/m', async (c) => {
  const lang = langOf(c)
  // Personal data: never stored by a shared cache or the WeChat webview's back cache.
  c.header('Cache-Control', 'private, no-store')
  const session = await distributorSession(c)
  if (session.kind === 'suspended' && session.distributor.status === 'left')
    return c.html(<LeaverPage data={await loadLeaverData(session.distributor)} lang={lang} />)
  if (session.kind !== 'active') {
    const zh = mobileText('zh')
    const en = mobileText('en')
    const signedOut = session.kind === 'signed-out'
    return c.html(
      <MessagePage
        title={signedOut ? zh.signedOutTitle : zh.suspendedTitle}
        zh={signedOut ? zh.signedOut : zh.suspended}
        en={signedOut ? en.signedOut : en.suspended}
        link={signedOut ? phoneSignInLink() : undefined}
      />,
      signedOut ? 401 : 403,
    )
  }
  const [data, script] = await Promise.all([loadMobileData(baseUrlOf(c), session.distributor), assetUrl('mobile')])
  return c.html(<MobileHome data={data} lang={lang} script={script} />)
})

// POST /m/sign-out: forget the distributor session on this phone.
mobile.post('/m/sign-out', (c) => {
  const secure = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
  const zh = mobileText('zh')
  const en = mobileText('en')
  return c.html(<MessagePage title={zh.signedOutTitle} zh={zh.signedOutDone} en={en.signedOutDone} />)
})
