import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { apiKeyOf } from '../../lib/services/api-key'
import { consoleSessionFor } from '../../lib/auth/console-session'
import { clearConsoleCookie, consoleClaimsOf, setConsoleCookie } from '../../lib/http/console-cookie'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import { dashboardText } from '../i18n/dashboard'
import { consoleText } from '../i18n/console'
import { langOf, langSwitchOf } from '../i18n/lang'
import { loadDashboard } from '../reports/load-reports'
import { pickRange, todayUtc } from '../reports/report-range'
import { SignInPage } from '../pages/console/SignInPage'
import { HomePage } from '../pages/console/HomePage'
import { DashboardPage } from '../pages/console/dashboard/DashboardPage'
import { adminGate } from './console-admin-gate'
import { overLimit, rateLimitedPage } from '../../lib/http/rate-limit'
import { RATE_LIMITS } from '../../lib/config/rate-limits'

export const consolePages = new Hono()

/** The sign-in form and a finance key's home: the page language, its text and the link to the other language. */
const inPageLang = (c: Context, path?: string) => {
  const lang = langOf(c)
  return { lang, t: consoleText(lang), langSwitch: langSwitchOf(c, lang, path) }
}

// GET /console: the sign-in form; a finance key's home; an admin's dashboard for ?from&to (a range
// that is not valid shows why beside its input and the default range instead).
consolePages.get('/console', async (c) => {
  c.header('Cache-Control', 'private, no-store')
  const claims = await consoleClaimsOf(c)
  if (!claims) return c.html(<SignInPage {...inPageLang(c)} />)
  if (claims.r !== 'admin')
    return c.html(<HomePage brand={await getBrandOrThrow(claims.b)} role={claims.r} {...inPageLang(c)} />)
  const gate = await adminGate(c, 'home')
  if (!gate.ok) return gate.response
  const today = todayUtc()
  const pick = pickRange(c.req.query('from'), c.req.query('to'), today)
  const data = await loadDashboard(gate.brand.id, pick.range)
  return c.html(
    <DashboardPage
      brand={gate.brand}
      lang={gate.lang}
      t={dashboardText(gate.lang)}
      langSwitch={gate.langSwitch}
      pick={pick}
      today={today}
      data={data}
    />,
  )
})

// POST /console/sign-in: check the pasted API key by its hash, then set the signed console cookie
// (a form from another site is refused by the web app's sameOriginWrites: no login CSRF).
consolePages.post(
  '/console/sign-in',
  bodyLimit({ maxSize: 4096, onError: (c) => c.text('Too large', 413) }),
  async (c) => {
    const form = await c.req.parseBody()
    const apiKey = typeof form.apiKey === 'string' ? form.apiKey.trim() : ''
    const found = apiKey ? await apiKeyOf(apiKey) : undefined
    // A key stored before keys had ids cannot carry its id in a session: refused like an unknown key.
    const key = found?.keyId ? { ...found, keyId: found.keyId } : undefined
    const wait = key ? undefined : await overLimit(c, RATE_LIMITS.credentialFailuresPerAddress)
    if (wait) return rateLimitedPage(c, wait)
    // In the language a ?lang= visit to /console left in the cookie; the switch links to the form's page.
    if (!key) return c.html(<SignInPage {...inPageLang(c, '/console')} badKey />, 401)
    // The role is the key's, read now and carried in the signed token.
    setConsoleCookie(c, consoleSessionFor(key))
    return c.redirect('/console', 303)
  },
)

// POST /console/sign-out: forget the console session in this browser.
consolePages.post('/console/sign-out', (c) => {
  clearConsoleCookie(c)
  return c.redirect('/console', 303)
})
