import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { answerConfirm, api, demoBrand, launchChromium, startServer } from './harness'
import { encodeGbk } from '../support/gbk'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page

const HEADER = '姓名,类型,工号,门店/部门,推荐人工号'
const BAD = [
  HEADER,
  '张店长,员工,E001,徐汇店,',
  '李四,店员,E002,徐汇店,E001',
  '王五,导购,E001,静安店,',
  '赵六,导购,E004,静安店,X999',
].join('\r\n')
const GOOD = [
  HEADER,
  '张店长,员工,E001,徐汇店,',
  '李导购,导购,E002,徐汇店,E001',
  '王导购,导购,E003,徐汇店,E001',
  '赵接任,导购,E004,徐汇店,',
].join('\r\n')

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
  it("lists a bad file's problems by line, field and reason, in Chinese, before anything is written", async () => {
    await page.locator('#nav-import').click()
    await page.waitForURL(`${server.baseUrl}/console/import`)
    await page
      .locator('#import-file')
      .setInputFiles({ name: '员工.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) })
    await page.locator('#import-check').click()
    await expect.poll(() => errorRows().count()).toBe(3)
    const rows = await errorRows().evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    )
    expect(rows).toEqual([
      [
        '3',
        '类型',
        '未知类型',
        '未知类型「店员」，可用：员工、导购、线上客户代表、线下客户代表、会员、异业合作、媒体。',
      ],
      ['4', '工号', '工号重复', '工号 E001 与第 2 行重复。'],
      ['5', '推荐人工号', '推荐人不存在', '推荐人工号 X999 不在文件中，也不是本品牌的分销员。'],
    ])
    expect(await page.locator('#import-summary-text').textContent()).toBe(
      '共 4 行，可导入 1 行（新建 1，已存在 0），有问题 3 处。编码 utf-8。',
    )
    const list = await api<{ items: unknown[] }>(server.baseUrl, 'GET', '/api/distributors', brand.adminKey)
    expect(list.body.items).toEqual([])
  })

  it('offers a template in the page language that the check accepts as it is', async () => {
    // English first: a ?lang= request also sets the language cookie, and the later tests expect Chinese.
    for (const lang of ['en', 'zh'] as const) {
      const link = page.locator('#import-template')
      const template = await page.evaluate(
        async (href) => {
          const r = await fetch(href)
          return { type: r.headers.get('content-type'), bytes: [...new Uint8Array(await r.arrayBuffer())] }
        },
        `${(await link.getAttribute('href'))?.replace(/lang=\w+/, `lang=${lang}`)}`,
      )
      expect(template.type).toBe('text/csv; charset=utf-8')
      expect(template.bytes.slice(0, 3)).toEqual([0xef, 0xbb, 0xbf])
      const text = Buffer.from(template.bytes.slice(3)).toString('utf8')
      const lines = text.split('\r\n')
      expect(lines[0]).toBe(lang === 'zh' ? HEADER : 'name,type,external_id,store,recruiter_external_id')
      expect(lines).toHaveLength(5)
      expect(lines[4]).toBe('')
      // Checked through the page as a user would upload it: three valid rows, nothing written.
      await page
        .locator('#import-file')
        .setInputFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(template.bytes) })
      await page.locator('#import-check').click()
      await expect.poll(() => page.locator('#import-summary-text').textContent()).toContain('可导入 3 行（新建 3')
      expect(await errorRows().count()).toBe(0)
    }
    expect(
      (await api<{ items: unknown[] }>(server.baseUrl, 'GET', '/api/distributors', brand.adminKey)).body.items,
    ).toEqual([])
  })

  it('imports a good GBK file with progress and shows the counts', async () => {
    await page
      .locator('#import-file')
      .setInputFiles({ name: '员工-gbk.csv', mimeType: 'text/csv', buffer: Buffer.from(encodeGbk(GOOD)) })
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
    const list = await api<{ items: Array<{ id: string; externalId: string; name: string }> }>(
      server.baseUrl,
      'GET',
      '/api/distributors',
      brand.adminKey,
    )
    const byExt = new Map(list.body.items.map((d) => [d.externalId, d]))
    const leaver = byExt.get('E002')!
    // From the distributor page's staff-left card to the hand-over page.
    await page.goto(`${server.baseUrl}/console/distributors/${leaver.id}`)
    await page.locator('#staff-left-link').click()
    await page.waitForURL(`${server.baseUrl}/console/distributors/${leaver.id}/leave`)
    await page.locator('#successor-query').fill('E004')
    await page.locator('#successor-find').click()
    await expect.poll(() => page.locator('#successor-found').textContent()).toContain('赵接任')
    // The confirmation names the leaver, the successor, what moves, and that it cannot be undone; cancel does nothing.
    await page.locator('#leave-submit').click()
    const asked = await answerConfirm(page, false)
    expect(asked).toContain(`由「赵接任」接手「${leaver.name}」的工作？`)
    expect(asked).toMatch(/\d+ 位绑定客户改绑给 赵接任/)
    expect(asked).toMatch(/\d+ 位直接下级（连同各自的团队）转到 赵接任 名下/)
    expect(asked).toContain('此操作不可撤销。')
    const before = await api<{ status: string }>(
      server.baseUrl,
      'GET',
      `/api/distributors/${leaver.id}`,
      brand.adminKey,
    )
    expect(before.body.status).toBe('active')
    await page.locator('#leave-submit').click()
    await answerConfirm(page, true)
    await page.waitForSelector('#handover-status[data-status="done"]')
    expect(await page.locator('#handover-status').textContent()).toContain('已完成')
    expect(await page.locator('#handover-successor').textContent()).toBe(byExt.get('E004')!.id)
    // The distributor page shows the hand-over too.
    await page.goto(`${server.baseUrl}/console/distributors/${leaver.id}`)
    expect(await page.locator('#staff-left #handover-status').getAttribute('data-status')).toBe('done')
    const after = await api<{ status: string }>(server.baseUrl, 'GET', `/api/distributors/${leaver.id}`, brand.adminKey)
    expect(after.body.status).toBe('left')
  })

  it("works in English: the import page, a bad row's reason and details, leaving and the hand-over", async () => {
    await page.goto(`${server.baseUrl}/console/import`)
    expect(await page.locator('#lang-switch').textContent()).toBe('English')
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=en/)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('main h2').textContent()).toBe('Import employees and guides')
    expect(await page.locator('#nav-import').textContent()).toBe('Import staff')
    expect(await page.locator('#import-format code').allTextContents()).toEqual([
      'name',
      'type',
      'external_id',
      'store',
      'recruiter_external_id',
    ])
    expect(await page.locator('#import-errors thead th').allTextContents()).toEqual([
      'Line',
      'Field',
      'Reason',
      'Details',
    ])
    await page
      .locator('#import-file')
      .setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD) })
    await page.locator('#import-check').click()
    await expect.poll(() => errorRows().count()).toBe(3)
    const rows = await errorRows().evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    )
    expect(rows).toEqual([
      [
        '3',
        'Type',
        'Unknown type',
        'Unknown type "店员"; use employee, guide, online_rep, offline_rep, member, partner or media.',
      ],
      ['4', 'External id', 'Duplicate external id', 'External id E001 is already on line 2.'],
      ['5', 'Recruiter external id', 'Recruiter not found', 'Recruiter X999 is neither in the file nor in the brand.'],
    ])
    // E001 was imported above, so the one good row now updates it.
    expect(await page.locator('#import-summary-text').textContent()).toBe(
      '4 rows, 1 ready to import (0 new, 1 existing), 3 problems. Encoding utf-8.',
    )
    expect(await page.locator('#import-status').textContent()).toBe('Fix the rows below, or import the ready ones.')

    const list = await api<{ items: Array<{ id: string; externalId: string }> }>(
      server.baseUrl,
      'GET',
      '/api/distributors',
      brand.adminKey,
    )
    const byExt = new Map(list.body.items.map((d) => [d.externalId, d]))
    // The distributor page's staff-left card follows its page's language.
    await page.goto(`${server.baseUrl}/console/distributors/${byExt.get('E002')!.id}`)
    expect(await page.locator('#staff-left h3').textContent()).toBe('Staff left')
    expect(await page.locator('#staff-left #handover-status').textContent()).toBe('Done')
    expect(await page.locator('#staff-left dt').allTextContents()).toEqual([
      'Status',
      'Successor',
      'Customers moved',
      'Recruits moved',
      'Started',
    ])
    // The leaving page of another guide: the successor is confirmed in English; nothing is submitted.
    await page.goto(`${server.baseUrl}/console/distributors/${byExt.get('E003')!.id}/leave`)
    expect(await page.locator('#leaver h2').textContent()).toBe('Staff left: 王导购')
    expect(await page.locator('#leaver-facts').textContent()).toBe('External id E003 · 徐汇店 · Status Active')
    expect(await page.locator('label[for="successor-query"]').textContent()).toBe("Successor's external id or id")
    await page.locator('#successor-query').fill('nobody')
    await page.locator('#successor-find').click()
    await expect.poll(() => page.locator('#successor-found').textContent()).toBe('No one with that id or external id.')
    await page.locator('#successor-query').fill('E004')
    await page.locator('#successor-find').click()
    await expect.poll(() => page.locator('#successor-found').textContent()).toBe('赵接任 (徐汇店, Active)')
    expect(await page.locator('#leave-submit').textContent()).toBe('Confirm and hand over')
    // And back to Chinese.
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=zh/)
    expect(await page.locator('#leaver h2').textContent()).toBe('员工离职: 王导购')
    expect(await page.locator('#leaver-facts').textContent()).toBe('工号 E003 · 徐汇店 · 状态 正常')
  })
})
