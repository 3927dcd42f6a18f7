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
