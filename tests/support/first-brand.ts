import { randomBytes } from 'node:crypto'
import { call, newBrand, newDistributor, sessionOf } from './client'

/**
 * A brand with one of everything the API's paths name (distributors, a product, a link,
 * a campaign, a rule, an order with commissions, a settlement batch, a spare API key),
 * every free-text field carrying `marker` (or `shown`, what an invite shows), so a matrix can see its data leak.
 */
export async function seedFirstBrand() {
  const marker = `MARK${randomBytes(6).toString('hex')}`
  // What an invite code shows its holder by design (the inviter's name and store): a second marker.
  const shown = `SHOWN${randomBytes(6).toString('hex')}`
  const shopifySecret = `shpss_${randomBytes(12).toString('hex')}`
  const period = '2026-10'
  const b = await newBrand({ holdDays: 0, maxLevels: 2, defaultBps: [1000, 500], payoutThreshold: 1 })
  const admin = b.adminKey
  const ok = async (method: string, path: string, body: unknown, token = admin) => {
    const r = await call(method, path, { token, body })
    if (r.status >= 300) throw new Error(`seed ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body
  }
  const programme = await call('GET', '/api/programme', { token: admin })
  await ok('PUT', '/api/programme', { ...programme.body, shopifySecret })
  const root = await newDistributor(admin, {
    name: `${shown} root`,
    type: 'guide',
    externalId: `${marker}-ext`,
    store: `${shown} store`,
    payeeReference: `${marker}-payee`,
  })
  const child = await newDistributor(admin, { name: `${shown} child`, type: 'member', parentId: root.id })
  const sku = 'MATRIX-SKU-1'
  const productUrl = 'https://shop.example.com/p/matrix'
  await ok('POST', '/api/products', { sku, name: `${marker} product`, price: 12345, url: productUrl })
  const childSession = await sessionOf(admin, child.id)
  const link = await ok('POST', '/api/links', { url: productUrl }, childSession)
  const campaign = await ok('POST', '/api/campaigns', {
    id: 'matrix-campaign',
    name: `${marker} campaign`,
    startsAt: '2026-01-01T00:00:00.000Z',
    endsAt: '2027-01-01T00:00:00.000Z',
  })
  const rule = await ok('POST', '/api/rules', {
    name: `${marker} rule`,
    scope: 'campaign',
    target: campaign.id,
    levels: [{ bps: 700 }],
  })
  const orderId = 'matrix-order-1'
  const customerId = `${marker}-customer`
  await ok('POST', '/api/orders', {
    orderId,
    customerId,
    refCode: child.inviteCode,
    currency: 'CNY',
    paidAt: '2026-10-10T08:00:00.000Z',
    lines: [{ sku, qty: 1, unitPrice: 12345 }],
  })
  const batch = await ok('POST', '/api/settlements', { period }, b.financeKey)
  const spareKey = await ok('POST', '/api/keys', { role: 'finance', label: `${marker} spare` })
  return {
    marker,
    shown,
    brandId: b.brand.id,
    adminKey: admin,
    financeKey: b.financeKey,
    webhookSecret: b.webhookSecret,
    shopifySecret,
    root,
    child,
    childSession,
    sku,
    productUrl,
    linkCode: link.code as string,
    campaignId: campaign.id as string,
    ruleId: rule.id as string,
    orderId,
    customerId,
    period,
    batchId: batch.id as string,
    spareKeyId: spareKey.id as string,
  }
}

export type FirstBrand = Awaited<ReturnType<typeof seedFirstBrand>>

/**
 * The explicit table of path parameters: a parameter is looked up by its name, or, for a
 * generic `{id}` or `{code}`, by the resource before it (`rules/{id}`). A new route whose
 * parameter is missing here is still called (with a generated id), and a test names it.
 */
export const PATH_FILLERS: Record<string, (a: FirstBrand) => string> = {
  'distributors/{id}': (a) => a.root.id,
  'rules/{id}': (a) => a.ruleId,
  'campaigns/{id}': (a) => a.campaignId,
  'settlements/{id}': (a) => a.batchId,
  'keys/{id}': (a) => a.spareKeyId,
  'orders/{id}': (a) => a.orderId,
  'products/{id}': (a) => a.sku,
  's/{code}': (a) => a.linkCode,
  'links/{code}': (a) => a.linkCode,
  'invites/{code}': (a) => a.root.inviteCode,
  orderId: (a) => a.orderId,
  brandId: (a) => a.brandId,
  sku: (a) => a.sku,
  distributorId: (a) => a.root.id,
  campaignId: (a) => a.campaignId,
  ruleId: (a) => a.ruleId,
  batchId: (a) => a.batchId,
  settlementId: (a) => a.batchId,
  keyId: (a) => a.spareKeyId,
  period: (a) => a.period,
}

/**
 * Body and query fields that name the first brand's things: the matrices send these
 * instead of a generated value, so a request reaches the first brand's real records.
 */
export function fieldFiller(a: FirstBrand, opts: { tenant: boolean }): (name: string) => unknown {
  const fresh = () => `m${randomBytes(6).toString('hex')}`
  const table: Record<string, () => unknown> = {
    distributorId: () => a.root.id,
    parentId: () => a.root.id,
    successorId: () => a.child.id,
    refCode: () => a.child.inviteCode,
    inviteCode: () => a.root.inviteCode,
    sku: () => a.sku,
    productId: () => a.sku,
    url: () => a.productUrl,
    imageUrl: () => a.productUrl,
    period: () => a.period,
    currency: () => 'CNY',
    allowedDomains: () => ['shop.example.com'],
    'x-shopify-topic': () => 'orders/paid',
    from: () => '2026-10-01',
    to: () => '2026-10-31',
    startsAt: () => '2026-10-01T00:00:00.000Z',
    endsAt: () => '2026-11-01T00:00:00.000Z',
    paidAt: () => '2026-10-10T08:00:00.000Z',
    target: () => a.campaignId,
    // The tenant matrix aims at the first brand's own records; the bad-input matrix makes new ones.
    orderId: () => (opts.tenant ? a.orderId : fresh()),
    customerId: () => (opts.tenant ? a.customerId : fresh()),
    refundId: fresh,
    requestId: () => `req_${randomBytes(8).toString('hex')}`,
  }
  return (name) => table[name]?.()
}
