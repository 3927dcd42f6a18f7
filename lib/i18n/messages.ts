import { en, enKinds, enScopes, enStatuses, type MessageCode } from './messages/en'
import { zh, zhKinds, zhScopes, zhStatuses } from './messages/zh'

export type { MessageCode } from './messages/en'

/** The two languages Ripple speaks: pages, API messages and exports. */
export type Lang = 'zh' | 'en'

/** A message's parameters: limits, field names, value kinds, ids. */
export type MessageParams = Record<string, string | number>

/** A message by code, as the API sends it beside its text and pages word it. */
export interface MessageRef {
  reason: MessageCode
  params?: MessageParams
}

/** Both dictionaries, exported for the completeness test and the code table. */
export const MESSAGES: Record<Lang, Record<MessageCode, string>> = { en, zh }

/** Named values that read differently in each language (`{expected:kind}`, `{status:status}`). */
const VOCABULARY: Record<Lang, Record<string, Record<string, string>>> = {
  en: { kind: enKinds, status: enStatuses, scope: enScopes },
  zh: { kind: zhKinds, status: zhStatuses, scope: zhScopes },
}

/** True when `code` names a message of the catalogue. */
export const isMessageCode = (code: unknown): code is MessageCode => typeof code === 'string' && Object.hasOwn(en, code)

/** `{name}` and `{name:vocabulary}` placeholders of a template. */
export const PLACEHOLDER = /\{(\w+)(?::(\w+))?\}/g

/**
 * A message in a language, its placeholders filled from `params` (a missing one stays visible as `{name}`).
 * @example formatMessage('bps.too_big', { maximum: 10000 }, 'zh') === '最多 10000 个基点（100%）。'
 * @example formatMessage('field.invalid_type', { expected: 'number' }, 'en') === 'Expected a number.'
 */
export function formatMessage(code: MessageCode, params: MessageParams = {}, lang: Lang = 'en'): string {
  return MESSAGES[lang][code].replace(PLACEHOLDER, (whole, name: string, vocabulary?: string) => {
    const value = params[name]
    if (value === undefined) return whole
    const text = String(value)
    return vocabulary ? (VOCABULARY[lang][vocabulary]?.[text] ?? text) : text
  })
}

/**
 * The language an API caller asks for in `Accept-Language`: Chinese when a `zh` tag ranks above any
 * `en` tag, else English (the API's default).
 * @example langOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8') === 'zh'
 */
export function langOfAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'en'
  let best: { lang: Lang; q: number } | undefined
  for (const part of header.split(',')) {
    const [tag = '', ...rest] = part.trim().toLowerCase().split(';')
    const q = Number(
      rest
        .find((r) => r.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? '1',
    )
    const lang = tag.startsWith('zh') ? 'zh' : tag.startsWith('en') ? 'en' : undefined
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q }
  }
  return best?.lang ?? 'en'
}
