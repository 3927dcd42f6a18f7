import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'

export type Lang = 'zh' | 'en'
export const LANG_COOKIE = 'rpl_lang'

/**
 * The page language: `?lang=en|zh` (remembered for a year in `rpl_lang`), else
 * the cookie, else zh-CN, the product's default whatever the browser says.
 */
export function langOf(c: Context): Lang {
  const asked = c.req.query('lang')
  if (asked === 'zh' || asked === 'en') {
    setCookie(c, LANG_COOKIE, asked, { path: '/', maxAge: 365 * 86_400, sameSite: 'Lax' })
    return asked
  }
  return getCookie(c, LANG_COOKIE) === 'en' ? 'en' : 'zh'
}

/** The `<html lang>` value for a language. */
export const htmlLang = (lang: Lang): string => (lang === 'en' ? 'en' : 'zh-CN')

/** The link to the page in the other language, named in that language. */
export interface LangSwitch {
  href: string
  label: string
}

/**
 * This page's URL in the other language, keeping its other query parameters (filters,
 * cursor). A form's target is not a page to link to: `path` names the page instead.
 * @example langSwitchOf(c, 'zh') // on /console/distributors?q=王 → { href: '/console/distributors?q=王&lang=en', label: 'English' }
 */
export function langSwitchOf(c: Context, lang: Lang, path?: string): LangSwitch {
  const url = new URL(c.req.url)
  const query = path ? new URLSearchParams() : url.searchParams
  query.set('lang', lang === 'en' ? 'zh' : 'en')
  return { href: `${path ?? url.pathname}?${query.toString()}`, label: lang === 'en' ? '中文' : 'English' }
}
