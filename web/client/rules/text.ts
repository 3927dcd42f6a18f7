import type { RulesClientText } from '../../i18n/rules'
import { bodyText } from '../shared/page-lang'

/** What the script says, in the page language: the server renders it into `<body data-text>` (web/i18n/rules.ts). */
export const text = bodyText<RulesClientText>()

/**
 * A message with its {placeholders} filled; a placeholder with no value stays as written.
 * @example fill('Saved: {name} v{version}', { name: '护肤', version: 2 }) === 'Saved: 护肤 v2'
 */
export const fill = (message: string, values: Record<string, string | number>): string =>
  message.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole))
