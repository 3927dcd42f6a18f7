import { Hono } from 'hono'
import { activeInvite } from '../../lib/services/active-invite'
import { MessagePage } from '../components/MessagePage'
import { ensureDeviceCookie } from '../../lib/http/device-cookie'
import { assetUrl } from '../assets'
import { langOf } from '../i18n/lang'
import { joinText } from '../i18n/join'
import { JoinPage } from '../pages/JoinPage'
import { overLimit, rateLimitedPage } from '../../lib/http/rate-limit'
import { RATE_LIMITS } from '../../lib/config/rate-limits'

export const joinPage = new Hono()

const CODE = /^[A-Za-z0-9]{6,32}$/

// GET /m/join/:code: the invite landing; an unknown or inactive invite gets a clear 404 page.
joinPage.get('/m/join/:code', async (c) => {
  const wait = await overLimit(c, RATE_LIMITS.inviteLookupsPerAddress)
  if (wait) return rateLimitedPage(c, wait)
  const lang = langOf(c)
  const code = c.req.param('code')
  // Same rule as POST /api/join: a suspended inviter's link no longer recruits.
  const invite = CODE.test(code) ? await activeInvite(code) : undefined
  if (!invite) {
    const zh = joinText('zh')
    const en = joinText('en')
    return c.html(<MessagePage title={zh.notFoundTitle} zh={zh.notFound} en={en.notFound} />, 404)
  }
  // The join form's requestId is honoured again only from this browser (lib/http/routes/join.ts).
  ensureDeviceCookie(c)
  return c.html(
    <JoinPage
      code={code}
      inviterName={invite.inviter.name}
      brandName={invite.brand.name}
      lang={lang}
      script={await assetUrl('join')}
    />,
  )
})
