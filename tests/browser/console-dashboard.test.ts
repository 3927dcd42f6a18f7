import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { pumpOnce } from '../../lib/local/stream-pump'
import { api, demoBrand, LIP, launchChromium, SERUM, signInConsole, startServer } from './harness'

/**
 * The brand admin's dashboard read as a person reads it: a tree over three rings
 * with orders today and one ten days ago, the counters filled from the table's
 * stream, then the ripple table in Chinese and English, the date picker, a CSV.
 *
 * Ring 1: 王芳 (employee, recruits 张伟), 李娜 (guide, idle)
 * Ring 2: 张伟 (member, under 王芳; recruits 陈晨), 赵敏 (partner, no recruiter)
 * Ring 3: 陈晨 (member, under 张伟)
 * Commission 10% to the credited distributor, 3% to its recruiter.
 */

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let brand: Awaited<ReturnType<typeof demoBrand>>
let page: Page

const DAY = 86_400_000
const dayOf = (t: number) => new Date(t).toISOString().slice(0, 10)
const today = dayOf(Date.now())
const daysAgo = (n: number) => dayOf(Date.now() - n * DAY)

async function distributor(name: string, type: string, parentId?: string) {
  const r = await api<{ id: string; inviteCode: string; ring: number }>(
    server.baseUrl,
    'POST',
    '/api/distributors',
    brand.adminKey,
    { name, type, ...(parentId ? { parentId } : {}) },
  )
  if (r.status !== 201) throw new Error(`distributor: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body
}

async function order(
  orderId: string,
  paidAt: string,
  customerId: string,
  lines: Array<{ sku: string; qty: number; unitPrice: number }>,
  refCode?: string,
) {
  const r = await api(server.baseUrl, 'POST', '/api/orders', brand.adminKey, {
    orderId,
    currency: 'CNY',
    paidAt,
    customerId,
    lines,
    ...(refCode ? { refCode } : {}),
  })
  if (r.status !== 201) throw new Error(`order: ${r.status} ${JSON.stringify(r.body)}`)
}

/** A table's text, header and footer rows included, one array per row. */
const tableText = (id: string) =>
  page
    .locator(`${id} tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [...(r as HTMLTableRowElement).cells].map((c) => (c.textContent ?? '').trim())),
    )

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  brand = await demoBrand(server.baseUrl)
  const wang = await distributor('王芳', 'employee')
  await distributor('李娜', 'guide')
  const zhang = await distributor('张伟', 'member', wang.id)
  const zhao = await distributor('赵敏', 'partner')
  const chen = await distributor('陈晨', 'member', zhang.id)
  expect([wang.ring, zhang.ring, zhao.ring, chen.ring]).toEqual([1, 2, 2, 3])
  const now = new Date().toISOString()
  await order('o-1', now, 'c-1', [{ sku: SERUM.sku, qty: 1, unitPrice: SERUM.price }], wang.inviteCode)
  await order('o-2', now, 'c-2', [{ sku: LIP.sku, qty: 2, unitPrice: LIP.price }], zhang.inviteCode)
  await order('o-3', now, 'c-1', [{ sku: SERUM.sku, qty: 1, unitPrice: SERUM.price }], chen.inviteCode)
  await order('o-4', now, 'c-3', [{ sku: LIP.sku, qty: 1, unitPrice: LIP.price }], zhao.inviteCode)
  await order('o-5', now, 'c-4', [{ sku: SERUM.sku, qty: 1, unitPrice: SERUM.price }])
  await order(
    'o-6',
    new Date(Date.now() - 10 * DAY).toISOString(),
    'c-5',
    [{ sku: 'CAM-GIFT', qty: 1, unitPrice: 50000 }],
    wang.inviteCode,
  )
  // The counters are the stream's to fill: pump it, against this file's table.
  await pumpOnce()
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage()
  await signInConsole(page, server.baseUrl, brand.adminKey)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the brand dashboard', () => {
  it('reads the ripple table in Chinese: every figure per ring, over the last 30 days by default', async () => {
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await page.locator('#range-shown').textContent()).toBe(`${daysAgo(29)} 至 ${today}，共 30 天（UTC）`)
    expect(await page.locator('#preset-last30').getAttribute('aria-current')).toBe('true')
    expect(await tableText('#ripple-table')).toEqual([
      [
        '圈层',
        '分销员',
        '活跃分销员',
        '链接',
        '点击',
        '订单',
        'GMV（CNY）',
        '佣金（CNY）',
        '新客户',
        '新招募',
        '裂变系数',
      ],
      ['第 1 圈', '2', '1', '0', '0', '2', '799.00', '84.04', '2', '1', '1.0000'],
      ['第 2 圈', '2', '2', '0', '0', '2', '207.00', '29.67', '2', '1', '0.5000'],
      ['第 3 圈', '1', '1', '0', '0', '1', '299.00', '29.90', '0', '0', '0.0000'],
      ['合计', '5', '4', '0', '0', '5', '1305.00', '143.61', '4', '2', '0.5000'],
    ])
    expect(await page.locator('#amplification strong').textContent()).toBe('0.6333')
    // The chart carries the same figures, ring 1 innermost.
    const chart = page.locator('#ripple svg[role=img]')
    expect(await chart.getAttribute('aria-label')).toBe('各圈层 GMV 涟漪图')
    expect(await chart.locator('g.legend').allTextContents()).toEqual([
      '第 1 圈 · 61.23%GMV ¥799.00 · 2 单 · 2 人',
      '第 2 圈 · 15.86%GMV ¥207.00 · 2 单 · 2 人',
      '第 3 圈 · 22.91%GMV ¥299.00 · 1 单 · 1 人',
    ])
  })

  it('shows the channels, the trend, the triangle metrics and the top distributors as tables', async () => {
    expect(await tableText('#channel-table')).toEqual([
      ['圈子', 'GMV（CNY）', '占比'],
      ['内部', '799.00', '61.23%'],
      ['外部', '506.00', '38.77%'],
      ['合计', '1305.00', '100.00%'],
    ])
    const types = await tableText('#types-table')
    expect(types.filter((r) => r[4] !== '0.00')).toEqual([
      ['类型', '圈子', '分销员', '订单', 'GMV（CNY）', '占比'],
      ['员工', '内部', '1', '2', '799.00', '61.22%'],
      ['会员 / KOC', '外部', '2', '2', '437.00', '33.49%'],
      ['异业合作伙伴', '外部', '1', '1', '69.00', '5.29%'],
      ['合计', '', '5', '5', '1305.00', '100.00%'],
    ])
    const trend = await tableText('#trend-table')
    expect(trend).toHaveLength(1 + 30 + 1)
    expect(trend.find((r) => r[0] === today)).toEqual([today, '0', '5', '1104.00', '805.00'])
    expect(trend.find((r) => r[0] === daysAgo(10))).toEqual([daysAgo(10), '0', '1', '500.00', '500.00'])
    expect(await page.locator('#metric-referral .figure-value').textContent()).toBe('80.00%')
    expect(await page.locator('#metric-repurchase .figure-value').textContent()).toBe('20.00%')
    expect(await page.locator('#metric-gmv-per-customer .figure-value').textContent()).toBe('¥326.25')
    expect(await tableText('#top-table')).toEqual([
      ['排名', '姓名', '类型', '点击', '订单', 'GMV（CNY）', '招募'],
      ['1', '王芳', '员工', '0', '2', '799.00', '1'],
      ['2', '陈晨', '会员 / KOC', '0', '1', '299.00', '0'],
      ['3', '张伟', '会员 / KOC', '0', '1', '138.00', '1'],
      ['4', '赵敏', '异业合作伙伴', '0', '1', '69.00', '0'],
    ])
  })

  it('reads the same table in English', async () => {
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=en/)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('#role').textContent()).toBe('admin')
    expect(await tableText('#ripple-table')).toEqual([
      [
        'Ring',
        'Distributors',
        'Active distributors',
        'Links',
        'Clicks',
        'Orders',
        'GMV (CNY)',
        'Commission (CNY)',
        'New customers',
        'New recruits',
        'Fission',
      ],
      ['Ring 1', '2', '1', '0', '0', '2', '799.00', '84.04', '2', '1', '1.0000'],
      ['Ring 2', '2', '2', '0', '0', '2', '207.00', '29.67', '2', '1', '0.5000'],
      ['Ring 3', '1', '1', '0', '0', '1', '299.00', '29.90', '0', '0', '0.0000'],
      ['Total', '5', '4', '0', '0', '5', '1305.00', '143.61', '4', '2', '0.5000'],
    ])
  })

  it('changes the range with the picker, keeping the language', async () => {
    await page.locator('#range-from').fill(daysAgo(6))
    await page.locator('#range-to').fill(today)
    await page.locator('#range-apply').click()
    await page.waitForURL((u) => u.searchParams.get('from') === daysAgo(6))
    const url = new URL(page.url())
    expect([url.searchParams.get('to'), url.searchParams.get('lang')]).toEqual([today, 'en'])
    expect(await page.locator('#preset-last7').getAttribute('aria-current')).toBe('true')
    // The order ten days ago has left ring 1.
    expect((await tableText('#ripple-table'))[1]).toEqual([
      'Ring 1',
      '2',
      '1',
      '0',
      '0',
      '1',
      '299.00',
      '34.04',
      '1',
      '1',
      '1.0000',
    ])
    expect(await page.locator('#amplification strong').textContent()).toBe('1.6923')
    expect(await tableText('#trend-table')).toHaveLength(1 + 7 + 1)
  })

  it('shows a range that is not valid beside its input and the default range instead', async () => {
    const res = await page.goto(`${server.baseUrl}/console?from=${today}&to=${daysAgo(3)}&lang=en`)
    expect(res?.status()).toBe(200)
    expect(await page.locator('#range-from-error').textContent()).toBe('The start must not be after the end')
    expect(await page.locator('#range-from').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#range-shown').getAttribute('data-from')).toBe(daysAgo(29))
    expect((await tableText('#ripple-table'))[1]?.[6]).toBe('799.00')
    await page.goto(`${server.baseUrl}/console?from=2020-01-01&to=${today}&lang=zh`)
    expect(await page.locator('#range-to-error').textContent()).toBe('日期范围最多 366 天')
  })

  it('downloads the ripple table as CSV: BOM, CRLF, the rows on the screen', async () => {
    await page.goto(`${server.baseUrl}/console?from=${daysAgo(6)}&to=${today}&lang=en`)
    const shown = await tableText('#ripple-table')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#ripple-csv').click()])
    expect(download.suggestedFilename()).toBe(`山茶花美妆-ripple-${daysAgo(6)}_${today}.csv`)
    const bytes = await readFile((await download.path()) ?? '')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    expect(text.endsWith('\r\n')).toBe(true)
    const rows = text
      .slice(0, -2)
      .split('\r\n')
      .map((line) => line.split(','))
    expect(rows).toEqual(shown)
    expect(rows[1]).toEqual(['Ring 1', '2', '1', '0', '0', '1', '299.00', '34.04', '1', '1', '1.0000'])
  })

  it('gives a finance key a plain home and no report downloads', async () => {
    const context = await browser.newContext()
    const finance = await context.newPage()
    await signInConsole(finance, server.baseUrl, brand.financeKey)
    expect(await finance.locator('#role').textContent()).toBe('财务')
    expect(await finance.locator('#go-finance').getAttribute('href')).toBe('/console/finance')
    expect(await finance.locator('#programme dt').first().textContent()).toBe('层级')
    expect(await finance.locator('#nav-finance').textContent()).toBe('结算')
    // Finance sees only the pages it can use.
    expect(await finance.locator('nav.console-nav a').allTextContents()).toEqual(['首页', '结算'])
    // And in English, the frame included.
    await finance.goto(`${server.baseUrl}/console?lang=en`)
    expect(await finance.locator('html').getAttribute('lang')).toBe('en')
    expect(await finance.locator('#role').textContent()).toBe('finance')
    expect(await finance.locator('#go-finance').textContent()).toBe('Settlements')
    expect(await finance.locator('#programme h2').textContent()).toBe('Programme')
    expect(
      await finance
        .locator('#programme dl div')
        .evaluateAll((els) =>
          els.slice(0, 4).map((e) => [e.querySelector('dt')?.textContent, e.querySelector('dd')?.textContent]),
        ),
    ).toEqual([
      ['Levels', '2'],
      ['Default rates', 'L1 10% · L2 3%'],
      ['Binding', '15 days (first click wins)'],
      ['Hold', '7 days'],
    ])
    expect(await finance.locator('#nav-home').textContent()).toBe('Home')
    expect(await finance.locator('#sign-out').textContent()).toBe('Sign out')
    expect(await finance.locator('#ripple-table').count()).toBe(0)
    const status = await finance.evaluate(() => fetch('/console/reports/ripple.csv').then((r) => r.status))
    expect(status).toBe(403)
    await context.close()
  })
})
