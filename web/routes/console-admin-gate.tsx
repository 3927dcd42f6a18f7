import type { Context } from 'hono'
import { consoleClaimsOf } from '../../lib/http/console-cookie'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import type { Brand } from '../../lib/schemas/brand'
import { langOf, langSwitchOf, type Lang, type LangSwitch } from '../i18n/lang'
import { consoleAdminText, type ConsoleAdminText } from '../i18n/console-admin'
import type { ConsoleNavKey } from '../pages/console/ConsoleLayout'
import { AdminsOnly } from '../pages/console/admin/AdminsOnly'

/** What an admin page renders with: the brand, the language, its text and the link to the other language. */
export interface AdminView {
  brand: Brand
  lang: Lang
  t: ConsoleAdminText
  langSwitch: LangSwitch
}

export type AdminGate = ({ ok: true } & AdminView) | { ok: false; response: Response }

/**
 * The console's admin pages: signed-out visitors go to the sign-in form, a finance
 * key gets a 403 "admins only" page, an admin gets the brand and the page language.
 */
export async function adminGate(c: Context, current: ConsoleNavKey): Promise<AdminGate> {
  c.header('Cache-Control', 'private, no-store')
  const claims = await consoleClaimsOf(c)
  if (!claims) return { ok: false, response: c.redirect('/console', 303) }
  const lang = langOf(c)
  const view: AdminView = {
    brand: await getBrandOrThrow(claims.b),
    lang,
    t: consoleAdminText(lang),
    langSwitch: langSwitchOf(c, lang),
  }
  if (claims.r !== 'admin')
    return { ok: false, response: await c.html(<AdminsOnly view={view} current={current} />, 403) }
  return { ok: true, ...view }
}
