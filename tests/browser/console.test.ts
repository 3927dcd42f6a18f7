import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { api, demoBrand, launchChromium, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page
/** 30 distributors: more than one console page of 25. */
const NAMES = Array.from({ length: 30 }, (_, i) => `分销员${String(i + 1).padStart(2, '0')}`)

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  for (const name of NAMES)
    await api(server.baseUrl, 'POST', '/api/distributors', brand.adminKey, { name, type: 'employee' })
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const rowNames = () => page.locator('tr.distributor td.name').allTextContents()

describe('the brand console', () => {
  it('signs in in English when asked, refusing a wrong key in English, and switches back to Chinese', async () => {
    await page.goto(`${server.baseUrl}/console?lang=en`)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.title()).toBe('Sign in · Ripple Console')
    expect(await page.locator('h2').textContent()).toBe('Brand sign-in')
    expect(await page.locator('label[for="api-key"]').textContent()).toBe('API key')
    expect(await page.locator('#lang-switch').textContent()).toBe('中文')
    // The form's language comes from the cookie: its error is in English too, and the switch leads back to the form.
    await page.locator('#api-key').fill('rpl_admin_not-a-real-key')
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/console/sign-in')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ])
    expect(res.status()).toBe(401)
    expect(await page.locator('#sign-in-error').textContent()).toBe('That API key is not valid.')
    expect(await page.locator('#lang-switch').getAttribute('href')).toBe('/console?lang=zh')
    await page.locator('#lang-switch').click()
    await page.waitForURL(`${server.baseUrl}/console?lang=zh`)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.locator('h2').textContent()).toBe('品牌方登录')
    expect(await page.getByRole('button', { name: '登录' }).count()).toBe(1)
    expect(await page.locator('#lang-switch').textContent()).toBe('English')
  })

  it('refuses a wrong key with a clear message', async () => {
    await page.goto(`${server.baseUrl}/console`)
    await page.locator('#api-key').fill('rpl_admin_not-a-real-key')
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/console/sign-in')),
      page.getByRole('button', { name: '登录' }).click(),
    ])
    expect(res.status()).toBe(401)
    expect(await page.locator('#sign-in-error').textContent()).toBe('密钥无效。')
  })

  it('signs in with the admin key to the dashboard, and lists the distributors a page at a time', async () => {
    await page.locator('#api-key').fill(brand.adminKey)
    await page.getByRole('button', { name: '登录' }).click()
    await page.waitForURL(`${server.baseUrl}/console`)
    expect(await page.locator('#brand-name').textContent()).toBe('山茶花美妆')
    expect(await page.locator('#role').textContent()).toBe('管理员')
    expect(await page.locator('#programme').textContent()).toContain('L1 10% · L2 3%')
    expect(await page.locator('#ripple-table').count()).toBe(1)
    const cookie = (await page.context().cookies()).find((c) => c.name === 'rpl_console')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
    expect(cookie?.value).toMatch(/^c1\./)

    // The list lives on /console/distributors, 25 a page, oldest first.
    await page.locator('#nav-distributors').click()
    await page.waitForURL(`${server.baseUrl}/console/distributors`)
    expect(await rowNames()).toEqual(NAMES.slice(0, 25))
    await page.locator('#next-page').click()
    expect(await rowNames()).toEqual(NAMES.slice(25))
    expect(await page.locator('#next-page').count()).toBe(0)
  })

  it('mints a working sign-in link from a distributor row', async () => {
    await page.locator('tr.distributor td.name a').first().click()
    await page.waitForURL(/\/console\/distributors\/d_/)
    await page.locator('#sign-in-link').click()
    const out = page.locator('#sign-in-url')
    await expect
      .poll(() => out.getAttribute('data-url'))
      .toMatch(/^http:\/\/127\.0\.0\.1:\d+\/m\/sign-in\/[A-Za-z0-9_-]{20,64}$/)
    // The link signs that distributor in on a phone.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      userAgent:
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
    })
    const p = await phone.newPage()
    await p.goto((await out.getAttribute('data-url')) ?? '')
    expect(await p.locator('#hello').textContent()).toBe(`你好，${NAMES[25]}`)
    await phone.close()
  })

  it('lets the console cookie call the API, and signs out', async () => {
    const status = await page.evaluate(() =>
      fetch('/api/programme', { headers: { 'x-ripple-client': 'console' } }).then((r) => r.status),
    )
    expect(status).toBe(200)
    await page.getByRole('button', { name: '退出' }).click()
    expect(await page.locator('#api-key').count()).toBe(1)
    expect((await page.context().cookies()).some((c) => c.name === 'rpl_console')).toBe(false)
  })
})
