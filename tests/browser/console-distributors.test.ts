import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { answerConfirm, api, demoBrand, launchChromium, PHONE_CHROME_UA, signInConsole, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page
const ids: Record<string, string> = {}

async function add(name: string, body: Record<string, unknown>) {
  const r = await api<{ id: string }>(server.baseUrl, 'POST', '/api/distributors', brand.adminKey, { name, ...body })
  if (r.status !== 201) throw new Error(`distributor: ${r.status} ${JSON.stringify(r.body)}`)
  ids[name] = r.body.id
  return r.body.id
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  const boss = await add('王店长', { type: 'employee', store: '静安店', externalId: 'HR-001' })
  const guide = await add('李导购', { type: 'guide', parentId: boss, store: '静安店' })
  await add('会员小王', { type: 'member', parentId: guide })
  await add('会员小李', { type: 'member', parentId: guide })
  await add('陈导购', { type: 'guide', status: 'pending' })
  await add('外部媒体甲', { type: 'media' })
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await signInConsole(page, server.baseUrl, brand.adminKey)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const names = () => page.locator('tr.distributor td.name').allTextContents()

describe('the distributors pages', () => {
  it('filters by type and searches by name', async () => {
    await page.locator('#nav-distributors').click()
    await page.waitForURL(`${server.baseUrl}/console/distributors`)
    expect(await names()).toEqual(['王店长', '李导购', '会员小王', '会员小李', '陈导购', '外部媒体甲'])
    await page.locator('#f-type').selectOption('guide')
    await page.locator('#filter-submit').click()
    await page.waitForURL(/type=guide/)
    expect(await names()).toEqual(['李导购', '陈导购'])
    await page.locator('#f-type').selectOption('')
    await page.locator('#f-q').fill('小')
    await page.locator('#filter-submit').click()
    await page.waitForURL(/q=/)
    expect(await names()).toEqual(['会员小王', '会员小李'])
    await page.locator('#f-q').fill('HR-001')
    await page.locator('#f-status').selectOption('active')
    await page.locator('#filter-submit').click()
    await page.waitForURL(/status=active/)
    expect(await names()).toEqual(['王店长'])
  })

  it("shows the API's error beside a bad filter", async () => {
    const res = await page.goto(`${server.baseUrl}/console/distributors?ring=0`)
    expect(res?.status()).toBe(422)
    expect(await page.locator('[data-error-for="ring"]').textContent()).toBe('Rings start at 1.')
    expect(await page.locator('#f-ring').inputValue()).toBe('0')
  })

  it('opens a distributor: chain upward, team downward, earnings and invite QR', async () => {
    await page.goto(`${server.baseUrl}/console/distributors?q=${encodeURIComponent('李导购')}`)
    await page.locator('tr.distributor a', { hasText: '李导购' }).click()
    await page.waitForURL(`${server.baseUrl}/console/distributors/${ids.李导购}`)
    expect(await page.locator('#distributor-name').textContent()).toBe('李导购')
    expect(await page.locator('#chain .ancestor').allTextContents()).toEqual(['王店长 员工'])
    expect(await page.locator('#team-counts [data-level="1"] dd').textContent()).toBe('2')
    expect(await page.locator('tr.recruit a').allTextContents()).toEqual(['会员小王', '会员小李'])
    expect(await page.locator('#earnings [data-status="pending"] dd').textContent()).toBe('¥0.00')
    expect(await page.locator('#invite-url').textContent()).toMatch(/\/m\/join\/[A-Z0-9]{12}$/)
    expect(await page.locator('#invite .qr svg').count()).toBe(1)
    // Up the chain by its link.
    await page.locator('#chain .ancestor a').click()
    expect(await page.locator('#distributor-name').textContent()).toBe('王店长')
    expect(await page.locator('#team-counts dd').allTextContents()).toEqual(['1', '2'])
  })

  it('approves a pending distributor, then suspends and reactivates them', async () => {
    await page.goto(`${server.baseUrl}/console/distributors/${ids.陈导购}`)
    expect(await page.locator('#profile-status').textContent()).toBe('待审核')
    await page.locator('#approve').click()
    await expect.poll(() => page.locator('#profile-status').textContent()).toBe('正常')
    expect(
      (await api<{ status: string }>(server.baseUrl, 'GET', `/api/distributors/${ids.陈导购}`, brand.adminKey)).body
        .status,
    ).toBe('active')
    await page.locator('#suspend').click()
    const asked = await answerConfirm(page, false)
    expect(asked).toContain('暂停分销员「陈导购」？')
    expect(asked).toContain('陈导购 将立即退出所有设备，且不能再登录。')
    expect(await page.locator('#profile-status').textContent()).toBe('正常')
    await page.locator('#suspend').click()
    await answerConfirm(page, true)
    await expect.poll(() => page.locator('#profile-status').textContent()).toBe('已暂停')
    await page.locator('#reactivate').click()
    await expect.poll(() => page.locator('#profile-status').textContent()).toBe('正常')
  })

  it('changes the type and sets the store', async () => {
    await page.locator('#f-type').selectOption('offline_rep')
    await page.locator('#save-type').click()
    await expect.poll(() => page.locator('#profile-type').textContent()).toBe('线下客户代表')
    await page.locator('#f-store').fill('徐汇店')
    await page.locator('#save-store').click()
    await expect.poll(() => page.locator('#profile-store').textContent()).toBe('徐汇店')
    // Past the browser's maxlength: the API's own limit answers beside the field.
    await page.locator('#f-store').evaluate((el) => el.removeAttribute('maxlength'))
    await page.locator('#f-store').fill('x'.repeat(65))
    await page.locator('#save-store').click()
    await expect.poll(() => page.locator('#actions-form [data-error-for="store"]').isVisible()).toBe(true)
  })

  it('mints a sign-in link shown with a QR, which signs the distributor in on a phone', async () => {
    await page.locator('#sign-in-link').click()
    const url = page.locator('#sign-in-url')
    await expect.poll(() => url.getAttribute('data-url')).toMatch(/\/m\/sign-in\/[A-Za-z0-9_-]{20,64}$/)
    expect(await page.locator('#sign-in-qr svg').count()).toBe(1)
    const phone = await browser.newContext({
      viewport: { width: 375, height: 812 },
      isMobile: true,
      userAgent: PHONE_CHROME_UA,
    })
    const p = await phone.newPage()
    await p.goto((await url.getAttribute('data-url')) ?? '')
    expect(await p.locator('#hello').textContent()).toBe('你好，陈导购')
    await phone.close()
  })

  it('reads in English after the switch', async () => {
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=en/)
    expect(await page.locator('#chain h2').textContent()).toBe('Chain upward')
    expect(await page.locator('#profile-type').textContent()).toBe('Offline rep')
    expect(await page.locator('#sign-in-link').textContent()).toBe('Create sign-in link')
    await page.goto(`${server.baseUrl}/console/distributors?lang=zh`)
  })
})
