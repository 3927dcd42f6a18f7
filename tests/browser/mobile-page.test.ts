import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { pumpOnce } from '../../lib/local/stream-pump'
import { api, demoBrand, distributorWithSignIn, launchChromium, phoneContext, startServer, LIP, SERUM } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let me: Awaited<ReturnType<typeof distributorWithSignIn>>
let context: BrowserContext
let page: Page

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  me = await distributorWithSignIn(server.baseUrl, brand.adminKey, '王芳')
  context = await phoneContext(browser, server.baseUrl)
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

/** Minor units of CNY as the page shows them, by integer arithmetic. */
const yuan = (minor: number) => `¥${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

const serumRow = () => page.locator(`li.product[data-sku="${SERUM.sku}"]`)

describe('the distributor mobile page', () => {
  it('signs in through a real sign-in link and lands on /m with products and commissions', async () => {
    const res = await page.goto(me.signInUrl)
    expect(res?.status()).toBe(200)
    expect(new URL(page.url()).pathname).toBe('/m')
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.locator('h1').textContent()).toBe('山茶花美妆')
    expect(await page.locator('#hello').textContent()).toBe('你好，王芳')
    // 10% of ¥299.00, formatted exactly.
    expect(await serumRow().locator('.price').textContent()).toBe('¥299.00')
    expect(await serumRow().locator('.earn').textContent()).toBe('¥29.90')
    expect(await page.locator('#links').textContent()).toContain('还没有分享链接')
  })

  it('shows my earnings: nothing yet, then the pending balance and the entry of an order posted for me', async () => {
    expect(await page.locator('#earnings [data-status="pending"] .amount').textContent()).toBe('¥0.00')
    expect(await page.locator('#earnings').textContent()).toContain('还没有收益')
    const qty = 2
    const orderId = `ord-earn-${Date.now()}-7319`
    const posted = await api(server.baseUrl, 'POST', '/api/orders', brand.adminKey, {
      orderId,
      refCode: me.inviteCode,
      currency: 'CNY',
      paidAt: new Date().toISOString(),
      lines: [{ sku: SERUM.sku, qty, unitPrice: SERUM.price }],
    })
    expect(posted.status).toBe(201)
    // Level 1 at the programme default, 1000 bps: floor(price × qty × 1000 / 10000), formatted from integers.
    const expected = yuan(Math.floor((SERUM.price * qty * 1000) / 10000))
    await page.reload()
    expect(await page.locator('#earnings [data-status="pending"] .amount').textContent()).toBe(expected)
    expect(await page.locator('#earnings [data-status="available"] .amount').textContent()).toBe('¥0.00')
    // The statement: one row per order (its last digits), its levels inside; level 1 reads as a direct share.
    const row = page.locator('#entries li.statement-row').first()
    const entry = row.locator('li.entry').first()
    expect(await row.locator('.order-id').textContent()).toBe('…7319')
    expect(await entry.locator('.level').textContent()).toBe('直接推广')
    expect(await entry.locator('.amount').textContent()).toBe(expected)
    expect(await entry.locator('.status').textContent()).toBe('待结算')
    expect(await row.locator('.date').textContent()).toBe(new Date().toISOString().slice(0, 10))
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  })

  it('creates a share link from the sheet, copies it and its copy text, and saves a PNG poster', async () => {
    await serumRow().getByRole('button').tap()
    const url = page.locator('#sheet-url')
    await expect.poll(() => url.textContent()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\/[A-Za-z0-9]{8}$/)
    const shortUrl = (await url.textContent()) ?? ''
    await page.locator('#poster-image').waitFor({ state: 'visible' })
    expect(await page.locator('#poster-hint').textContent()).toBe('长按保存图片')

    await page.locator('#copy-link').tap()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortUrl)
    expect(await page.locator('#toast').textContent()).toBe('已复制')
    await page.locator('[data-text-index="0"]').tap()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `【${SERUM.name}】¥299.00，我在用，推荐给你 👉 ${shortUrl}`,
    )

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#save-poster').tap()])
    expect(download.suggestedFilename()).toBe(`poster-${SERUM.sku}.png`)
    const png = readFileSync((await download.path()) ?? '')
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.length).toBeGreaterThan(5000)
    // Also shown in the sheet for in-app browsers that ignore downloads; it is the poster's full size.
    expect(
      await page.locator('#poster-image').evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]),
    ).toEqual([720, 1280])

    // The same product shared again gives the same link (the API answers 200 with it).
    await page.locator('#sheet-close').tap()
    expect(await page.locator('#sheet').isHidden()).toBe(true)
    await serumRow().getByRole('button').tap()
    await expect.poll(() => url.textContent()).toBe(shortUrl)
  })

  it('has no horizontal scroll at 375 px, even with the sheet open', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.locator('#sheet-close').tap()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
  })

  it('follows the short link through the redirect to the demo shop with rpl_click, and counts the click', async () => {
    const mine = await page.evaluate(() => fetch('/api/me/links').then((r) => r.json()))
    const shortUrl = mine.items[0].shortUrl as string
    const visitor = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      userAgent: await page.evaluate(() => navigator.userAgent),
    })
    const shopper = await visitor.newPage()
    await shopper.goto(shortUrl)
    const landed = new URL(shopper.url())
    expect(landed.pathname).toBe(`/demo-shop/p/${SERUM.sku}`)
    const clickId = landed.searchParams.get('rpl_click')
    expect(clickId).toMatch(/^c_[A-Za-z0-9_-]{22}$/)
    expect(await shopper.locator('#click-id').textContent()).toBe(clickId)
    // The shop page names the product the click was for, priced in the brand's currency.
    expect(await shopper.locator('#product-name').textContent()).toBe(SERUM.name)
    expect(await shopper.locator('#product-price').textContent()).toBe('¥299.00')
    // Without a click it still works, showing just the SKU.
    expect((await shopper.goto(`${server.baseUrl}/demo-shop/p/${SERUM.sku}`))?.status()).toBe(200)
    expect(await shopper.locator('#sku').textContent()).toBe(SERUM.sku)
    expect(await shopper.locator('#product-name').count()).toBe(0)
    await visitor.close()

    // The server counts clicks from the table's stream: pump it here, against the same table.
    await pumpOnce()
    await page.reload()
    const row = page.locator('#links li.link').first()
    expect(await row.locator('.clicks').textContent()).toBe('1')
    expect(await row.textContent()).toContain(SERUM.name)
  })

  it('switches to English and remembers it', async () => {
    await page.locator('#lang-switch').tap()
    await page.waitForURL(/lang=en/)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('#products h2').textContent()).toBe('Products to share')
    expect(await page.locator('#hello').textContent()).toBe('Hello, 王芳')
    await page.goto(`${server.baseUrl}/m`)
    expect(await page.locator('#products h2').textContent()).toBe('Products to share')
    await page.locator('#lang-switch').tap()
    await page.waitForURL(/lang=zh/)
    expect(await page.locator('#products h2').textContent()).toBe('推荐商品')
  })

  it('answers a used sign-in link with a clear 410 page, and a signed-out visit with the sign-in hint', async () => {
    const stranger = await phoneContext(browser, server.baseUrl)
    const p = await stranger.newPage()
    const used = await p.goto(me.signInUrl)
    expect(used?.status()).toBe(410)
    expect(await p.locator('h1').textContent()).toBe('登录链接已使用过，请用手机号登录或向品牌方重新获取。')
    const signedOut = await p.goto(`${server.baseUrl}/m`)
    expect(signedOut?.status()).toBe(401)
    expect(await p.locator('h1').textContent()).toContain('打开品牌方发给你的登录链接')
    await stranger.close()
  })

  it('shows a suspended distributor the friendly page instead of their data', async () => {
    const other = await distributorWithSignIn(server.baseUrl, brand.adminKey, '赵敏')
    const phone = await phoneContext(browser, server.baseUrl)
    const p = await phone.newPage()
    await p.goto(other.signInUrl)
    expect(await p.locator('#hello').textContent()).toBe('你好，赵敏')
    expect(
      (await api(server.baseUrl, 'PATCH', `/api/distributors/${other.id}`, brand.adminKey, { status: 'suspended' }))
        .status,
    ).toBe(200)
    const res = await p.reload()
    expect(res?.status()).toBe(403)
    expect(await p.locator('h1').textContent()).toBe('你的分销账户已暂停，如有疑问请联系品牌方。')
    expect(await p.locator('#products').count()).toBe(0)
    await phone.close()
  })

  it("turns an invite into a recruit who then appears in the inviter's team", async () => {
    const friend = await phoneContext(browser, server.baseUrl)
    const p = await friend.newPage()
    expect((await p.goto(`${server.baseUrl}/m/join/NoSuchCode9`))?.status()).toBe(404)
    expect(await p.locator('h1').textContent()).toBe('这个邀请链接不存在或已失效，请向邀请你的人重新获取。')

    const landing = await p.goto(`${server.baseUrl}/m/join/${me.inviteCode}`)
    expect(landing?.status()).toBe(200)
    expect(await p.locator('#invited').textContent()).toBe('王芳 邀请你成为「山茶花美妆」的分销员')
    await p.locator('#join-name').fill('李小红')
    // Two submits before the first answer (a double tap the disabled button did not catch):
    // both send the page's one requestId, so they make one distributor.
    await p.evaluate(() => {
      const form = document.getElementById('join-form') as HTMLFormElement
      form.requestSubmit()
      form.requestSubmit()
    })
    await p.waitForURL(`${server.baseUrl}/m`)
    expect(await p.locator('#hello').textContent()).toBe('你好，李小红')
    await friend.close()

    const all = await api<{ items: Array<{ name: string; parentId: string | null }> }>(
      server.baseUrl,
      'GET',
      '/api/distributors',
      brand.adminKey,
    )
    expect(all.body.items.filter((d) => d.name === '李小红')).toEqual([expect.objectContaining({ parentId: me.id })])

    await page.reload()
    const level1 = page.locator('#my-team li.team-level[data-level="1"] .people')
    expect(await level1.getAttribute('data-count')).toBe('1')
    expect(await level1.textContent()).toBe('1 人')
    expect(await page.locator('#recruits').textContent()).toContain('李小红')
  })

  it("shows my results: my own and my team's clicks, orders and sales over 30 days, team size by level, and trends", async () => {
    // An order credited to my recruit (by her coupon code), partly refunded: it counts in my team, not in my own figures.
    const all = await api<{ items: Array<{ name: string; inviteCode: string }> }>(
      server.baseUrl,
      'GET',
      '/api/distributors',
      brand.adminKey,
    )
    const recruit = all.body.items.find((d) => d.name === '李小红')
    const orderId = `ord-team-${Date.now()}`
    const paidAt = new Date().toISOString()
    const posted = await api(server.baseUrl, 'POST', '/api/orders', brand.adminKey, {
      orderId,
      refCode: recruit?.inviteCode,
      currency: 'CNY',
      paidAt,
      lines: [{ sku: LIP.sku, qty: 2, unitPrice: LIP.price }],
    })
    expect(posted.status).toBe(201)
    expect(
      (
        await api(server.baseUrl, 'POST', `/api/orders/${orderId}/refunds`, brand.adminKey, {
          refundId: 'rf-team',
          lines: [{ sku: LIP.sku, qty: 1 }],
        })
      ).status,
    ).toBe(201)
    await pumpOnce()
    // The results tab, opened by its address (a tab's content is laid out only while it shows).
    await page.goto(`${server.baseUrl}/m#results`)
    await page.reload()

    const results = page.locator('#my-results')
    expect(await results.locator('h2').textContent()).toBe('我的业绩')
    const cell = (field: string, who: 'own' | 'team') =>
      results.locator(`tr[data-field="${field}"] td.${who}`).textContent()
    // Mine: the earlier order of two serums and the click on my link; the team's: her order, one of two lip balms refunded.
    expect(await cell('clicks', 'own')).toBe('1')
    expect(await cell('orders', 'own')).toBe('1')
    expect(await cell('gmv', 'own')).toBe(yuan(SERUM.price * 2))
    expect(await cell('clicks', 'team')).toBe('0')
    expect(await cell('orders', 'team')).toBe('1')
    expect(await cell('gmv', 'team')).toBe(yuan(LIP.price))
    expect(await results.locator('tr[data-field="gmv"] th').textContent()).toBe('成交额')
    expect(await results.locator('#team-size').textContent()).toBe('1')
    expect(await results.locator('#team-new').textContent()).toBe('近 30 天新加入 1 人')
    expect(await results.locator('.levels li[data-level="1"] .count').textContent()).toBe('1')

    // The trends: 30 daily sales figures each, today's last, drawn as a 30-point line inside the cell.
    for (const [who, today] of [
      ['own', SERUM.price * 2],
      ['team', LIP.price],
    ] as const) {
      const spark = results.locator(`tr.trend td.${who} svg.spark`)
      const values = ((await spark.getAttribute('data-values')) ?? '').split(',').map(Number)
      expect(values).toHaveLength(30)
      expect(values.at(-1)).toBe(today)
      expect(values.slice(0, -1).every((v) => v === 0)).toBe(true)
      expect(((await spark.locator('polyline').getAttribute('points')) ?? '').trim().split(/\s+/)).toHaveLength(30)
      const box = await spark.boundingBox()
      expect(box?.width).toBeGreaterThan(60)
      expect(box?.height).toBe(32)
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)

    await page.goto(`${server.baseUrl}/m?lang=en#results`)
    expect(await results.locator('h2').textContent()).toBe('My results')
    expect(await results.locator('tr[data-field="gmv"] th').textContent()).toBe('Sales')
    expect(await cell('gmv', 'team')).toBe(yuan(LIP.price))
    expect(await results.locator('#team-new').textContent()).toBe('1 person joined in the last 30 days')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
    await page.goto(`${server.baseUrl}/m?lang=zh`)
  })
})
