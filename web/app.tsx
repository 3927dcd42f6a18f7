import { Hono } from 'hono'
import { signIn } from './routes/sign-in'
import { phoneSignInPage } from './routes/phone-sign-in'
import { mobile } from './routes/mobile'
import { joinPage } from './routes/join'
import { consolePages } from './routes/console'
import { consoleRules } from './routes/console-rules'
import { consoleFinance } from './routes/console-finance'
import { consoleProgramme } from './routes/console-programme'
import { consoleProducts } from './routes/console-products'
import { consoleDistributors } from './routes/console-distributors'
import { consoleStaff } from './routes/console-staff'
import { consoleReports } from './routes/console-reports'
import { consoleKeys } from './routes/console-keys'
import { demoShop } from './routes/demo-shop'
import { assets } from './routes/assets'
import { pageHeaders } from '../lib/http/security-headers'
import { AppError } from '../lib/errors'
import { MessagePage } from './components/MessagePage'
import { sameOriginWrites } from '../lib/http/same-origin'

/**
 * The pages: the distributor's mobile page under /m, the brand console under
 * /console, their client scripts under /assets, and the local demo shop.
 */
export function buildWebApp(): Hono {
  const web = new Hono()
  // Every page's security headers; every form post (signing in or out included) only from our own pages. The
  // check is scoped to the pages' paths: as `/*` it would also answer other apps' unknown POSTs (/webhooks/…).
  web.use('*', pageHeaders)
  for (const pages of ['/console/*', '/m/*']) web.use(pages, sameOriginWrites({ json: false, everyWrite: true }))
  for (const r of [
    phoneSignInPage,
    signIn,
    mobile,
    joinPage,
    consolePages,
    consoleRules,
    consoleFinance,
    consoleProgramme,
    consoleProducts,
    consoleStaff,
    consoleDistributors,
    consoleReports,
    consoleKeys,
    demoShop,
    assets,
  ])
    web.route('/', r)
  // A refusal a page cannot recover from (say, a deployment without PUBLIC_BASE_URL: lib/http/base-url.ts) is a
  // page with its status; anything else goes on to Hono's logged, plain 500.
  web.onError((err, c) => {
    if (!(err instanceof AppError)) throw err
    return c.html(<MessagePage title="Ripple" zh="暂时无法打开此页面，请稍后再试。" en={err.message} />, err.status)
  })
  return web
}
