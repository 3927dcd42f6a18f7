import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { api, demoBrand, launchChromium, signInConsole, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await signInConsole(page, server.baseUrl, brand.adminKey)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const stored = async () =>
  (await api<Record<string, unknown>>(server.baseUrl, 'GET', '/api/programme', brand.adminKey)).body
const errorFor = (field: string) => page.locator(`[data-error-for="${field}"]`)
const save = () =>
  Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/programme') && r.request().method() === 'PUT'),
    page.locator('#programme-save').click(),
  ]).then(([r]) => r)

describe('the programme settings page', () => {
  it('is linked from the nav and shows every setting as stored', async () => {
    await page.locator('#nav-programme').click()
    await page.waitForURL(`${server.baseUrl}/console/programme`)
    expect(await page.locator('#nav-programme').getAttribute('aria-current')).toBe('page')
    expect(await page.locator('#f-holdDays').inputValue()).toBe('7')
    expect(await page.locator('#f-maxLevels').inputValue()).toBe('2')
    expect(await page.locator('#f-currency').inputValue()).toBe('CNY')
    expect(await page.locator('#f-payoutThreshold').inputValue()).toBe('0.00')
    expect(
      await page.locator('.bps-value').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['10.00', '3.00'])
    expect(await page.locator('#f-allowedDomains').inputValue()).toBe('127.0.0.1')
    expect(await page.locator('#f-shopifySecret').inputValue()).toBe('')
  })

  it('saves a changed hold period, threshold and default rate exactly, and shows them after a reload', async () => {
    await page.locator('#f-holdDays').fill('14')
    await page.locator('#f-payoutThreshold').fill('100.5')
    await page.locator('.bps-value').nth(0).fill('12.5')
    await page.locator('#add-level').click()
    await page.locator('.bps-value').nth(2).fill('0.75')
    await page.locator('#f-maxLevels').fill('3')
    await page.locator('#f-allowedDomains').fill('127.0.0.1\nShop.Example.com')
    expect((await save()).status()).toBe(200)
    await expect.poll(() => page.locator('#form-status').textContent()).toBe('已保存')
    expect(await stored()).toMatchObject({
      holdDays: 14,
      payoutThreshold: 10050,
      defaultBps: [1250, 300, 75],
      maxLevels: 3,
      allowedDomains: ['127.0.0.1', 'shop.example.com'],
    })
    // The form shows what the API stored (domains lower-cased).
    expect(await page.locator('#f-allowedDomains').inputValue()).toBe('127.0.0.1\nshop.example.com')
    await page.reload()
    expect(await page.locator('#f-holdDays').inputValue()).toBe('14')
    expect(await page.locator('#f-payoutThreshold').inputValue()).toBe('100.50')
    expect(
      await page.locator('.bps-value').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).toEqual(['12.50', '3.00', '0.75'])
  })

  it("shows the API's own error beside maxLevels 11, and stores nothing", async () => {
    await page.locator('#f-maxLevels').fill('11')
    const res = await save()
    expect(res.status()).toBe(422)
    const body = (await res.json()) as { error: { fields: Record<string, string> } }
    await expect.poll(() => errorFor('maxLevels').isVisible()).toBe(true)
    expect(await errorFor('maxLevels').textContent()).toBe(body.error.fields.maxLevels)
    expect(await page.locator('#f-maxLevels').getAttribute('aria-invalid')).toBe('true')
    expect((await stored()).maxLevels).toBe(3)
  })

  it('shows a bad domain and an unreadable rate beside their fields', async () => {
    await page.locator('#f-maxLevels').fill('3')
    await page.locator('.bps-value').nth(1).fill('3.333')
    let requests = 0
    const count = (r: { url: () => string }) => void (r.url().endsWith('/api/programme') && requests++)
    page.on('request', count)
    await page.locator('#programme-save').click()
    // Unreadable as typed: the form says so itself, without a request.
    await expect.poll(() => errorFor('defaultBps.1').isVisible()).toBe(true)
    page.off('request', count)
    expect(requests).toBe(0)
    await page.locator('.bps-value').nth(1).fill('3')
    await page.locator('#f-allowedDomains').fill('127.0.0.1\nnot a domain')
    expect((await save()).status()).toBe(422)
    await expect.poll(() => errorFor('allowedDomains').textContent()).toContain('须为域名')
    expect(await errorFor('defaultBps.1').isVisible()).toBe(false)
  })

  it('takes the Shopify secret write-only', async () => {
    await page.locator('#f-allowedDomains').fill('127.0.0.1')
    await page.locator('#f-shopifySecret').fill('shpss_0123456789abcdef')
    const [req] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/programme') && r.method() === 'PUT'),
      page.locator('#programme-save').click(),
    ])
    expect(req.postDataJSON()).toMatchObject({ shopifySecret: 'shpss_0123456789abcdef' })
    await expect.poll(() => page.locator('#form-status').textContent()).toBe('已保存')
    expect(await page.locator('#f-shopifySecret').inputValue()).toBe('')
    expect(JSON.stringify(await stored())).not.toContain('shpss_')
  })

  it('switches to English and back, keeping the choice', async () => {
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=en/)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('label[for="f-holdDays"]').textContent()).toContain('Hold period (days)')
    expect(await page.locator('#programme-save').textContent()).toBe('Save')
    // Remembered in a cookie: the next page is English too.
    await page.goto(`${server.baseUrl}/console/distributors`)
    expect(await page.locator('label[for="f-q"]').textContent()).toBe('Search')
    await page.goto(`${server.baseUrl}/console/programme`)
    await page.locator('#f-holdDays').fill('7')
    await page.locator('#programme-save').click()
    await expect.poll(() => page.locator('#form-status').textContent()).toBe('Saved')
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=zh/)
    expect(await page.locator('label[for="f-holdDays"]').textContent()).toContain('冻结期')
  })

  it('tells a finance key the page is for admins', async () => {
    const finance = await browser.newContext()
    const p = await finance.newPage()
    await signInConsole(p, server.baseUrl, brand.financeKey)
    const res = await p.goto(`${server.baseUrl}/console/programme`)
    expect(res?.status()).toBe(403)
    expect(await p.locator('#admins-only').count()).toBe(1)
    expect(await p.locator('#programme-form').count()).toBe(0)
    await finance.close()
  })
})
