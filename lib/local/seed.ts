import type { Hono } from 'hono'
import { DEMO_PRODUCTS, DEMO_ROOTS, chineseName, prng } from './demo-data'
import { seedOrders } from './seed-orders'
import { PHONE_UA, call, pool } from './in-process'
import { demoLogo, demoProductPicture } from './demo-images'
import { putMedia } from '../storage/media-bucket'
import type { Programme } from '../schemas/programme'
import { DISTRIBUTOR_TYPES, type Distributor, type DistributorType } from '../schemas/distributor'

/** What a newcomer (or a script) needs to sign in to the seeded demo at once. */
export interface DemoInfo {
  baseUrl: string
  adminToken: string
  brandId: string
  adminKey: string
  financeKey: string
  webhookSecret: string
  /** One distributor per type, used to mint fresh sign-in links on every start. */
  demoDistributors: Record<DistributorType, string>
  distributorSignInUrls: Partial<Record<DistributorType, string>>
}

const DEMO_COLOUR = '#b0305a'

/**
 * Seeds the demo brand through the public API (so the seed exercises the real
 * paths): products, a few hundred distributors of every type over five rings,
 * share links, and clicks from many visitors (some repeats, some bots).
 */
export async function seedDemo(app: Hono, baseUrl: string, adminToken: string): Promise<DemoInfo> {
  const rand = prng(20261125)
  const host = new URL(baseUrl).hostname
  const created = await call<{ brand: { id: string }; adminKey: string; financeKey: string; webhookSecret: string }>(
    app,
    baseUrl,
    'POST',
    '/api/admin/brands',
    adminToken,
    {
      name: '山茶花美妆 Camellia Beauty',
      programme: {
        allowedDomains: [host],
        currency: 'CNY',
        maxLevels: 3,
        defaultBps: [1000, 300, 100],
        payoutThreshold: 1000,
        holdDays: 7,
        brandColour: DEMO_COLOUR,
      },
    },
  )
  const { adminKey } = created
  for (const [i, p] of DEMO_PRODUCTS.entries()) {
    await call(app, baseUrl, 'POST', '/api/products', adminKey, {
      ...p,
      url: `${baseUrl}/demo-shop/p/${p.sku}`,
      copyTexts: [`${p.name}，我自己在用，推荐给你`, `山茶花新品 ${p.name}，点链接看看`],
    })
    // Pictures go through the real upload route, so the demo exercises resizing and the bucket.
    const res = await app.request(`${baseUrl}/api/products/${p.sku}/image`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'image/png' },
      body: new Uint8Array(await demoProductPicture(p.sku, i)),
    })
    if (res.status !== 200) throw new Error(`PUT image ${p.sku} → ${res.status} ${await res.text()}`)
  }
  // The logo is written straight to the bucket (there is no logo upload route yet) and named in the programme.
  const logo = await demoLogo(DEMO_COLOUR)
  const logoKey = `media/${created.brand.id}/logo/${logo.version}/256.png`
  await putMedia(logoKey, logo.png, 'image/png')
  const programme = await call<Programme>(app, baseUrl, 'GET', '/api/programme', adminKey)
  await call(app, baseUrl, 'PUT', '/api/programme', adminKey, { ...programme, logoUrl: `/${logoKey}` })

  const all: Distributor[] = []
  const add = async (name: string, type: DistributorType, parentId?: string) => {
    const d = await call<Distributor>(app, baseUrl, 'POST', '/api/distributors', adminKey, {
      name,
      type,
      parentId,
      externalId: `demo-${all.length + 1}`,
    })
    all.push(d)
    return d
  }
  let frontier: Distributor[] = []
  for (const root of DEMO_ROOTS)
    for (let i = 0; i < root.count; i++) frontier.push(await add(chineseName(rand), root.type))
  // Rings grow outward: members and KOCs recruited by the ring before, fewer each ring.
  for (const perParent of [3, 2, 1, 1]) {
    const next: Distributor[] = []
    for (const parent of frontier) {
      const n = Math.floor(rand() * (perParent + 1))
      for (let i = 0; i < n; i++) next.push(await add(chineseName(rand), rand() < 0.85 ? 'member' : 'media', parent.id))
    }
    frontier = next
  }

  const demoDistributors = Object.fromEntries(
    DISTRIBUTOR_TYPES.map((t) => [t, all.find((d) => d.type === t)?.id ?? '']),
  ) as Record<DistributorType, string>

  // Links and clicks: about half the distributors share one or two products.
  const sharers = all.filter(() => rand() < 0.5)
  const codes: string[] = []
  await pool(sharers, 4, async (d) => {
    const { url } = await call<{ url: string }>(
      app,
      baseUrl,
      'POST',
      `/api/distributors/${d.id}/sign-in-links`,
      adminKey,
    )
    const token = url.split('/').pop() ?? ''
    const signIn = await app.request(`${baseUrl}/m/sign-in/${token}`, { headers: { 'user-agent': PHONE_UA } })
    const session = /rpl_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1]
    if (!session) throw new Error(`sign-in for ${d.id} gave no session (${signIn.status})`)
    for (const p of DEMO_PRODUCTS.slice(0, 1 + Math.floor(rand() * 2))) {
      const link = await call<{ code: string }>(app, baseUrl, 'POST', '/api/links', decodeURIComponent(session), {
        productId: p.sku,
      })
      codes.push(link.code)
    }
  })
  const clicks = codes.flatMap((code) =>
    Array.from({ length: Math.floor(rand() * 6) }, (_, i) => ({
      code,
      visitor: `v${Math.floor(rand() * 400)}`,
      bot: i === 0 && rand() < 0.1,
    })),
  )
  const clickIds: string[] = []
  await pool(clicks, 8, async ({ code, visitor, bot }) => {
    const ua = bot ? 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' : PHONE_UA
    const vid = `demo${visitor.padStart(12, '0')}`.slice(0, 16)
    const res = await app.request(`${baseUrl}/s/${code}`, { headers: { 'user-agent': ua, cookie: `rpl_vid=${vid}` } })
    const clickId = new URL(res.headers.get('location') ?? baseUrl).searchParams.get('rpl_click')
    if (clickId) clickIds.push(clickId)
  })

  await seedOrders(
    app,
    baseUrl,
    { brandId: created.brand.id, adminKey, webhookSecret: created.webhookSecret },
    { clickIds, codes, coupons: all.map((d) => d.inviteCode), rand },
  )

  return {
    baseUrl,
    adminToken,
    brandId: created.brand.id,
    adminKey,
    financeKey: created.financeKey,
    webhookSecret: created.webhookSecret,
    demoDistributors,
    distributorSignInUrls: {},
  }
}

/** Fresh single-use sign-in links (15 minutes) for one demo distributor of each type. */
export async function mintDemoSignIns(app: Hono, demo: DemoInfo): Promise<Partial<Record<DistributorType, string>>> {
  const urls: Partial<Record<DistributorType, string>> = {}
  for (const [type, id] of Object.entries(demo.demoDistributors) as Array<[DistributorType, string]>) {
    if (!id) continue
    urls[type] = (
      await call<{ url: string }>(app, demo.baseUrl, 'POST', `/api/distributors/${id}/sign-in-links`, demo.adminKey)
    ).url
  }
  return urls
}
