import { describe, expect, it } from 'vitest'
import { BOM, cell, row } from '../../../lib/domain/csv'

describe('csv cells and rows', () => {
  it('writes plain text, numbers and exact amounts as they are', () => {
    expect(cell('王芳')).toBe('王芳')
    expect(cell(12)).toBe('12')
    expect(cell({ amount: '1234.50' })).toBe('1234.50')
  })

  it('quotes commas, quotes and line breaks (RFC 4180), doubling quotes', () => {
    expect(cell('a,b')).toBe('"a,b"')
    expect(cell('say "hi"')).toBe('"say ""hi"""')
    expect(cell('two\nlines')).toBe('"two\nlines"')
    expect(cell('cr\rhere')).toBe('"cr\rhere"')
  })

  it.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\nx', '=HYPERLINK("http://x")'])(
    'neutralises a formula-looking text cell %j with a leading apostrophe, quoted',
    (text) => {
      const out = cell(text)
      expect(out.startsWith(`"'`)).toBe(true)
      expect(out).toBe(`"'${text.replace(/"/g, '""')}"`)
    },
  )

  it('keeps a negative amount a number, but neutralises the same characters as text', () => {
    expect(cell({ amount: '-1.00' })).toBe('-1.00')
    expect(cell(-1)).toBe('-1')
    expect(cell('-1')).toBe(`"'-1"`)
  })

  it('leaves text that merely contains = + - @ alone', () => {
    expect(cell('a=b')).toBe('a=b')
    expect(cell('ICBC 6222-0001')).toBe('ICBC 6222-0001')
  })

  it('ends every row with CRLF, and the BOM is the UTF-8 byte-order mark', () => {
    expect(row(['a', 1, { amount: '-2.50' }, '=x'])).toBe(`a,1,-2.50,"'=x"\r\n`)
    expect(row([])).toBe('\r\n')
    expect([...Buffer.from(BOM, 'utf8')]).toEqual([0xef, 0xbb, 0xbf])
  })
})
