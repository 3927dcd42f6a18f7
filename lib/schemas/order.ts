import { z } from '@hono/zod-openapi'
import { Money, PaidAt, type MoneyInput } from './common'
import { isCurrency, MAX_MONEY, MAX_QTY, minorUnits } from '../domain/money'
import { Sku } from './product'

const Code = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'format.id')

export const OrderLine = z.strictObject({
  sku: Sku,
  qty: z.number().int().min(1).max(100_000),
  unitPrice: Money,
  discount: Money.optional().openapi({ description: 'Discount on the whole line, minor units.' }),
  category: z.string().trim().min(1).max(64).optional(),
  externalLineIds: z
    .array(z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'format.tag'))
    .min(1)
    .max(100)
    .optional()
    .openapi({
      description:
        "The sender's own ids of the lines merged into this one (Shopify's line item ids), so a refund naming one finds it.",
    }),
})
export type OrderLine = z.infer<typeof OrderLine>

export const OrderBody = z
  .strictObject({
    orderId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'format.order_id'),
    customerId: z.string().trim().min(1).max(128).optional(),
    clickId: Code.optional(),
    refCode: Code.optional(),
    currency: z.string().refine(isCurrency, 'format.currency'),
    paidAt: PaidAt,
    lines: z.array(OrderLine).min(1, 'order.no_lines').max(200),
  })
  .transform((o, ctx) => {
    // Decimal strings become minor units by the order's own currency, exactly.
    const money = (v: MoneyInput, path: Array<string | number>) => {
      const minor = minorUnits(v, o.currency)
      if (minor === null)
        ctx.addIssue({ code: 'custom', path, message: 'money.not_amount', params: { currency: o.currency } })
      else if (minor > MAX_MONEY)
        ctx.addIssue({ code: 'custom', path, message: 'money.at_most', params: { maximum: MAX_MONEY } })
      return minor ?? 0
    }
    let total = 0
    const skus = new Set<string>()
    const lines = o.lines.map((l, i) => {
      const unitPrice = money(l.unitPrice, ['lines', i, 'unitPrice'])
      const discount = l.discount === undefined ? undefined : money(l.discount, ['lines', i, 'discount'])
      if ((discount ?? 0) > unitPrice * l.qty)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'discount'],
          message: 'order.discount_over_line',
        })
      if (skus.has(l.sku))
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'sku'],
          message: 'order.sku_repeated',
        })
      skus.add(l.sku)
      // A line's base and the order's total stay within MAX_MONEY, so every sum of them is exact.
      const base = unitPrice * l.qty - (discount ?? 0)
      if (base > MAX_MONEY)
        ctx.addIssue({
          code: 'custom',
          path: ['lines', i, 'qty'],
          message: 'order.line_over_max',
          params: { maximum: MAX_MONEY },
        })
      total += base
      return { ...l, unitPrice, discount }
    })
    if (total > MAX_MONEY)
      ctx.addIssue({ code: 'custom', path: ['lines'], message: 'order.total_over_max', params: { maximum: MAX_MONEY } })
    return { ...o, lines }
  })
  .openapi('OrderInput')
export type OrderBody = z.infer<typeof OrderBody>

export const RefundBody = z
  .union([
    z.strictObject({
      refundId: Code,
      lines: z
        .array(z.strictObject({ sku: Sku, qty: z.number().int().min(1).max(MAX_QTY) }))
        .min(1)
        .max(200),
    }),
    z.strictObject({
      refundId: Code,
      amount: Money.refine((v) => v !== 0 && !/^0+(\.0*)?$/.test(String(v)), 'money.not_positive'),
    }),
  ])
  .openapi('RefundInput')
export type RefundBody = z.infer<typeof RefundBody>
