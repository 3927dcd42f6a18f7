import { formatMessage, isMessageCode, type Lang, type MessageParams } from '../../../lib/i18n/messages'
import { pageLang } from './page-lang'

/** An API error body as lib/http/on-error.ts answers it. */
export interface ApiError {
  code: string
  message: string
  reason?: string
  params?: MessageParams
  fields?: Record<string, string>
  fieldReasons?: Record<string, { reason: string; params?: MessageParams }>
}

/**
 * The error worded in the page language from its codes and parameters (the shared catalogue,
 * lib/i18n/messages.ts), so a Chinese page never shows the API's English. An English page keeps the
 * API's own text where the catalogue knows only the generic `error.<code>` wording.
 * @example localizeError({ code: 'invalid_input', message: '…', fieldReasons: { n: { reason: 'number.too_big', params: { maximum: 10 } } } }, 'zh')
 *   // → fields: { n: '最多 10。' }
 */
export function localizeError<E extends ApiError | undefined>(error: E, lang: Lang = pageLang()): E {
  if (!error) return error
  const word = (reason: string | undefined, params: MessageParams | undefined, given: string | undefined) =>
    isMessageCode(reason) && !(lang === 'en' && given && reason.startsWith('error.'))
      ? formatMessage(reason, params, lang)
      : (given ?? '')
  const fields = error.fieldReasons
    ? Object.fromEntries(
        Object.entries(error.fieldReasons).map(([path, f]) => [
          path,
          lang === 'en' && error.fields?.[path] ? error.fields[path] : word(f.reason, f.params, error.fields?.[path]),
        ]),
      )
    : error.fields
  return { ...error, message: word(error.reason, error.params, error.message), ...(fields ? { fields } : {}) }
}

/** Headers that ask the API for the page language too (for anything the client does not word itself). */
export const langHeaders = (): Record<string, string> => ({
  'accept-language': pageLang() === 'en' ? 'en' : 'zh-CN',
})
