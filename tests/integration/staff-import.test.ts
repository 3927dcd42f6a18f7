import { describe, expect, it } from 'vitest'
import { call, newBrand } from '../support/client'
import { expectError, tableSnapshot } from '../support/table'
import { encodeGbk } from '../support/gbk'
import { importAll, postImport } from '../support/import'
import { getTeamCounts } from '../../lib/db/distributors'

const HEADER_ZH = '姓名,类型,工号,门店/部门,推荐人工号'

/** The brand's distributors by external id. */
async function byExternalId(adminKey: string): Promise<Map<string, any>> {
  const out = new Map<string, any>()
  let cursor: string | undefined
  do {
    const r = await call('GET', `/api/distributors?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, {
      token: adminKey,
    })
    for (const d of r.body.items) out.set(d.externalId, d)
    cursor = r.body.nextCursor
  } while (cursor)
  return out
}

const SMALL = `${[
  HEADER_ZH,
  '张店长,员工,E001,徐汇店,',
  '李导购,导购,E002,徐汇店,E001',
  '"王, 小美",导购,E003,"徐汇店",E002',
  '赵线上,线上客户代表,E004,电商部,',
].join('\r\n')}\r\n`

describe('POST /api/distributors/import', () => {
  it('imports UTF-8 recruiters-first and places each under its recruiter', async () => {
    const { adminKey } = await newBrand()
    // Recruits listed before their recruiter: the plan writes E001 first anyway.
    const text = [
      HEADER_ZH,
      '王小美,导购,E003,徐汇店,E002',
      '李导购,导购,E002,徐汇店,E001',
      '张店长,员工,E001,徐汇店,',
    ].join('\n')
    const r = await postImport(adminKey, text, 'dryRun=false')
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body).toMatchObject({
      encoding: 'utf-8',
      rows: 3,
      valid: 3,
      created: 3,
      updated: 0,
      failed: 0,
      done: true,
      errors: [],
    })
    const ds = await byExternalId(adminKey)
    expect(ds.get('E001')).toMatchObject({ name: '张店长', type: 'employee', store: '徐汇店', parentId: null, ring: 1 })
    expect(ds.get('E002')).toMatchObject({ parentId: ds.get('E001').id, ring: 2 })
    expect(ds.get('E003')).toMatchObject({
      parentId: ds.get('E002').id,
      ancestors: [ds.get('E002').id, ds.get('E001').id],
      ring: 3,
      depth: 2,
    })
    const team = await call('GET', `/api/distributors/${ds.get('E001').id}`, { token: adminKey })
    expect(team.status).toBe(200)

    // Imported staff count as their recruiters' recruits, as joins through the API do: E001 recruited E002 (ring 1), E002 recruited E003 (ring 2).
    const { pumpOnce } = await import('../../lib/local/stream-pump')
    await pumpOnce()
    const today = new Date().toISOString().slice(0, 10)
    const ripple = await call('GET', `/api/reports/ripple?from=${today}&to=${today}`, { token: adminKey })
    expect(
      ripple.body.rings.map((r: { ring: number; distributors: number; newRecruits: number }) => [
        r.ring,
        r.distributors,
        r.newRecruits,
      ]),
    ).toEqual([
      [1, 1, 1],
      [2, 1, 1],
      [3, 1, 0],
    ])
    const board = await call('GET', `/api/reports/leaderboard?from=${today}&to=${today}&by=recruits`, {
      token: adminKey,
    })
    expect(board.body.items.map((i: { id: string; recruits: number }) => [i.id, i.recruits])).toEqual([
      ...[ds.get('E001').id, ds.get('E002').id].sort().map((id) => [id, 1]),
    ])
  })
})

describe('encodings', () => {
  it('reads UTF-8 with a BOM, and GBK as Excel in China saves it', async () => {
    const { adminKey } = await newBrand()
    const bom = await postImport(adminKey, `\uFEFF${SMALL}`, 'dryRun=false')
    expect(bom.body).toMatchObject({ encoding: 'utf-8-bom', rows: 4, created: 4, errors: [] })
    expect((await byExternalId(adminKey)).get('E003')).toMatchObject({
      name: '王, 小美',
      store: '徐汇店',
      type: 'guide',
    })

    const { adminKey: other } = await newBrand()
    const gbk = encodeGbk(SMALL)
    // The encoder agrees with known GBK bytes: 张 D5C5, 员工 D4B1 B9A4.
    expect(Buffer.from(encodeGbk('张员工')).toString('hex')).toBe('d5c5d4b1b9a4')
    const r = await postImport(other, gbk, 'dryRun=false', 'application/octet-stream')
    expect(r.body).toMatchObject({ encoding: 'gbk', rows: 4, created: 4, errors: [] })
    const ds = await byExternalId(other)
    expect(ds.get('E001')).toMatchObject({ name: '张店长', type: 'employee', store: '徐汇店' })
    expect(ds.get('E004')).toMatchObject({ name: '赵线上', type: 'online_rep', store: '电商部' })
  })

  it('takes English headers and type codes', async () => {
    const { adminKey } = await newBrand()
    const text = 'Name,Type,External ID,Store,Recruiter External ID\nAda,employee,A1,HQ,\nBob,offline_rep,B1,HQ,A1\n'
    const r = await postImport(adminKey, text, 'dryRun=false')
    expect(r.body).toMatchObject({ created: 2, errors: [] })
    expect((await byExternalId(adminKey)).get('B1')).toMatchObject({ type: 'offline_rep', store: 'HQ' })
  })
})

describe('dry run and bad rows', () => {
  const BAD = [
    HEADER_ZH,
    '张店长,员工,E001,徐汇店,', // 2 ok
    ',导购,E002,徐汇店,E001', // 3 missing name
    '李四,店员,E003,徐汇店,E001', // 4 unknown type
    '王五,导购,E001,静安店,', // 5 duplicate external id
    '赵六,导购,E005,静安店,X999', // 6 recruiter not found
    '钱七,导购,E006,静安店,E007', // 7 cycle E006 → E007 → E006
    '孙八,导购,E007,静安店,E006', // 8 cycle
    '周九,导购,E008,静安店,E003', // 9 recruiter's row is refused
    '吴十,导购,,静安店,E001', // 10 missing external id
  ].join('\r\n')

  it('reports every bad row with its line, field and reason, and writes nothing', async () => {
    const { adminKey } = await newBrand()
    const before = await tableSnapshot()
    const r = await postImport(adminKey, BAD, 'dryRun=true')
    expect(r.status).toBe(200)
    expect(r.body.errors.map((e: any) => [e.line, e.field, e.reason])).toEqual([
      [3, 'name', 'missing'],
      [4, 'type', 'unknown_type'],
      [5, 'externalId', 'duplicate_external_id'],
      [6, 'recruiterExternalId', 'recruiter_not_found'],
      [7, 'recruiterExternalId', 'recruiter_cycle'],
      [8, 'recruiterExternalId', 'recruiter_cycle'],
      [9, 'recruiterExternalId', 'recruiter_invalid'],
      [10, 'externalId', 'missing'],
    ])
    expect(r.body.errors[2].message).toContain('第 2 行')
    expect(r.body.errors[3].message).toContain('X999')
    expect(r.body).toMatchObject({
      dryRun: true,
      rows: 9,
      valid: 1,
      wouldCreate: 1,
      wouldUpdate: 0,
      failed: 8,
      created: 0,
    })
    expect(await tableSnapshot()).toEqual(before)
  })

  it('imports the good rows and counts the bad ones as failed', async () => {
    const { adminKey } = await newBrand()
    const r = await postImport(adminKey, BAD, 'dryRun=false')
    expect(r.body).toMatchObject({ created: 1, updated: 0, failed: 8, done: true })
    expect([...(await byExternalId(adminKey)).keys()]).toEqual(['E001'])
  })

  it('finds a recruiter already in the brand, and refuses a file without the required columns or with a broken quote', async () => {
    const { adminKey } = await newBrand()
    await postImport(adminKey, `${HEADER_ZH}\n张店长,员工,E001,徐汇店,`, 'dryRun=false')
    const r = await postImport(adminKey, `${HEADER_ZH}\n李导购,导购,E002,徐汇店,E001`, 'dryRun=false')
    expect(r.body).toMatchObject({ created: 1, errors: [] })
    const ds = await byExternalId(adminKey)
    expect(ds.get('E002').parentId).toBe(ds.get('E001').id)

    const noType = await postImport(adminKey, '姓名,工号\n张三,E9', 'dryRun=true')
    expect(noType.body.errors).toEqual([expect.objectContaining({ line: 1, field: 'type', reason: 'missing_column' })])
    const broken = await postImport(adminKey, `${HEADER_ZH}\n张三,员工,E9,"徐汇店,\n`, 'dryRun=true')
    expect(broken.body.errors).toEqual([expect.objectContaining({ line: 2, field: '_', reason: 'malformed_csv' })])
  })
})

