import { describe, expect, it } from 'vitest'
import { call, newBrand, newDistributor } from '../support/client'
import { getBalance } from '../../lib/db/balances'
import { closeSettlement } from '../../lib/services/close-settlement'

/** Parses our CSV (RFC 4180, CRLF, BOM) back into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(cell), (cell = '')
    else if (ch === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += ch
  }
  return rows
}

describe('settlements', () => {
  it('closes a month once, carries forward small and negative nets, exports CSVs that reconcile, and pays once', async () => {
    const b = await newBrand({ holdDays: 0, maxLevels: 1, defaultBps: [1000], payoutThreshold: 500 })
    const k = b.adminKey
    const big = await newDistributor(k, { name: '王芳', type: 'guide', externalId: '=cmd|calc' })
    const small = await newDistributor(k, { name: 'Small', type: 'member' })
    const paidAt = '2026-10-10T08:00:00.000Z'
    for (let i = 0; i < 5; i++)
      await call('POST', '/api/orders', {
        token: k,
        body: {
          orderId: `b${i}`,
          refCode: big.inviteCode,
          currency: 'CNY',
          paidAt,
          lines: [{ sku: 'A', qty: 1, unitPrice: '123.45' }],
        },
      })
    await call('POST', '/api/orders', {
      token: k,
      body: {
        orderId: 's1',
        refCode: small.inviteCode,
        currency: 'CNY',
        paidAt,
        lines: [{ sku: 'A', qty: 1, unitPrice: 3000 }],
      },
    })
    await call('POST', '/api/orders/b0/refunds', { token: k, body: { refundId: 'r0', amount: '23.45' } })

    const closing = await Promise.all(
      [1, 2].map(() => closeSettlement(b.brand.id, { period: '2026-10' }).catch((e: Error) => e)),
    )
    const ok = closing.filter((r): r is Exclude<typeof r, Error> => !(r instanceof Error))
    expect(ok.length).toBeGreaterThan(0)
    const first = await call('POST', '/api/settlements', { token: b.financeKey, body: { period: '2026-10' } })
    expect(first.status).toBe(200)
    expect(first.body.status).toBe('closed')
    // big: 5 × 1234 (10% of 12345 floor) = 6170, minus reversal floor(1234 × 2345/12345) = 234 → 5936
    expect(first.body.totals).toMatchObject({
      distributors: 1,
      gross: 6170,
      reversals: -234,
      net: 5936,
      carriedForward: 1,
    })
    expect(first.body.reconciliation).toMatchObject({
      linesNet: 5936,
      entriesNet: 5936,
      ledgerMovement: 5936,
      reconciled: true,
    })
    expect(await getBalance(big.id, 'CNY', true)).toMatchObject({ available: 0, settled: 5936 })
    expect(await getBalance(small.id, 'CNY', true)).toMatchObject({ available: 300, settled: 0 })

    const csv = await call('GET', `/api/settlements/${first.body.batchId}/export.csv`, { token: b.financeKey })
    expect(csv.res.headers.get('content-disposition')).toContain(first.body.batchId)
    const bytes = new Uint8Array(await csv.res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM for Excel
    expect(new TextDecoder().decode(bytes)).toContain('\r\n')
    const rows = parseCsv(csv.body as string)
    expect(rows[0]).toEqual([
      'batch_id',
      'period',
      'distributor_id',
      'external_id',
      'name',
      'type',
      'payee_reference',
      'gross',
      'reversals',
      'net',
      'currency',
      'entries',
    ])
    expect(rows[1]).toEqual([
      first.body.batchId,
      '2026-10',
      big.id,
      "'=cmd|calc",
      '王芳',
      'guide',
      '',
      '61.70',
      '-2.34',
      '59.36',
      'CNY',
      '6',
    ])
    const again = await call('GET', `/api/settlements/${first.body.batchId}/export.csv`, { token: b.financeKey })
    expect(again.body).toBe(csv.body)
    const lines = parseCsv(
      (await call('GET', `/api/settlements/${first.body.batchId}/lines.csv`, { token: b.financeKey })).body as string,
    )
    expect(lines).toHaveLength(1 + 6)
    expect(lines.slice(1).reduce((s, r) => s + Math.round(Number(r[9]) * 100), 0)).toBe(5936)

    const paid = await Promise.all(
      [1, 2].map(() =>
        call('POST', `/api/settlements/${first.body.batchId}/paid`, {
          token: b.financeKey,
          body: { reference: 'BANK-1' },
        }),
      ),
    )
    expect(paid.map((r) => [r.status, r.body.status ?? r.body.error?.message])).toContainEqual([200, 'paid'])
    const final = await call('POST', `/api/settlements/${first.body.batchId}/paid`, {
      token: b.financeKey,
      body: { reference: 'BANK-1' },
    })
    expect(final.body.status).toBe('paid')
    expect(await getBalance(big.id, 'CNY', true)).toMatchObject({ settled: 0, paid: 5936 })
    const list = await call('GET', '/api/settlements', { token: b.financeKey })
    expect(list.body.items.map((x: { batchId: string }) => x.batchId)).toEqual([first.body.batchId])
    expect((await call('POST', '/api/settlements', { token: k, body: { period: '2026-10' } })).status).toBe(403)
  })
})
