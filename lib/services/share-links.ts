import QRCode from 'qrcode'
import { customAlphabet } from 'nanoid'
import { createLink, getLink, getLinkCodeForTarget, type LinkRecord } from '../db/links'
import { getProduct } from '../db/products'
import { isAllowedTarget } from '../domain/redirect-target'
import { sha256 } from '../auth/secrets'
import { AppError, invalidField } from '../errors'
import type { Distributor } from '../schemas/distributor'
import type { Programme } from '../schemas/programme'
import { SAFE_ALPHABET } from './create-distributor'

/** 8 characters of a 56-letter alphabet: ~10^14 codes, URL- and WeChat-safe. */
const newLinkCode = customAlphabet(SAFE_ALPHABET, 8)

/** The QR code of a URL as an SVG string, drawn on the server. */
export const qrSvg = (url: string): Promise<string> =>
  QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })

/** A link as the API returns it: code, short URL and its QR code. */
export async function presentLink(baseUrl: string, link: LinkRecord) {
  const shortUrl = `${baseUrl}/s/${link.code}`
  return {
    code: link.code,
    shortUrl,
    qrSvg: await qrSvg(shortUrl),
    target: link.target,
    productId: link.productId,
    createdAt: link.createdAt,
  }
}

/**
 * The distributor's share link for a product or URL: the existing one when they
 * already have it, else a new code claimed with a conditional write (a collision
 * draws a new code; nothing is overwritten).
 */
export async function shareLinkFor(
  distributor: Distributor,
  programme: Programme,
  request: { productId: string } | { url: string },
): Promise<{ link: LinkRecord; created: boolean }> {
  let target: string
  let targetKey: string
  let productId: string | undefined
  if ('productId' in request) {
    const product = await getProduct(distributor.brandId, request.productId)
    if (!product?.active)
      throw invalidField('productId', { reason: 'link.no_product', params: { sku: request.productId } })
    if (!isAllowedTarget(product.url, programme.allowedDomains))
      throw invalidField('productId', { reason: 'link.product_domain' })
    target = product.url
    targetKey = `P#${product.sku}`
    productId = product.sku
  } else {
    if (!isAllowedTarget(request.url, programme.allowedDomains)) {
      throw invalidField('url', {
        reason: 'link.domain_not_allowed',
        params: { domains: programme.allowedDomains.join(', ') },
      })
    }
    target = request.url
    targetKey = `U#${sha256(request.url).slice(0, 32)}`
  }

  for (let attempt = 0; attempt < 5; attempt++) {
    const existing = await getLinkCodeForTarget(distributor.id, targetKey)
    if (existing) {
      const link = await getLink(existing)
      if (link) return { link, created: false }
    }
    const link: LinkRecord = {
      code: newLinkCode(),
      brandId: distributor.brandId,
      distributorId: distributor.id,
      ring: distributor.ring,
      type: distributor.type,
      ancestors: distributor.ancestors,
      target,
      productId,
      createdAt: new Date().toISOString(),
    }
    const result = await createLink(link, targetKey)
    if (result.created) return { link, created: true }
  }
  throw new AppError({ code: 'conflict', message: 'Could not create the link; retry.' })
}
