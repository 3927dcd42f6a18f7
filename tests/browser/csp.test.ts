import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page, Response } from 'playwright-core'
import {
  api,
  demoBrand,
  distributorWithSignIn,
  launchChromium,
  phoneContext,
  SERUM,
  signInConsole,
  startServer,
} from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let guide: Awaited<ReturnType<typeof distributorWithSignIn>>
let batchId = ''

/** Every CSP violation a page reports: its securitypolicyviolation events and Chromium's console errors. */
async function watched(context: BrowserContext): Promise<{ page: Page; violations: string[] }> {
  const violations: string[] = []
  // Injected by the DevTools protocol, so the page's own CSP does not block it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  const page = await context.newPage()
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`)
  })
  return { page, violations }
}

/** The page answered with our CSP (scripts from our origin only), and its script ran to the end of the load. */
async function visit(page: Page, url: string): Promise<Response> {
  const res = await page.goto(url, { waitUntil: 'load' })
  if (!res) throw new Error(`no response for ${url}`)
  const csp = res.headers()['content-security-policy'] ?? ''
  expect(csp, url).toMatch(/(^|;)\s*script-src 'self'(;|$)/)
  expect(csp, url).toContain("frame-ancestors 'none'")
  return res
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  guide = await distributorWithSignIn(server.baseUrl, brand.adminKey, '王芳')
  const order = await api(server.baseUrl, 'POST', '/api/orders', brand.adminKey, {
    orderId: 'csp-1',
    refCode: guide.inviteCode,
    currency: 'CNY',
    paidAt: '2025-10-10T08:00:00.000Z',
    lines: [{ sku: SERUM.sku, qty: 1, unitPrice: SERUM.price }],
  })
  if (order.status !== 201) throw new Error(`order: ${order.status} ${JSON.stringify(order.body)}`)
  const batch = await api<{ batchId: string }>(server.baseUrl, 'POST', '/api/settlements', brand.financeKey, {
    period: '2025-10',
  })
  if (batch.status !== 201 && batch.status !== 202) throw new Error(`batch: ${batch.status}`)
  batchId = batch.body.batchId
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the Content-Security-Policy', () => {
  it('the admin console: no page and no action breaks it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page, violations } = await watched(context)
    await visit(page, `${server.baseUrl}/console`)
    await signInConsole(page, server.baseUrl, brand.adminKey)
    for (const path of [
      '/console',
      '/console/rules',
      '/console/programme',
      '/console/products',
      '/console/distributors',
      `/console/distributors/${guide.id}`,
      `/console/distributors/${guide.id}/leave`,
      '/console/import',
    ])
      await visit(page, `${server.baseUrl}${path}`)
    // Scripts at work: a sign-in link with its QR drawn into the page.
    await visit(page, `${server.baseUrl}/console/distributors/${guide.id}`)
    await page.locator('#sign-in-link').click()
    await page.locator('#sign-in-qr svg').waitFor()
    await visit(page, `${server.baseUrl}/console/rules`)
    await page.locator('#rule-list').waitFor()
    await context.close()
    expect(violations).toEqual([])
  })

  it('the finance console: the settlement list and a batch', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const { page, violations } = await watched(context)
    await signInConsole(page, server.baseUrl, brand.financeKey)
    await visit(page, `${server.baseUrl}/console/finance`)
    await visit(page, `${server.baseUrl}/console/finance/${batchId}`)
    await context.close()
    expect(violations).toEqual([])
  })

  it('the mobile page, its share sheet and poster, the invite page and its join, the shop', async () => {
    const context = await phoneContext(browser, server.baseUrl)
    const { page, violations } = await watched(context)
    await visit(page, guide.signInUrl)
    expect(new URL(page.url()).pathname).toBe('/m')
    await page.locator(`li.product[data-sku="${SERUM.sku}"]`).getByRole('button').tap()
    await page.locator('#poster-image').waitFor({ state: 'visible' })
    await Promise.all([page.waitForEvent('download'), page.locator('#save-poster').tap()])
    // A used link's message page.
    await visit(page, guide.signInUrl)
    await visit(page, `${server.baseUrl}/demo-shop/p/${SERUM.sku}`)

    const stranger = await phoneContext(browser, server.baseUrl)
    const invited = await watched(stranger)
    await visit(invited.page, `${server.baseUrl}/m/join/${guide.inviteCode}`)
    await invited.page.locator('#join-name').fill('新朋友')
    await invited.page.locator('#join-submit').tap()
    await invited.page.waitForURL(`${server.baseUrl}/m`)
    await stranger.close()
    await context.close()
    expect([...violations, ...invited.violations]).toEqual([])
  })
})
