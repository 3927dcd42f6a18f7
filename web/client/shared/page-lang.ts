import type { Lang } from '../../i18n/lang'

/**
 * The language the server rendered the page in (`<html lang>`), so a script's
 * messages match the page's.
 */
export const pageLang = (): Lang => (document.documentElement.lang === 'en' ? 'en' : 'zh')
