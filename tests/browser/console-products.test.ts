import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { answerConfirm, api, demoBrand, launchChromium, SERUM, signInConsole, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  // UTC+8, as the brand's staff: campaign times are typed in local time and stored in UTC.
  page = await (
    await browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'Asia/Shanghai' })
  ).newPage()
  await signInConsole(page, server.baseUrl, brand.adminKey)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

type StoredProduct = { sku: string; name: string; price: number; active: boolean; category?: string }
const products = async () =>
  (await api<{ items: StoredProduct[] }>(server.baseUrl, 'GET', '/api/products', brand.adminKey)).body.items
const productRow = (sku: string) => page.locator(`tr.product[data-sku="${sku}"]`)

describe('the products and campaigns page', () => {
  it('lists the catalogue, linked from the nav', async () => {
    await page.locator('#nav-products').click()
    await page.waitForURL(`${server.baseUrl}/console/products`)
    expect(await page.locator('tr.product td.sku').allTextContents()).toEqual(['CAM-LIP-01', 'CAM-SERUM-30'])
    expect(await productRow(SERUM.sku).locator('.price').textContent()).toBe('¥299.00')
  })

  it("adds a product with the price as typed, and shows the API's errors beside the fields", async () => {
    await page.locator('#f-sku').fill('CAM-MASK-05')
    await page.locator('#f-name').fill('山茶花面膜')
    await page.locator('#f-price').fill('59.9')
    await page.locator('#f-url').fill('javascript:alert(1)')
    await page.locator('#product-save').click()
    await expect.poll(() => page.locator('#product-form [data-error-for="url"]').isVisible()).toBe(true)
    expect(await page.locator('#f-url').getAttribute('aria-invalid')).toBe('true')

    await page.locator('#f-url').fill(`${server.baseUrl}/demo-shop/p/CAM-MASK-05`)
    await page.locator('#f-category').fill('skincare')
    await page.locator('#product-save').click()
    await expect.poll(() => productRow('CAM-MASK-05').count()).toBe(1)
    expect(await productRow('CAM-MASK-05').locator('.price').textContent()).toBe('¥59.90')
    expect((await products()).find((p) => p.sku === 'CAM-MASK-05')).toMatchObject({
      price: 5990,
      active: true,
      category: 'skincare',
    })
  })

  it('edits a product by SKU', async () => {
    await productRow(SERUM.sku).getByRole('button', { name: '编辑' }).click()
    expect(await page.locator('#f-sku').inputValue()).toBe(SERUM.sku)
    expect(await page.locator('#f-sku').getAttribute('readonly')).not.toBeNull()
    expect(await page.locator('#f-price').inputValue()).toBe('299.00')
    await page.locator('#f-price').fill('279')
    await page.locator('#product-save').click()
    await expect.poll(() => productRow(SERUM.sku).locator('.price').textContent()).toBe('¥279.00')
  })

  it('deactivates a product and reactivates it', async () => {
    await productRow('CAM-MASK-05').getByRole('button', { name: '停用' }).click()
    const asked = await answerConfirm(page, false)
    expect(asked).toMatch(/^停用商品「.+」？/)
    expect(asked).toContain('（CAM-MASK-05）将从分销员的商品列表中移除')
    expect((await products()).find((p) => p.sku === 'CAM-MASK-05')?.active).toBe(true)
    await productRow('CAM-MASK-05').getByRole('button', { name: '停用' }).click()
    await answerConfirm(page, true)
    await expect.poll(() => productRow('CAM-MASK-05').locator('.status').textContent()).toBe('已停用')
    expect((await products()).find((p) => p.sku === 'CAM-MASK-05')).toMatchObject({
      active: false,
      price: 5990,
      category: 'skincare',
    })
    await productRow('CAM-MASK-05').getByRole('button', { name: '重新上架' }).click()
    await expect.poll(() => productRow('CAM-MASK-05').locator('.status').textContent()).toBe('上架')
  })

  it('creates a campaign in local time, edits and deactivates it', async () => {
    await page.locator('#c-id').fill('double11')
    await page.locator('#c-name').fill('双十一大促')
    await page.locator('#c-startsAt').fill('2025-11-01T00:00')
    await page.locator('#c-endsAt').fill('2025-10-01T00:00')
    await page.locator('#campaign-save').click()
    // The API's own error, beside the end time.
    await expect
      .poll(() => page.locator('#campaign-form [data-error-for="endsAt"]').textContent())
      .toBe('结束时间须晚于开始时间。')
    await page.locator('#c-endsAt').fill('2025-11-12T00:00')
    await page.locator('#campaign-save').click()
    const row = page.locator('tr.campaign[data-id="double11"]')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.locator('.name').textContent()).toBe('双十一大促')
    const stored = await api<{ startsAt: string; endsAt: string; active: boolean }>(
      server.baseUrl,
      'GET',
      '/api/campaigns/double11',
      brand.adminKey,
    )
    expect(stored.body).toMatchObject({
      startsAt: '2025-10-31T16:00:00.000Z',
      endsAt: '2025-11-11T16:00:00.000Z',
      active: true,
    })
    // Shown in local time again.
    expect(await row.locator('time').first().textContent()).toBe('2025-11-01 00:00')

    await row.getByRole('button', { name: '编辑' }).click()
    expect(await page.locator('#c-startsAt').inputValue()).toBe('2025-11-01T00:00')
    await page.locator('#c-name').fill('双十一')
    await page.locator('#campaign-save').click()
    await expect.poll(() => row.locator('.name').textContent()).toBe('双十一')

    await row.getByRole('button', { name: '停用' }).click()
    await expect.poll(() => row.locator('.status').textContent()).toBe('已停用')
    expect(
      (await api<{ active: boolean }>(server.baseUrl, 'GET', '/api/campaigns/double11', brand.adminKey)).body.active,
    ).toBe(false)
  })

  it('offers the campaign ids as targets of a campaign-scope rule', async () => {
    await page.locator('#nav-rules').click()
    await page.waitForURL(`${server.baseUrl}/console/rules`)
    await page.locator('#rule-scope').selectOption('campaign')
    expect(await page.locator('#rule-target').getAttribute('list')).toBe('campaigns')
    expect(
      await page
        .locator('#campaigns option')
        .evaluateAll((els) => els.map((e) => [(e as HTMLOptionElement).value, e.textContent])),
    ).toEqual([['double11', '双十一']])
  })
})
