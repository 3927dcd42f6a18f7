import { Hono } from 'hono'
import { getCookie } from 'hono/cookie'
import { BRAND_COOKIE } from '../../lib/http/session-cookie'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import { AppError } from '../../lib/errors'
import { MessagePage } from '../components/MessagePage'
import { assetUrl } from '../assets'
import { distributorSession } from '../distributor-session'
import { langOf } from '../i18n/lang'
import { phoneSignInText } from '../i18n/phone-sign-in'
import { PhoneSignInPage } from '../pages/mobile/PhoneSignInPage'

export const phoneSignInPage = new Hono()

const BRAND_ID = /^b_[A-Za-z0-9_-]{1,40}$/

// GET /m/sign-in: sign in by phone number and SMS code, for the brand in `?brand=` or the one this browser last used.
phoneSignInPage.get('/m/sign-in', async (c) => {
  const lang = langOf(c)
  c.header('Cache-Control', 'no-store')
  const session = await distributorSession(c)
  if (session.kind === 'active') return c.redirect('/m', 302)
  const asked = c.req.query('brand') ?? getCookie(c, BRAND_COOKIE) ?? ''
  const brand = BRAND_ID.test(asked)
    ? await getBrandOrThrow(asked).catch((err) => {
        if (err instanceof AppError && err.code === 'not_found') return undefined
        throw err
      })
    : undefined
  if (!brand) {
    const zh = phoneSignInText('zh')
    const en = phoneSignInText('en')
    return c.html(<MessagePage title={zh.noBrandTitle} zh={zh.noBrand} en={en.noBrand} />, 404)
  }
  return c.html(
    <PhoneSignInPage brandId={brand.id} brandName={brand.name} lang={lang} script={await assetUrl('phone-sign-in')} />,
  )
})
