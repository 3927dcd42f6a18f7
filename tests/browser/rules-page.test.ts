import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { api, demoBrand, launchChromium, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page

/** A product with a category, for a category rule to apply to. */
const CREAM = { sku: 'CAM-CREAM-50', name: '山茶花保湿面霜', price: 25900, category: 'skincare' }
const QTY = 3

/** Minor units of CNY as the console shows them, by integer arithmetic. */
const yuan = (minor: number) => `¥${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`

async function signIn(p: Page, key: string): Promise<void> {
  await p.goto(`${server.baseUrl}/console`)
  await p.locator('#api-key').fill(key)
  await p.getByRole('button', { name: '登录' }).click()
  await p.waitForURL(`${server.baseUrl}/console`)
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  const r = await api(server.baseUrl, 'POST', '/api/products', brand.adminKey, {
    ...CREAM,
    url: `${server.baseUrl}/demo-shop/p/${CREAM.sku}`,
  })
  if (r.status !== 201) throw new Error(`product: ${r.status}`)
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await signIn(page, brand.adminKey)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const ruleRow = () => page.locator('tr.rule', { hasText: '护肤品类佣金' })
const levelRow = (i: number) => page.locator('#levels .level-row').nth(i)
const previewAmount = (level: number) => page.locator(`#preview-rows tr.preview-level[data-level="${level}"] .amount`)
const storedNames = async () =>
  (await api<{ items: Array<{ name: string }> }>(server.baseUrl, 'GET', '/api/rules', brand.adminKey)).body.items.map(
    (r) => r.name,
  )
const storedRules = async () =>
  (
    await api<{ items: Array<{ id: string; levels: unknown[]; version: number }> }>(
      server.baseUrl,
      'GET',
      '/api/rules',
      brand.adminKey,
    )
  ).body.items

describe('the commission-rules console page', () => {
  it('is linked from the console nav and server-renders the empty groups', async () => {
    await page.locator('#nav-rules').click()
    await page.waitForURL(`${server.baseUrl}/console/rules`)
    expect(await page.locator('#nav-rules').getAttribute('aria-current')).toBe('page')
    expect(await page.locator('#nav-rules').textContent()).toBe('佣金规则')
    expect(await page.locator('#rules h2').textContent()).toBe('佣金规则')
    expect(
      await page.locator('.rule-group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.scope)),
    ).toEqual(['product', 'category', 'campaign', 'default'])
    expect(await page.locator('#programme-default').textContent()).toContain('L1 10.00% · L2 3.00%')
  })

  it('creates a category rule with two percent levels', async () => {
    await page.locator('#rule-name').fill('护肤品类佣金')
    await page.locator('#rule-scope').selectOption('category')
    await page.locator('#rule-target').fill('skincare')
    await levelRow(0).locator('.level-value').fill('12.5')
    await page.locator('#add-level').click()
    await levelRow(1).locator('.level-value').fill('3')
    // The programme has two levels: no third row.
    expect(await page.locator('#add-level').isDisabled()).toBe(true)
    await page.locator('#rule-save').click()
    await expect.poll(() => ruleRow().count()).toBe(1)
    expect(await ruleRow().locator('.rates').textContent()).toBe('L1 12.50% · L2 3.00%')
    expect(await ruleRow().locator('.version').textContent()).toBe('v1')
    expect(await ruleRow().locator('.target').textContent()).toBe('skincare')
    expect(await ruleRow().locator('xpath=ancestor::section[1]').getAttribute('data-scope')).toBe('category')
    // Parsed exactly: 12.5% is 1250 bps, 3% is 300.
    expect((await storedRules()).map((r) => r.levels)).toEqual([[{ bps: 1250 }, { bps: 300 }]])
    // And it is there when the page is rendered afresh by the server.
    await page.reload()
    expect(await ruleRow().locator('.rates').textContent()).toBe('L1 12.50% · L2 3.00%')
  })

  it("shows the API's field error beside a bad level, then saves the edit as version 2", async () => {
    await ruleRow().locator('.edit').click()
    expect(await page.locator('#form-title').textContent()).toContain('护肤品类佣金 (v1)')
    expect(await levelRow(0).locator('.level-value').inputValue()).toBe('12.50')
    await levelRow(0).locator('.level-value').fill('150')
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/rules/') && r.request().method() === 'PUT'),
      page.locator('#rule-save').click(),
    ])
    expect(res.status()).toBe(422)
    const error = levelRow(0).locator('.level-error')
    await expect.poll(() => error.isVisible()).toBe(true)
    expect(await error.textContent()).toBe('最多 10000 个基点（100%）。')
    expect(await levelRow(0).locator('.level-value').getAttribute('aria-invalid')).toBe('true')
    expect(await ruleRow().locator('.version').textContent()).toBe('v1')

    await levelRow(0).locator('.level-value').fill('12.5')
    await page.locator('#rule-cap').fill('500.00')
    await page.locator('#rule-save').click()
    await expect.poll(() => ruleRow().locator('.version').textContent()).toBe('v2')
    expect(await ruleRow().locator('.cap').textContent()).toBe('¥500.00')
    expect(await levelRow(0).locator('.level-error').isVisible()).toBe(false)
    expect(await page.locator('#form-title').textContent()).toBe('新建规则')
  })

  it("previews a guide's commissions for a skincare product, computed by the server", async () => {
    await page.locator('#preview-product').selectOption(CREAM.sku)
    await page.locator('#preview-qty').fill(String(QTY))
    await page.locator('#preview-type').selectOption('guide')
    const base = CREAM.price * QTY
    await expect.poll(() => previewAmount(1).textContent()).toBe(yuan(Math.floor((base * 1250) / 10000)))
    expect(await previewAmount(2).textContent()).toBe(yuan(Math.floor((base * 300) / 10000)))
    expect(await page.locator('#preview-base').textContent()).toBe(yuan(base))
    expect(await page.locator('#preview-rows tr[data-level="1"]').textContent()).toContain('护肤品类佣金 v2')
  })

  it('deletes the rule after confirmation, and the preview falls back to the programme default', async () => {
    page.once('dialog', (d) => void d.accept())
    await ruleRow().locator('.delete').click()
    await expect.poll(() => ruleRow().count()).toBe(0)
    expect(await storedRules()).toEqual([])
    await expect.poll(() => previewAmount(1).textContent()).toBe(yuan(Math.floor((CREAM.price * QTY * 1000) / 10000)))
  })

  it('sends a fixed amount as the typed decimal string, and previews it per item', async () => {
    await page.locator('#rule-name').fill('精华固定佣金')
    await page.locator('#rule-scope').selectOption('product')
    await page.locator('#rule-target').fill(CREAM.sku)
    await levelRow(0).locator('.level-kind').selectOption('fixed')
    expect(await levelRow(0).locator('.level-unit').textContent()).toBe('¥')
    await levelRow(0).locator('.level-value').fill('10.05')
    const [req] = await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/api/rules') && r.method() === 'POST'),
      page.locator('#rule-save').click(),
    ])
    expect(req.postDataJSON()).toMatchObject({ scope: 'product', target: CREAM.sku, levels: [{ fixed: '10.05' }] })
    const row = page.locator('tr.rule', { hasText: '精华固定佣金' })
    await expect.poll(() => row.locator('.rates').textContent()).toBe('L1 ¥10.05 / 件')
    // Level 1 pays 1005 fen per item; level 2 has no rule at product scope, so the programme's 3% pays.
    await expect.poll(() => previewAmount(1).textContent()).toBe(yuan(1005 * QTY))
    expect(await previewAmount(2).textContent()).toBe(yuan(Math.floor((CREAM.price * QTY * 300) / 10000)))
    page.once('dialog', (d) => void d.accept())
    await row.locator('.delete').click()
    await expect.poll(() => row.count()).toBe(0)
  })

  it("shows the API's error beside the target of a campaign rule whose campaign does not exist, and saves once it does", async () => {
    await page.locator('#rule-name').fill('双十一加码')
    await page.locator('#rule-scope').selectOption('campaign')
    await page.locator('#rule-target').fill('double11')
    await levelRow(0).locator('.level-value').fill('15')
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/rules') && r.request().method() === 'POST'),
      page.locator('#rule-save').click(),
    ])
    expect(res.status()).toBe(422)
    const error = page.locator('[data-error-for="target"]')
    await expect.poll(() => error.isVisible()).toBe(true)
    expect(await error.textContent()).toBe('没有此编号的活动，请先在“商品”页创建。')
    expect(await page.locator('#rule-target').getAttribute('aria-invalid')).toBe('true')
    expect(await storedRules()).toEqual([])

    const made = await api(server.baseUrl, 'POST', '/api/campaigns', brand.adminKey, {
      id: 'double11',
      name: '双十一',
      startsAt: '2025-11-11T00:00:00+08:00',
      endsAt: '2025-11-12T00:00:00+08:00',
    })
    expect(made.status).toBe(201)
    await page.locator('#rule-save').click()
    const row = page.locator('tr.rule', { hasText: '双十一加码' })
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.locator('xpath=ancestor::section[1]').getAttribute('data-scope')).toBe('campaign')
    expect(await error.isVisible()).toBe(false)
  })

  it('reads, validates, saves, previews and deletes in English, with the nav in English only', async () => {
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=en/)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.title()).toBe('Commission rules · Ripple Console')
    expect(await page.locator('nav.console-nav a').allTextContents()).toEqual([
      'Home',
      'Commission rules',
      'Programme',
      'Products',
      'Distributors',
      'Import staff',
      'Settlements',
      'Keys',
    ])
    expect(await page.locator('#console-name').textContent()).toBe('Ripple Console')
    expect(await page.locator('#sign-out').textContent()).toBe('Sign out')
    expect(await page.locator('#lang-switch').textContent()).toBe('中文')
    expect(await page.locator('#rules h2').textContent()).toBe('Commission rules')
    expect(await page.locator('.rule-group[data-scope="product"] h3').textContent()).toBe('Product rules (0)')
    expect(await page.locator('#programme-default').textContent()).toBe(
      'When no rule applies, the programme default pays: L1 10.00% · L2 3.00%',
    )
    expect(await page.locator('#form-title').textContent()).toBe('New rule')
    expect(await page.locator('label[for="rule-name"]').textContent()).toBe('Name')
    expect(await page.locator('#rule-scope option').allTextContents()).toEqual([
      'Product',
      'Category',
      'Campaign',
      'Default',
    ])
    expect(await page.locator('label[for="rule-cap"]').textContent()).toBe('Cap per order (¥) optional')
    expect(await page.locator('#preview h2').textContent()).toBe('Live preview')
    expect(await page.locator('#preview-table th').allTextContents()).toEqual([
      'Level',
      'Saved rules',
      'Unsaved rule',
      ...['Rule', 'Rate', 'Commission'],
      ...['Rule', 'Rate', 'Commission'],
    ])

    // The script's own check, in English: nothing is sent for a percent it cannot read.
    await page.locator('#rule-name').fill('Serum per item')
    await page.locator('#rule-scope').selectOption('product')
    expect(await page.locator('#target-hint').textContent()).toBe('Product SKU')
    await page.locator('#rule-target').fill(CREAM.sku)
    await page.locator('label.check', { hasText: 'Guide' }).locator('input').check()
    await levelRow(0).locator('.level-value').fill('abc')
    await page.locator('#rule-save').click()
    const error = levelRow(0).locator('.level-error')
    await expect.poll(() => error.isVisible()).toBe(true)
    expect(await error.textContent()).toBe('Enter a percent with at most 2 decimals, such as 12.5.')
    expect(await levelRow(0).locator('.level-value').getAttribute('aria-invalid')).toBe('true')
    expect(await storedNames()).not.toContain('Serum per item')

    await levelRow(0).locator('.level-kind').selectOption('fixed')
    await levelRow(0).locator('.level-value').fill('10.05')
    await page.locator('#rule-save').click()
    await expect.poll(() => page.locator('#form-status').textContent()).toBe('Saved: Serum per item v1')
    const row = page.locator('tr.rule', { hasText: 'Serum per item' })
    expect(await row.locator('.rates').textContent()).toBe('L1 ¥10.05 / item')
    expect(await row.locator('.types').textContent()).toBe('Guide')
    expect(await row.locator('.cap').textContent()).toBe('No cap')
    expect(await row.locator('button').allTextContents()).toEqual(['Edit', 'Delete'])

    await page.locator('#preview-product').selectOption(CREAM.sku)
    await page.locator('#preview-qty').fill(String(QTY))
    await page.locator('#preview-type').selectOption('guide')
    expect(await page.locator('#preview-type option:checked').textContent()).toBe('Guide')
    // The saved rules' four cells; the unsaved draft's columns follow them (tests/browser/rules-draft-preview.test.ts).
    const cells = async (level: number) =>
      (await page.locator(`#preview-rows tr[data-level="${level}"] td`).allTextContents()).slice(0, 4)
    await expect.poll(() => cells(1)).toEqual(['L1', 'Serum per item v1', '¥10.05 / item', yuan(1005 * QTY)])
    expect(await cells(2)).toEqual([
      'L2',
      'Programme default',
      '3.00%',
      yuan(Math.floor((CREAM.price * QTY * 300) / 10000)),
    ])

    let asked = ''
    page.once('dialog', (d) => {
      asked = d.message()
      void d.accept()
    })
    await row.locator('.delete').click()
    await expect.poll(() => row.count()).toBe(0)
    expect(asked).toBe('Delete the rule "Serum per item"? Entries already recorded keep it.')
    expect(await page.locator('#form-status').textContent()).toBe('Deleted: Serum per item')

    // Remembered in the cookie until switched back.
    await page.reload()
    expect(await page.locator('#nav-rules').textContent()).toBe('Commission rules')
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=zh/)
    expect(await page.locator('#nav-rules').textContent()).toBe('佣金规则')
    expect(await page.locator('#form-title').textContent()).toBe('新建规则')
  })

  it('tells a finance key that rules are for admins only, and sends a signed-out visitor to sign in', async () => {
    const finance = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const p = await finance.newPage()
    await signIn(p, brand.financeKey)
    const res = await p.goto(`${server.baseUrl}/console/rules`)
    expect(res?.status()).toBe(403)
    expect(await p.locator('#admins-only p').textContent()).toBe('此页面只有品牌管理员可以使用，请使用管理员密钥登录。')
    // The nav offers finance only its own pages.
    expect(await p.locator('#nav-rules').count()).toBe(0)
    expect(await p.locator('nav.console-nav a').allTextContents()).toEqual(['首页', '结算'])
    expect(await p.locator('#rule-form').count()).toBe(0)
    await finance.clearCookies()
    await p.goto(`${server.baseUrl}/console/rules`)
    expect(new URL(p.url()).pathname).toBe('/console')
    expect(await p.locator('#api-key').count()).toBe(1)
    await finance.close()
  })
})
