import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  rippleSignature,
  shopifySignature,
  verifyRippleSignature,
  verifyShopifySignature,
  WEBHOOK_TOLERANCE_SECONDS,
} from '../../../lib/domain/webhook-signature'

const NOW = 1_800_000_000

describe('verifyRippleSignature', () => {
  it('accepts its own signature inside the window and says which part failed otherwise', () => {
    const body = '{"orderId":"o1"}'
    const ts = String(NOW - 10)
    const sig = rippleSignature('whsec_a', ts, body)
    expect(verifyRippleSignature('whsec_a', ts, sig, body, NOW)).toBe('ok')
    expect(verifyRippleSignature('whsec_a', undefined, sig, body, NOW)).toBe('missing')
    expect(verifyRippleSignature('whsec_a', ts, undefined, body, NOW)).toBe('missing')
    expect(verifyRippleSignature('whsec_a', ts, sig, `${body} `, NOW)).toBe('mismatch')
    expect(verifyRippleSignature('whsec_b', ts, sig, body, NOW)).toBe('mismatch')
    for (const bad of ['abc', '1.8e9', '-5', ' 1800000000', '1800000000000000'])
      expect(verifyRippleSignature('whsec_a', bad, rippleSignature('whsec_a', bad, body), body, NOW)).toBe('stale')
    const edge = String(NOW - WEBHOOK_TOLERANCE_SECONDS)
    expect(verifyRippleSignature('whsec_a', edge, rippleSignature('whsec_a', edge, body), body, NOW)).toBe('ok')
    const past = String(NOW - WEBHOOK_TOLERANCE_SECONDS - 1)
    expect(verifyRippleSignature('whsec_a', past, rippleSignature('whsec_a', past, body), body, NOW)).toBe('stale')
  })

  it('never accepts a body, timestamp or secret other than the one signed (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.integer({ min: -WEBHOOK_TOLERANCE_SECONDS, max: WEBHOOK_TOLERANCE_SECONDS }),
        fc.string({ minLength: 1 }),
        (body, other, skew, secret) => {
          const ts = String(NOW + skew)
          const sig = rippleSignature(secret, ts, body)
          expect(verifyRippleSignature(secret, ts, sig, body, NOW)).toBe('ok')
          if (other !== body) expect(verifyRippleSignature(secret, ts, sig, other, NOW)).toBe('mismatch')
          expect(verifyRippleSignature(`${secret}x`, ts, sig, body, NOW)).toBe('mismatch')
        },
      ),
    )
  })
})

describe('verifyShopifySignature', () => {
  it('checks the base64 HMAC of the raw body', () => {
    const body = '{"id":820982911946154508}'
    expect(verifyShopifySignature('shpss', shopifySignature('shpss', body), body)).toBe(true)
    expect(verifyShopifySignature('shpss', undefined, body)).toBe(false)
    expect(verifyShopifySignature('shpss', '', body)).toBe(false)
    expect(verifyShopifySignature('other', shopifySignature('shpss', body), body)).toBe(false)
    expect(verifyShopifySignature('shpss', shopifySignature('shpss', body), body.replace('508', '500'))).toBe(false)
  })
})
