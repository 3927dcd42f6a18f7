import { describe, expect, it } from 'vitest'
import { z } from '@hono/zod-openapi'
import { AppError, fieldIssuesFromZod, fieldsFromZod, invalidField } from '../../../lib/errors'
import {
  formatMessage,
  langOfAcceptLanguage,
  MESSAGES,
  PLACEHOLDER,
  type MessageCode,
} from '../../../lib/i18n/messages'
import { RuleBody } from '../../../lib/schemas/rule'

const placeholders = (template: string): string[] => [...template.matchAll(PLACEHOLDER)].map((m) => m[0]).sort()
const HAN = /\p{Script=Han}/u

describe('the message catalogue', () => {
  it('has the same codes in Chinese and English', () => {
    expect(Object.keys(MESSAGES.zh).sort()).toEqual(Object.keys(MESSAGES.en).sort())
  })

  it('has the same placeholders in both languages, and every Chinese text is Chinese', () => {
    for (const code of Object.keys(MESSAGES.en) as MessageCode[]) {
      expect(placeholders(MESSAGES.zh[code]), code).toEqual(placeholders(MESSAGES.en[code]))
      expect(MESSAGES.zh[code], code).toMatch(HAN)
      expect(MESSAGES.en[code], code).not.toMatch(HAN)
    }
  })

  it('fills parameters and words value kinds and statuses in each language', () => {
    expect(formatMessage('bps.too_big', { maximum: 10000 }, 'en')).toBe('At most 10000 bps (100%).')
    expect(formatMessage('bps.too_big', { maximum: 10000 }, 'zh')).toBe('最多 10000 个基点（100%）。')
    expect(formatMessage('field.invalid_type', { expected: 'number' }, 'zh')).toBe('应为数字。')
    expect(formatMessage('handover.successor_inactive', { status: 'suspended' }, 'zh')).toBe(
      '接手人须为正常状态（当前为已暂停）。',
    )
    expect(formatMessage('settlement.period_not_ended', {}, 'zh')).toBe('结算期结束后才能结算。')
  })

  it('reads Accept-Language, English by default', () => {
    expect(langOfAcceptLanguage(undefined)).toBe('en')
    expect(langOfAcceptLanguage('zh-CN')).toBe('zh')
    expect(langOfAcceptLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh')
    expect(langOfAcceptLanguage('en-US,zh;q=0.5')).toBe('en')
    expect(langOfAcceptLanguage('fr')).toBe('en')
  })
})

describe('errors carry codes and parameters', () => {
  it('maps zod issues to codes with their limits', () => {
    const parsed = RuleBody.safeParse({ name: '', scope: 'product', levels: [{ bps: 10001 }], extra: 1 })
    expect(parsed.success).toBe(false)
    if (parsed.success) return
    const issues = fieldIssuesFromZod(parsed.error)
    expect(issues['levels.0.bps']).toEqual({ reason: 'bps.too_big', params: { maximum: 10000 } })
    expect(issues.name).toEqual({ reason: 'field.required' })
    expect(issues.extra).toEqual({ reason: 'field.unknown' })
    expect(fieldsFromZod(parsed.error, 'zh')['levels.0.bps']).toBe('最多 10000 个基点（100%）。')
    expect(fieldsFromZod(parsed.error)['levels.0.bps']).toBe('At most 10000 bps (100%).')
  })

  it('words kinds and string, array limits', () => {
    const schema = z.strictObject({ n: z.number(), s: z.string().max(3), a: z.array(z.number()).min(2) })
    const parsed = schema.safeParse({ n: 'x', s: 'abcd', a: [] })
    if (parsed.success) throw new Error('parsed')
    expect(fieldIssuesFromZod(parsed.error)).toEqual({
      n: { reason: 'field.invalid_type', params: { expected: 'number' } },
      s: { reason: 'string.too_big', params: { maximum: 3 } },
      a: { reason: 'array.too_small', params: { minimum: 2 } },
    })
    expect(fieldsFromZod(parsed.error, 'zh')).toEqual({ n: '应为数字。', s: '最多 3 个字符。', a: '至少 2 项。' })
  })

  it('words an AppError in either language, keeping an older English text', () => {
    const e = invalidField('successorId', { reason: 'handover.same_person' })
    expect(e.message).toBe('The successor must be someone else.')
    expect(e.messageIn('zh')).toBe('接手人须是另一个人。')
    const legacy = new AppError({ code: 'not_found', message: 'Order o1 not found.' })
    expect(legacy.reason).toBe('error.not_found')
    expect(legacy.messageIn('en')).toBe('Order o1 not found.')
    expect(legacy.messageIn('zh')).toBe('未找到。')
  })
})
