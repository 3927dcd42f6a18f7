import type { Lang } from '../../i18n/lang'

/**
 * The language the server rendered the page in (`<html lang>`), so a script's
 * messages match the page's.
 */
export const pageLang = (): Lang => (document.documentElement.lang === 'en' ? 'en' : 'zh')

/** The script's messages in the page language, as the server rendered them into `<body data-text>`. */
export const bodyText = <T = Record<string, string>>(): T => JSON.parse(document.body.dataset.text ?? '{}') as T
