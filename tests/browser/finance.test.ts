import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { answerConfirm, api, launchChromium, startServer } from './harness'

let server: Awaited<ReturnType<typeof startServer>>
let browser: Browser
let page: Page
let keys: { brand: { id: string }; adminKey: string; financeKey: string }
let big: { id: string; inviteCode: string }
let batchId = ''

const PERIOD = '2025-10'
const NEXT_PERIOD = '2025-11'
/** 2 orders × floor(12345 × 10%) = 2 × 1234 fen. */
const BIG_NET = 2468

async function signIn(p: Page, key: string): Promise<void> {
  await p.goto(`${server.baseUrl}/console`)
  await p.locator('#api-key').fill(key)
  await p.getByRole('button', { name: '登录' }).click()
  await p.waitForURL(`${server.baseUrl}/console`)
}

beforeAll(async () => {
  server = await startServer()
  browser = await launchChromium()
  const created = await api<typeof keys>(server.baseUrl, 'POST', '/api/admin/brands', process.env.ADMIN_TOKEN, {
    name: '山茶花美妆',
    programme: {
      allowedDomains: ['127.0.0.1'],
      currency: 'CNY',
      defaultBps: [1000],
      maxLevels: 1,
      holdDays: 0,
      payoutThreshold: 500,
    },
  })
  if (created.status !== 201) throw new Error(`brand: ${created.status}`)
  keys = created.body
  const dist = async (name: string, type: string) =>
    (
      await api<{ id: string; inviteCode: string }>(server.baseUrl, 'POST', '/api/distributors', keys.adminKey, {
        name,
        type,
      })
    ).body
  const wang = await dist('王芳', 'guide')
  const small = await dist('Small Li', 'member')
  big = wang
  const order = (orderId: string, refCode: string, unitPrice: string) =>
    api(server.baseUrl, 'POST', '/api/orders', keys.adminKey, {
      orderId,
      refCode,
      currency: 'CNY',
      paidAt: `${PERIOD}-10T08:00:00.000Z`,
      lines: [{ sku: 'A', qty: 1, unitPrice }],
    })
  for (const r of [
    await order('o1', wang.inviteCode, '123.45'),
    await order('o2', wang.inviteCode, '123.45'),
    await order('o3', small.inviteCode, '30.00'),
  ]) {
    if (r.status !== 201 && r.status !== 200) throw new Error(`order: ${r.status} ${JSON.stringify(r.body)}`)
  }
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })).newPage()
  await signIn(page, keys.financeKey)
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('the finance console', () => {
  it('previews a period without writing: who is settled and who is carried forward', async () => {
    await page.locator('#nav-finance').click()
    await page.waitForURL(`${server.baseUrl}/console/finance`)
    expect(await page.locator('#no-batches').count()).toBe(1)
    await page.locator('#period').fill(PERIOD)
    await page.locator('#preview-button').click()
    await expect.poll(() => page.locator('#preview-totals [data-total="net"]').textContent()).toBe('¥24.68')
    expect(await page.locator('#preview-included tr').count()).toBe(1)
    expect(await page.locator('#preview-included tr').textContent()).toContain('王芳')
    expect(await page.locator('#preview-title').textContent()).toBe(`${PERIOD} 结账预览`)
    expect(await page.locator('#preview-included tr td').nth(1).textContent()).toBe('导购')
    expect(await page.locator('#preview-carried tr td').nth(2).textContent()).toBe('低于起付额')
    // Nothing was written: still no batch.
    expect(
      (await api<{ items: unknown[] }>(server.baseUrl, 'GET', '/api/settlements', keys.financeKey)).body.items,
    ).toEqual([])
  })

  it('closes the period after a confirmation naming payees and total, and lists the batch', async () => {
    // Cancel does nothing.
    await page.locator('#close-confirm').click()
    const asked = await answerConfirm(page, false)
    expect(asked).toContain('将被锁定为结算批次')
    expect(asked).toContain('此操作不可撤销。')
    expect(
      (await api<{ items: unknown[] }>(server.baseUrl, 'GET', '/api/settlements', keys.financeKey)).body.items,
    ).toEqual([])
    await page.locator('#close-confirm').click()
    await Promise.all([
      page.waitForURL(`${server.baseUrl}/console/finance`, { waitUntil: 'load' }),
      answerConfirm(page, true),
    ])
    const row = page.locator('tr.batch')
    await expect.poll(() => row.count()).toBe(1)
    batchId = (await row.getAttribute('data-id')) ?? ''
    expect(batchId).toBe(`st_${PERIOD}`)
    expect(await row.locator('.reconciled').getAttribute('data-reconciled')).toBe('true')
    expect(await row.locator('.net').textContent()).toBe('¥24.68')
  })

  it('opens the batch page and downloads an Excel-ready export.csv', async () => {
    await page.locator('tr.batch .batch-link').click()
    await page.waitForURL(`${server.baseUrl}/console/finance/${batchId}`)
    expect(await page.locator('#reconciliation').textContent()).toContain('✓')
    expect(await page.locator('tr.line').count()).toBe(2)
    expect(await page.locator(`tr.line[data-distributor="${big.id}"] .net`).textContent()).toBe('¥24.68')
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-export').click()])
    expect(download.suggestedFilename()).toContain(batchId)
    expect(download.suggestedFilename()).toContain(PERIOD)
    const bytes = await readFile((await download.path()) as string)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.subarray(3).toString('utf8')
    const records = text.split('\r\n')
    expect(records.at(-1)).toBe('') // every record ends with CRLF
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/) // and no bare LF or CR
    expect(records).toHaveLength(3) // header, one paid distributor, the final empty string
    const cells = records[1]!.split(',')
    expect(cells[2]).toBe(big.id)
    expect(cells[4]).toBe('王芳')
    expect(cells[9]).toBe((BIG_NET / 100).toFixed(2))
  })

  it('marks the batch paid with a reference', async () => {
    await page.locator('#paid-reference').fill('BANK-2025-10-01')
    await page.locator('#mark-paid').click()
    const asked = await answerConfirm(page, false)
    expect(asked).toContain(`将批次 ${batchId} 标记为已付款？`)
    expect(asked).toContain(`批次 ${batchId}：`)
    expect(asked).toContain('此操作不可撤销。')
    expect(await page.locator('#batch-status').textContent()).not.toBe('已付款')
    await page.locator('#mark-paid').click()
    await answerConfirm(page, true)
    await expect.poll(() => page.locator('#batch-status').textContent(), { timeout: 10_000 }).toBe('已付款')
    expect(await page.locator('#paid-reference-shown').textContent()).toContain('BANK-2025-10-01')
    expect(await page.locator('#paid-form').count()).toBe(0)
    const stored = await api<{ status: string; reference: string }>(
      server.baseUrl,
      'GET',
      `/api/settlements/${batchId}`,
      keys.financeKey,
    )
    expect(stored.body).toMatchObject({ status: 'paid', reference: 'BANK-2025-10-01' })
  })

  it('lets an admin look but not act', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const p = await ctx.newPage()
    await signIn(p, keys.adminKey)
    await p.goto(`${server.baseUrl}/console/finance`)
    expect(await p.locator('#read-only').textContent()).toBe('只读：结账和付款需要财务密钥。')
    expect(await p.locator('#close-period').count()).toBe(0)
    expect(await p.locator('tr.batch').count()).toBe(1)
    await p.goto(`${server.baseUrl}/console/finance/${batchId}`)
    expect(await p.locator('#download-export').count()).toBe(0)
    await ctx.close()
  })

  it('works in English: switch, preview and close the next period, read the batch', async () => {
    const headers = (table: string) => page.locator(`${table} thead th`).allTextContents()
    const cells = (row: string) =>
      page
        .locator(row)
        .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)))
    // November: one more order for 王芳; Small Li's 30.00 from October is still below the threshold.
    const order = await api(server.baseUrl, 'POST', '/api/orders', keys.adminKey, {
      orderId: 'o4',
      refCode: big.inviteCode,
      currency: 'CNY',
      paidAt: `${NEXT_PERIOD}-05T08:00:00.000Z`,
      lines: [{ sku: 'A', qty: 1, unitPrice: '123.45' }],
    })
    expect(order.status).toBe(201)
    await page.goto(`${server.baseUrl}/console/finance`)
    expect(await page.locator('#lang-switch').textContent()).toBe('English')
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=en/)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect(await page.locator('#lang-switch').textContent()).toBe('中文')
    expect(await page.locator('main h2').allTextContents()).toEqual([
      'Balances',
      'Close a period',
      'Settlement batches',
    ])
    expect(await page.locator('#nav-finance').textContent()).toBe('Settlements')
    expect(await headers('#batches-table')).toEqual([
      'Period',
      'Status',
      'Distributors paid',
      'Net',
      'Entries',
      'Carried',
      'Reconciled',
    ])
    expect(await cells('tr.batch')).toEqual([[PERIOD, 'Paid', '1', '¥24.68', '2', '1', '✓ Reconciled']])
    expect(await page.locator('#paid-out').textContent()).toBe('¥24.68')
    // A period that already has a batch says so, in English.
    await page.locator('#period').fill(PERIOD)
    await page.locator('#preview-button').click()
    await expect
      .poll(() => page.locator('#preview-title').textContent())
      .toBe(`${PERIOD} already has batch st_${PERIOD} (Paid)`)
    expect(await page.locator('#close-confirm').isHidden()).toBe(true)
    // The next period: 王芳 settled, Small Li carried forward below the threshold.
    await page.locator('#period').fill(NEXT_PERIOD)
    await page.locator('#preview-button').click()
    await expect.poll(() => page.locator('#preview-title').textContent()).toBe(`${NEXT_PERIOD} close preview`)
    expect(await page.locator('#preview-totals dt').allTextContents()).toEqual([
      'Distributors paid',
      'Net payable',
      'Gross',
      'Reversals',
      'Entries',
      'Carried forward',
    ])
    expect(await page.locator('#preview-totals [data-total="net"]').textContent()).toBe('¥12.34')
    expect(await headers('#preview-included-table')).toEqual([
      'Distributor',
      'Type',
      'Gross',
      'Reversals',
      'Net',
      'Entries',
    ])
    expect(await cells('#preview-included tr')).toEqual([['王芳', 'Guide', '¥12.34', '¥0.00', '¥12.34', '1']])
    expect(await cells('#preview-carried tr')).toEqual([['Small Li', '¥3.00', 'Below threshold']])
    expect(await page.locator('#close-confirm').textContent()).toBe('Confirm and close')
    await page.locator('#close-confirm').click()
    const asked = await Promise.all([
      page.waitForURL(`${server.baseUrl}/console/finance`, { waitUntil: 'load' }),
      answerConfirm(page, true),
    ])
    expect(asked[1]).toContain(`Close period ${NEXT_PERIOD}?`)
    expect(asked[1]).toContain('1 payees, ¥12.34 payable in total.')
    expect(asked[1]).toContain('1 distributors below the payout threshold')
    expect(asked[1]).toContain('This cannot be undone.')
    // The cookie keeps the page in English after the close reloads it.
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    const november = page.locator(`tr.batch[data-id="st_${NEXT_PERIOD}"]`)
    expect(await november.locator('.status').textContent()).toBe('Closed')
    expect(await november.locator('.reconciled').textContent()).toBe('✓ Reconciled')
    expect(await page.locator('#owed').textContent()).toBe('¥12.34')
    // Its page: the heading, the lines' header and each line's outcome in English.
    await november.locator('.batch-link').click()
    await page.waitForURL(`${server.baseUrl}/console/finance/st_${NEXT_PERIOD}`)
    expect(await page.locator('#batch h2').textContent()).toBe(`Batch ${NEXT_PERIOD} st_${NEXT_PERIOD}`)
    expect(await page.locator('#batch-status').textContent()).toBe('Closed')
    expect(await page.locator('#reconciliation').textContent()).toBe(
      '✓ Reconciled Lines net ¥12.34 = Entries settled ¥12.34 = Ledger movement ¥12.34',
    )
    expect(await headers('#lines-table')).toEqual([
      'Distributor',
      'External id',
      'Type',
      'Gross',
      'Reversals',
      'Net',
      'Entries',
      'Outcome',
    ])
    expect(await page.locator(`tr.line[data-distributor="${big.id}"] .outcome`).textContent()).toBe('Settled')
    expect(await page.locator(`tr.line[data-distributor="${big.id}"] .type`).textContent()).toBe('Guide')
    expect(await page.locator('tr.line[data-carried="true"] .outcome').textContent()).toBe('Carried: Below threshold')
    expect(await page.locator('#mark-paid').textContent()).toBe('Mark paid')
    const missing = await page.goto(`${server.baseUrl}/console/finance/st_1999-01`)
    expect(missing?.status()).toBe(404)
    expect(await page.locator('#batch-not-found h2').textContent()).toBe('That settlement batch was not found.')
    await page.goto(`${server.baseUrl}/console/finance/st_${NEXT_PERIOD}`)
    // And back to Chinese.
    await page.locator('#lang-switch').click()
    await page.waitForURL(/lang=zh/)
    expect(await page.locator('#batch h2').textContent()).toBe(`结算批次 ${NEXT_PERIOD} st_${NEXT_PERIOD}`)
    expect(await page.locator('tr.line[data-carried="true"] .outcome').textContent()).toBe('结转：低于起付额')
  })
})
