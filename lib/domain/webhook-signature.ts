import { createHmac, timingSafeEqual } from 'node:crypto'

/** Deliveries signed more than this far from now, past or future, are refused as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300

/**
 * The Ripple webhook signature: `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`.
 * @example rippleSignature('whsec_x', '1700000000', '{}') → 'sha256=…'
 */
export const rippleSignature = (secret: string, timestamp: string, rawBody: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`

/** Checks a Ripple signature and its timestamp window; says which part failed. */
export function verifyRippleSignature(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  rawBody: string,
  nowSeconds: number,
): 'ok' | 'missing' | 'stale' | 'mismatch' {
  if (!timestamp || !signature) return 'missing'
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS)
    return 'stale'
  return equal(signature, rippleSignature(secret, timestamp, rawBody)) ? 'ok' : 'mismatch'
}

/** Shopify's scheme: base64 HMAC-SHA256 of the raw body in `X-Shopify-Hmac-Sha256`. */
export const shopifySignature = (secret: string, rawBody: string): string =>
  createHmac('sha256', secret).update(rawBody, 'utf8').digest('base64')

export const verifyShopifySignature = (secret: string, header: string | undefined, rawBody: string): boolean =>
  !!header && equal(header, shopifySignature(secret, rawBody))

function equal(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