describe('re-runs and guards', () => {
  it('is idempotent by external id: a re-run updates name, store and type and creates nothing', async () => {
    const { adminKey } = await newBrand()
    expect((await postImport(adminKey, SMALL, 'dryRun=false')).body.created).toBe(4)
    const first = await byExternalId(adminKey)
    expect((await postImport(adminKey, SMALL, 'dryRun=false')).body).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 4,
    })
    const changed = SMALL.replace('李导购,导购,E002,徐汇店', '李导购二,线下客户代表,E002,静安店')
    const dry = await postImport(adminKey, changed, 'dryRun=true')
    expect(dry.body).toMatchObject({ wouldCreate: 0, wouldUpdate: 4 })
    expect((await postImport(adminKey, changed, 'dryRun=false')).body).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 3,
    })
    const after = await byExternalId(adminKey)
    expect(after.size).toBe(4)
    expect(after.get('E002')).toMatchObject({
      id: first.get('E002').id,
      name: '李导购二',
      type: 'offline_rep',
      store: '静安店',
      parentId: first.get('E001').id,
    })
  })

  it("needs an admin key and a CSV body, takes bodies over the API's 64 KB and refuses a token for another file", async () => {
    const { adminKey, financeKey } = await newBrand()
    expectError(await postImport(financeKey, SMALL, 'dryRun=true'), 403, 'forbidden')
    expectError(await postImport('nope', SMALL, 'dryRun=true'), 401, 'unauthorized')
    expectError(await postImport(adminKey, SMALL, 'dryRun=true', 'application/json'), 415, 'unsupported_media_type')
    const big = [HEADER_ZH, ...Array.from({ length: 2500 }, (_, i) => `导购${i},导购,G${i},门店${i % 7},`)].join('\n')
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024)
    const r = await postImport(adminKey, big, 'dryRun=false&limit=10')
    expect(r.body).toMatchObject({ created: 10, processed: 10, done: false })
    expectError(await postImport(adminKey, SMALL, `dryRun=false&next=${r.body.next}`), 422, 'invalid_input', ['next'])
    // Other API routes keep their 64 KB limit.
    expectError(
      await call('POST', '/api/products', { token: adminKey, raw: JSON.stringify({ sku: 'x'.repeat(70_000) }) }),
      413,
      'payload_too_large',
    )
  })
})

