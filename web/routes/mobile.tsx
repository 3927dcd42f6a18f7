import { Hono } from 'hono'
import { baseUrlOf } from '../../lib/http/base-url'
import { MessagePage, phoneSignInLink } from '../components/MessagePage'
import { assetUrl } from '../assets'
import { distributorSession } from '../distributor-session'
import { langOf } from '../i18n/lang'
import { mobileText } from '../i18n/mobile'
import { loadMobileData } from '../../lib/services/mobile-home'
import { MobileHome } from '../pages/mobile/MobileHome'

export const mobile = new Hono()

// GET /m: the signed-in distributor's page; anyone else gets a page saying how to sign in.
mobile.get('/m', async (c) => {
  const lang = langOf(c)
  // Personal data: never stored by a shared cache or the WeChat webview's back cache.
  c.header('Cache-Control', 'private, no-store')
  const session = await distributorSession(c)
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
