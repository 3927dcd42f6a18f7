import { Hono } from 'hono'
import { getDistributor, getInvite } from '../../lib/db/distributors'
import { getBrand } from '../../lib/db/brands'
import { MessagePage } from '../components/MessagePage'
import { ensureDeviceCookie } from '../../lib/http/device-cookie'
import { assetUrl } from '../assets'
import { langOf } from '../i18n/lang'
import { joinText } from '../i18n/join'
import { JoinPage } from '../pages/JoinPage'

export const joinPage = new Hono()

const CODE = /^[A-Za-z0-9]{6,32}$/

// GET /m/join/:code: the invite landing; an unknown or inactive invite gets a clear 404 page.
joinPage.get('/m/join/:code', async (c) => {
  const lang = langOf(c)
  const code = c.req.param('code')
  const invite = CODE.test(code) ? await getInvite(code) : undefined
  const [inviter, brand] = invite
    ? await Promise.all([getDistributor(invite.distributorId), getBrand(invite.brandId)])
    : []
  // Same rule as POST /api/join: a suspended inviter's link no longer recruits.
  if (!inviter || !brand || inviter.brandId !== brand.id || inviter.status !== 'active') {
    const zh = joinText('zh')
    const en = joinText('en')
    return c.html(<MessagePage title={zh.notFoundTitle} zh={zh.notFound} en={en.notFound} />, 404)
  }
  // The join form's requestId is honoured again only from this browser (lib/http/routes/join.ts).
  ensureDeviceCookie(c)
  return c.html(
    <JoinPage
      code={code}
      inviterName={inviter.name}
      brandName={brand.name}
      lang={lang}
      script={await assetUrl('join')}
    />,
  )
})
