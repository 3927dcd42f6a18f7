import { z } from '@hono/zod-openapi'
import { MAX_MONEY } from '../domain/money'

/** Ids and codes in paths: short, URL-safe, nothing that could reach a key builder unescaped. */
export const IdParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'format.id')

/** A cursor returned by a previous page; opaque to the client. */
export const Cursor = z.string().max(2048).optional().openapi({ description: 'Opaque cursor from the previous page.' })

export const Limit = z.coerce.number().int().min(1).max(100).default(50)

export const PageQuery = z.object({ cursor: Cursor, limit: Limit })

/**
 * Money as sent: minor units (an integer such as 1999) or a decimal string in
 * major units ("19.99"). The string is converted exactly by the currency's own
 * exponent (CNY 2, JPY 0) where the currency is known: see `minorUnits`. Strings
 * carry at most two decimals; three-decimal currencies (BHD, KWD) send minor units. Either is at most
 * `MAX_MONEY` minor units once converted (`minorOrThrow`, the order's own check).
 */
export const Money = z
  .union([
    z.number().int().min(0).max(MAX_MONEY, 'money.at_most'),
    z.string().regex(/^\d{1,15}(\.\d{1,2})?$/, 'format.money'),
  ])
  .openapi({
    description:
      'Minor units (e.g. 1999 fen), or a decimal string in major units ("19.99") read exactly by the currency\'s exponent.',
  })
export type MoneyInput = z.infer<typeof Money>

export const Timestamp = z.iso.datetime({ offset: true })

/** True for `YYYY-MM-DD` naming a real calendar day (2026-02-30 is not one). */
export const isCalendarDay = (d: string): boolean => {
  const t = Date.parse(`${d.slice(0, 10)}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d.slice(0, 10))
}

/** The earliest `paidAt` accepted; the latest is a day ahead of now (clocks differ, never years). */
export const EARLIEST_PAID_AT = '2000-01-01T00:00:00.000Z'

/**
 * When an order was paid: an ISO time with offset, on a calendar day, from 2000 to one day ahead of now, stored
 * as UTC with `Z` (`+08:00` converted), since ledger and index sort keys compare these strings.
 */
export const PaidAt = Timestamp.refine((t) => isCalendarDay(t.slice(0, 10)), 'date.not_calendar_day')
  .refine((t) => {
    const at = Date.parse(t)
    return at >= Date.parse(EARLIEST_PAID_AT) && at <= Date.now() + 86_400_000
  }, 'date.paid_at_range')
  .transform((t) => new Date(t).toISOString())

/** A dotted IPv4 literal with each octet 0-255 and no leading zeros (127.0.0.1, 192.168.1.20). */
const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

/**
 * A hostname such as `shop.example.com` (no scheme or path), with an optional port
 * (`shop.example.com:8443`; without one, only the scheme's default port is allowed,
 * `isAllowedTarget`). `localhost` and IPv4 literals are accepted too, so a local demo
 * or a test on 127.0.0.1 can share links.
 */
export const Hostname = z
  .string()
  .toLowerCase()
  .refine((entry) => {
    const [, h = '', port] = /^(.*?)(?::(\d{1,5}))?$/.exec(entry) ?? []
    if (port !== undefined && !(Number(port) >= 1 && Number(port) <= 65535 && !port.startsWith('0'))) return false
    return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$/.test(h) || IPV4.test(h)
  }, 'format.hostname')
