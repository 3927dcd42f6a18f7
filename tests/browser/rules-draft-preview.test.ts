import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { api, demoBrand, launchChromium, SERUM, signInConsole, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page

/** Minor units of CNY as the console shows them, by integer arithmetic. */
const yuan = (minor: number) => `¥${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`
const row = (level: number) => page.locator(`#preview-rows tr.preview-level[data-level="${level}"]`)
const storedVersions = async () =>
  (
    await api<{ items: Array<{ name: string; version: number }> }>(server.baseUrl, 'GET', '/api/rules', brand.adminKey)
  ).body.items.map((r) => [r.name, r.version])

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  const r = await api(server.baseUrl, 'POST', '/api/rules', brand.adminKey, {
    name: '精华专享',
    scope: 'product',
    target: SERUM.sku,
    levels: [{ bps: 1500 }],
  })
  if (r.status !== 201) throw new Error(`rule: ${r.status}`)
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await signInConsole(page, server.baseUrl, brand.adminKey)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe.each([
  { lang: 'zh', draftName: '未保存的规则' },
  { lang: 'en', draftName: 'Unsaved rule' },
] as const)('the rules page previews the unsaved rule ($lang)', ({ lang, draftName }) => {
  it('prices the rule being edited beside the saved rules, before it is saved', async () => {
    await page.goto(`${server.baseUrl}/console/rules?lang=${lang}`)
    await page.locator('#preview-product').selectOption(SERUM.sku)
    await page.locator('#preview-qty').fill('2')
    const base = SERUM.price * 2
    await expect.poll(() => row(1).locator('.amount').textContent()).toBe(yuan((base * 1500) / 10000))
    // Nothing in the form yet: the draft column is empty.
    expect(await row(1).locator('.draft-amount').textContent()).toBe('—')

    // Edit the saved rule to 20% without saving: the saved result stays, the draft shows 20%.
    await page.locator('tr.rule', { hasText: '精华专享' }).locator('.edit').click()
    await page.locator('#levels .level-row').first().locator('.level-value').fill('20')
    await expect.poll(() => row(1).locator('.draft-amount').textContent()).toBe(yuan((base * 2000) / 10000))
    expect(await row(1).locator('.amount').textContent()).toBe(yuan((base * 1500) / 10000))
    expect(await row(1).textContent()).toContain('精华专享 v2')
    expect(await row(1).textContent()).toContain('精华专享 v1')

    // A new default rule with a level 2: the draft pays L2 by it, the saved rules by the programme's 3%.
    await page.locator('#rule-cancel').click()
    await page.locator('#rule-scope').selectOption('default')
    await page.locator('#levels .level-row').first().locator('.level-value').fill('8')
    await page.locator('#add-level').click()
    await page.locator('#levels .level-row').nth(1).locator('.level-value').fill('5')
    await expect.poll(() => row(2).locator('.draft-amount').textContent()).toBe(yuan((base * 500) / 10000))
    expect(await row(2).locator('.amount').textContent()).toBe(yuan((base * 300) / 10000))
    expect(await row(2).textContent()).toContain(`${draftName} v1`)
    // Level 1 is still the product rule's, in both columns.
    expect(await row(1).locator('.draft-amount').textContent()).toBe(yuan((base * 1500) / 10000))

    // Nothing was saved.
    expect(await storedVersions()).toEqual([['精华专享', 1]])
  })
})
