import { Hono } from 'hono'
import { signIn } from './routes/sign-in'
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
import { demoShop } from './routes/demo-shop'
import { assets } from './routes/assets'

/**
 * The pages: the distributor's mobile page under /m, the brand console under
 * /console, their client scripts under /assets, and the local demo shop.
 */
export function buildWebApp(): Hono {
  const web = new Hono()
  for (const r of [
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
    demoShop,
    assets,
  ])
    web.route('/', r)
  return web
}
