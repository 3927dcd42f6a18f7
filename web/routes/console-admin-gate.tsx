import type { Context } from 'hono'
import { consoleClaimsOf } from '../../lib/http/console-cookie'
import { getBrandOrThrow } from '../../lib/services/get-brand-or-throw'
import type { Brand } from '../../lib/schemas/brand'
import { langOf, type Lang } from '../i18n/lang'
import { consoleAdminText, type ConsoleAdminText } from '../i18n/console-admin'
import type { ConsoleNavKey } from '../pages/console/ConsoleLayout'
import { AdminsOnly } from '../pages/console/admin/AdminsOnly'

/** What an admin page renders with: the brand, the language, its text and the link to the other language. */
export interface AdminView {
  brand: Brand
  lang: Lang
  t: ConsoleAdminText
  langSwitch: { href: string; label: string }
}

export type AdminGate = ({ ok: true } & AdminView) | { ok: false; response: Response }

/** This page's URL in the other language, keeping its other query parameters (filters, cursor). */
function otherLangHref(c: Context, lang: Lang): string {
  const url = new URL(c.req.url)
  url.searchParams.set('lang', lang === 'en' ? 'zh' : 'en')
  return `${url.pathname}?${url.searchParams.toString()}`
}

/**
 * The console's admin pages: signed-out visitors go to the sign-in form, a finance
 * key gets a 403 "admins only" page, an admin gets the brand and the page language.
 */
export async function adminGate(c: Context, current: ConsoleNavKey): Promise<AdminGate> {
  c.header('Cache-Control', 'private, no-store')
  const claims = consoleClaimsOf(c)
  if (!claims) return { ok: false, response: c.redirect('/console', 303) }
  const lang = langOf(c)
  const view: AdminView = { brand: await getBrandOrThrow(claims.b), lang, t: consoleAdminText(lang), langSwitch: { href: otherLangHref(c, lang), label: consoleAdminText(lang).switchLang } }
  if (claims.r !== 'admin') return { ok: false, response: await c.html(<AdminsOnly view={view} current={current} />, 403) }
  return { ok: true, ...view }
}