describe('a large file through the chunked path', () => {
  // 2,000 rows in the suite; IMPORT_STORES=100 runs the issue's 10,000 through the same path (~27 s for the import on
  // DynamoDB Local alone). Not by default: beside the other files' transactions on one DynamoDB Local (which
  // serialises them) it slowed the whole CI run from 5 to 13 minutes.
  it('imports a 2,000-row file (10,000 with IMPORT_STORES=100) in chunks of 500, recruiters first, then a re-run changes nothing', async () => {
    const { adminKey } = await newBrand()
    // STORES store managers, each recruiting 99 guides; the managers come last in the file.
    const STORES = Number(process.env.IMPORT_STORES ?? 20)
    const lines = [HEADER_ZH]
    for (let s = 0; s < STORES; s++)
      for (let g = 0; g < 99; g++) lines.push(`导购${s}-${g},导购,G${s}-${g},门店${s},M${s}`)
    for (let s = 0; s < STORES; s++) lines.push(`店长${s},员工,M${s},门店${s},`)
    const text = lines.join('\r\n')
    const dry = await postImport(adminKey, text, 'dryRun=true')
    const ROWS = STORES * 100
    expect(dry.body).toMatchObject({ rows: ROWS, valid: ROWS, errorCount: 0, wouldCreate: ROWS })
    const t0 = Date.now()
    const { last, calls } = await importAll(adminKey, text, 500)
    console.log(`${ROWS} rows imported in ${Date.now() - t0} ms over ${calls} calls`)
    // At least one call per 500-row slice; more when a slice runs out of its request budget on a busy machine.
    expect(calls).toBeGreaterThanOrEqual(ROWS / 500)
    expect(last).toMatchObject({ created: ROWS, updated: 0, failed: 0, processed: ROWS, done: true })
    const ds = await byExternalId(adminKey)
    expect(ds.get('G3-7')).toMatchObject({ parentId: ds.get('M3').id, ring: 2, store: '门店3' })
    expect(await getTeamCounts(ds.get('M3').id)).toEqual({ 1: 99 })
    const again = await importAll(adminKey, text, 2000)
    expect(again.calls).toBeGreaterThanOrEqual(Math.ceil(ROWS / 2000))
    expect(again.last).toMatchObject({ created: 0, unchanged: ROWS })
  }, 300_000)
})
