import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readCsv } from '../../../lib/domain/csv-read'
import { decodeText } from '../../../lib/domain/decode-text'

const cellsOf = (text: string) => {
  const r = readCsv(text)
  if (!r.ok) throw new Error(r.message)
  return r.records.map((x) => x.cells)
}

describe('readCsv (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes', () => {
    expect(cellsOf('a,"b,c","say ""hi""","two\r\nlines"\r\nx,,z')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['x', '', 'z'],
    ])
  })

  it('takes CRLF, LF and lone CR, skips blank lines, and numbers records by the line they start on', () => {
    const r = readCsv('h1,h2\r\n\r\na,"multi\nline"\nb,2\rc,3\n\n')
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['h1', 'h2'] },
        { line: 3, cells: ['a', 'multi\nline'] },
        { line: 5, cells: ['b', '2'] },
        { line: 6, cells: ['c', '3'] },
      ],
    })
  })

  it('keeps a record of only an empty quoted field and a stray quote inside a plain field', () => {
    expect(cellsOf('""\nab"c,d')).toEqual([[''], ['ab"c', 'd']])
  })

  it('names the line where an unclosed quote opened', () => {
    expect(readCsv('a,b\nc,"d\ne\n')).toMatchObject({ ok: false, line: 2 })
  })

  it('reads back what an RFC 4180 writer wrote, for any cells and either line end', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '张', ',', '"', '\n', '\r', ' ', '1') })
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })
    fc.assert(
      fc.property(table, fc.constantFrom('\r\n', '\n'), fc.boolean(), (rows, eol, trailing) => {
        // A record of one empty unquoted cell is a blank line; a writer quotes it.
        const write = (c: string) => (/[",\r\n]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c)
        const text = rows.map((r) => r.map(write).join(',')).join(eol) + (trailing ? eol : '')
        expect(cellsOf(text)).toEqual(rows)
      }),
    )
  })
})

describe('decodeText', () => {
  it('strips a UTF-8 BOM, keeps valid UTF-8, and reads anything else as GBK', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xe5, 0xbc, 0xa0]))).toEqual({
      text: '张',
      encoding: 'utf-8-bom',
    })
    expect(decodeText(new TextEncoder().encode('导购,E1'))).toEqual({ text: '导购,E1', encoding: 'utf-8' })
    // 张三,员工 in GBK.
    expect(decodeText(new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0xd4, 0xb1, 0xb9, 0xa4]))).toEqual({
      text: '张三,员工',
      encoding: 'gbk',
    })
  })
})
