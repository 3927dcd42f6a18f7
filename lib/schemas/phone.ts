import { z } from '@hono/zod-openapi'
import { normalisePhone } from '../domain/phone'

/**
 * A phone number as sent: E.164, or a mainland number without `+86`; parsed to E.164.
 * A number that is neither is a 422 on the field.
 */
export const PhoneInput = z
  .string()
  .max(32, 'Not a phone number.')
  .transform((s, ctx) => {
    const phone = normalisePhone(s)
    if (!phone) {
      ctx.addIssue({
        code: 'custom',
        message: 'Not a phone number: use +86 and 11 digits, or E.164 (+<country><number>).',
      })
      return z.NEVER
    }
    return phone
  })
  .openapi({
    type: 'string',
    example: '+8613800138000',
    description: 'E.164; a mainland mobile number typed without +86 (13800138000) is accepted.',
  })

const BrandId = z
  .string()
  .regex(/^b_[A-Za-z0-9_-]{1,40}$/, 'Not a brand id.')
  .openapi({ example: 'b_3kTq9xYb2mWp' })

export const PhoneCodeRequest = z.strictObject({ brandId: BrandId, phone: PhoneInput }).openapi('PhoneCodeRequest')

export const PhoneCodeVerify = z
  .strictObject({
    brandId: BrandId,
    phone: PhoneInput,
    code: z.string().regex(/^\d{6}$/, 'The code is six digits.'),
  })
  .openapi('PhoneCodeVerify')
