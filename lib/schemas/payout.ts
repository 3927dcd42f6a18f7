import { z } from '@hono/zod-openapi'

export const PayoutChannelSchema = z.enum(['bank', 'wechat', 'alipay'])
export type PayoutChannel = z.infer<typeof PayoutChannelSchema>

/**
 * Where a distributor is paid, as entered (PUT /api/me/payout) or set by the brand
 * (PATCH /api/distributors/:id `payout`): write-only. It is stored encrypted and
 * every answer shows only `PayoutMasked`.
 */
export const PayoutDetails = z
  .strictObject({
    accountName: z.string().trim().min(1).max(64).openapi({ description: 'The account holder (户名).' }),
    account: z
      .string()
      .trim()
      .min(3)
      .max(64)
      .regex(/^[A-Za-z0-9_.@+-]+$/, 'Letters, digits and _ . @ + - only.')
      .openapi({ description: 'Bank account number, or the WeChat / Alipay id.' }),
    channel: PayoutChannelSchema,
    idType: z.enum(['id_card', 'passport', 'other']).optional(),
    idNumber: z.string().trim().min(4).max(32).optional(),
  })
  .openapi('PayoutDetails')
export type PayoutDetails = z.infer<typeof PayoutDetails>

/** What any answer or page shows of the payout details: the channel, the holder's first character, the account's last 4. */
export const PayoutMasked = z
  .object({
    channel: PayoutChannelSchema,
    accountName: z.string().openapi({ example: '王*' }),
    account: z.string().openapi({ example: '****6789' }),
    hasId: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('PayoutMasked')
export type PayoutMasked = z.infer<typeof PayoutMasked>
