import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { api, demoBrand, launchChromium, signInConsole, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const text = {
  zh: { create: '新建', rotate: '轮换', revoke: '停用', revoked: '已停用', consequence: '立即失效', keys: '密钥' },
  en: {
    create: 'Create',
    rotate: 'Rotate',
    revoke: 'Revoke',
    revoked: 'Revoked',
    consequence: 'stops working at once',
    keys: 'Keys',
  },
} as const

/** A signed-in admin page on /console/keys in `lang`, and the confirmations it asked for. */
async function keysPage(lang: 'zh' | 'en') {
  const brand = await demoBrand(server.baseUrl)
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.accept()
  })
  await signInConsole(page, server.baseUrl, brand.adminKey)
  await page.goto(`${server.baseUrl}/console/keys?lang=${lang}`)
  return { brand, page, dialogs }
}

const rowOf = (page: Page, label: string) => page.locator('#keys-body tr', { hasText: label })
const answer = (page: Page, path: RegExp) =>
  page.waitForResponse((r) => path.test(new URL(r.url()).pathname) && r.request().method() === 'POST')

describe.each(['zh', 'en'] as const)('the keys page (%s)', (lang) => {
  it('creates a finance key shown once, rotates it with 0 h grace (the old one is refused), revokes it', async () => {
    const { brand, page, dialogs } = await keysPage(lang)
    const t = text[lang]
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'zh-CN')
    expect(await page.locator('#nav-keys').textContent()).toContain(t.keys)
    expect(await page.locator('#nav-keys').getAttribute('aria-current')).toBe('page')
    expect(await page.locator('#new-secret').isHidden()).toBe(true)

    // Create: the key is shown once, in the panel, and works on the API.
    await page.locator('#f-label').fill(`ERP ${lang}`)
    await page.locator('#f-role').selectOption('finance')
    const [created] = await Promise.all([
      answer(page, /^\/api\/keys$/),
      page.getByRole('button', { name: t.create, exact: true }).click(),
    ])
    expect(created.status()).toBe(201)
    await expect.poll(() => page.locator('#new-secret-value').inputValue()).toMatch(/^rpl_fin_/)
    const first = await page.locator('#new-secret-value').inputValue()
    expect((await api(server.baseUrl, 'GET', '/api/programme', first)).status).toBe(200)
    await expect.poll(() => rowOf(page, `ERP ${lang}`).count()).toBe(1)
    expect(await rowOf(page, `ERP ${lang}`).locator('.last4').textContent()).toBe(`…${first.slice(-4)}`)
    // Shown once: a reload has no secret, and the list never held it.
    await page.reload()
    expect(await page.locator('#new-secret').isHidden()).toBe(true)
    expect(await page.content()).not.toContain(first)

    // Rotate with 0 h: a new key shown, the old one refused by the API at once.
    const row = rowOf(page, `ERP ${lang}`).and(page.locator('[data-status=active]'))
    await row.locator('.grace').selectOption('0')
    const [rotated] = await Promise.all([
      answer(page, /\/rotate$/),
      row.getByRole('button', { name: t.rotate }).click(),
    ])
    expect(rotated.status()).toBe(201)
    await expect.poll(() => page.locator('#new-secret-value').inputValue()).not.toBe(first)
    const second = await page.locator('#new-secret-value').inputValue()
    expect(second).toMatch(/^rpl_fin_/)
    expect((await api(server.baseUrl, 'GET', '/api/programme', first)).status).toBe(401)
    expect((await api(server.baseUrl, 'GET', '/api/programme', second)).status).toBe(200)

    // Revoke the new key, after a confirmation that names the consequence.
    const live = page.locator(`#keys-body tr[data-last4="${second.slice(-4)}"]`)
    await expect.poll(() => live.count()).toBe(1)
    const [revoked] = await Promise.all([
      answer(page, /\/revoke$/),
      live.getByRole('button', { name: t.revoke }).click(),
    ])
    expect(revoked.status()).toBe(200)
    expect(dialogs.at(-1)).toContain(t.consequence)
    expect(dialogs.at(-1)).toContain(second.slice(-4))
    await expect.poll(() => live.locator('.status').textContent()).toBe(t.revoked)
    expect((await api(server.baseUrl, 'GET', '/api/programme', second)).status).toBe(401)
    // The admin's own key still works; the finance key from onboarding too.
    expect((await api(server.baseUrl, 'GET', '/api/keys', brand.adminKey)).status).toBe(200)
    expect((await api(server.baseUrl, 'GET', '/api/programme', brand.financeKey)).status).toBe(200)
  })

  it('rotates the webhook secret and shows the new one once', async () => {
    const { page } = await keysPage(lang)
    await page.locator('#webhook-grace').selectOption('1')
    const [r] = await Promise.all([
      answer(page, /\/api\/webhook-secret\/rotate$/),
      page.locator('#rotate-webhook').click(),
    ])
    expect(r.status()).toBe(201)
    await expect.poll(() => page.locator('#new-secret-value').inputValue()).toMatch(/^whsec_/)
    await expect.poll(() => page.locator('#webhook-status').textContent()).toContain('UTC')
  })

  it('is for admins only: a finance key sees the admins-only page and no keys link', async () => {
    const brand = await demoBrand(server.baseUrl)
    const page = await (await browser.newContext()).newPage()
    await signInConsole(page, server.baseUrl, brand.financeKey)
    expect(await page.locator('#nav-keys').count()).toBe(0)
    const res = await page.goto(`${server.baseUrl}/console/keys?lang=${lang}`)
    expect(res?.status()).toBe(403)
    expect(await page.content()).not.toContain('keys-body')
  })
})
