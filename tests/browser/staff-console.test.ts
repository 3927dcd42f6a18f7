import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { api, demoBrand, launchChromium, startServer } from './harness'
import { encodeGbk } from '../support/gbk'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page

const HEADER = '姓名,类型,工号,门店/部门,推荐人工号'
const BAD = [HEADER, '张店长,员工,E001,徐汇店,', '李四,店员,E002,徐汇店,E001', '王五,导购,E001,静安店,', '赵六,导购,E004,静安店,X999'].join('\r\n')
const GOOD = [HEADER, '张店长,员工,E001,徐汇店,', '李导购,导购,E002,徐汇店,E001', '王导购,导购,E003,徐汇店,E001', '赵接任,导购,E004,徐汇店,'].join('\r\n')

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage()
  await page.goto(`${server.baseUrl}/console`)
  await page.locator('#api-key').fill(brand.adminKey)
  await page.getByRole('button', { name: '登录' }).click()
  await page.waitForURL(`${server.baseUrl}/console`)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

const errorRows = () => page.locator('#import-errors tr.import-error')

describe('the staff import console page', () => {
  it('lists a bad file\'s problems by line, field and reason, in Chinese, before anything is written', async () => {
    await page.locator('#nav-import').click()
    await page.waitForURL(`${server.baseUrl}/console/import`)
    await page.locator('#import-file').setInputFiles({ name: '员工.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) })
    await page.locator('#import-check').click()
    await expect.poll(() => errorRows().count()).toBe(3)
    const rows = await errorRows().evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)))
    expect(rows).toEqual([
      ['3', '类型', '未知类型'],
      ['4', '工号', '工号重复'],
      ['5', '推荐人工号', '推荐人不存在'],
    ])
    expect(await page.locator('#import-summary-text').textContent()).toContain('共 4 行，可导入 1 行')
    const list = await api<{ items: unknown[] }>(server.baseUrl, 'GET', '/api/distributors', brand.adminKey)
    expect(list.body.items).toEqual([])
  })

  it('imports a good GBK file with progress and shows the counts', async () => {
    await page.locator('#import-file').setInputFiles({ name: '员工-gbk.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeGbk(GOOD)) })
    await page.locator('#import-check').click()
    await expect.poll(() => page.locator('#import-summary-text').textContent()).toContain('可导入 4 行（新建 4')
    expect(await errorRows().count()).toBe(0)
    await page.locator('#import-run').click()
    await expect.poll(() => page.locator('#import-status').textContent()).toContain('导入完成')
    expect(await page.locator('#count-created').textContent()).toBe('4')
    expect(await page.locator('#count-failed').textContent()).toBe('0')
    expect(await page.locator('#import-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(4)
  })

  it('records a guide leaving and shows the hand-over to the successor', async () => {
    const list = await api<{ items: Array<{ id: string; externalId: string; name: string }> }>(server.baseUrl, 'GET', '/api/distributors', brand.adminKey)
    const byExt = new Map(list.body.items.map((d) => [d.externalId, d]))
    const leaver = byExt.get('E002')!
    // From the distributor page's staff-left card to the hand-over page.
    await page.goto(`${server.baseUrl}/console/distributors/${leaver.id}`)
    await page.locator('#staff-left-link').click()
    await page.waitForURL(`${server.baseUrl}/console/distributors/${leaver.id}/leave`)
    await page.locator('#successor-query').fill('E004')
    await page.locator('#successor-find').click()
    await expect.poll(() => page.locator('#successor-found').textContent()).toContain('赵接任')
    await page.locator('#leave-submit').click()
    await page.waitForSelector('#handover-status[data-status="done"]')
    expect(await page.locator('#handover-status').textContent()).toContain('已完成')
    expect(await page.locator('#handover-successor').textContent()).toBe(byExt.get('E004')!.id)
    // The distributor page shows the hand-over too.
    await page.goto(`${server.baseUrl}/console/distributors/${leaver.id}`)
    expect(await page.locator('#staff-left #handover-status').getAttribute('data-status')).toBe('done')
    const after = await api<{ status: string }>(server.baseUrl, 'GET', `/api/distributors/${leaver.id}`, brand.adminKey)
    expect(after.body.status).toBe('left')
  })
})
