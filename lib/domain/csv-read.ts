/** One CSV record and the physical line it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number
  cells: string[]
}

export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string }

/**
 * Reads CSV text by RFC 4180: comma-separated, fields in double quotes may hold
 * commas, line breaks and `""` for a quote; records end in CRLF, LF or a lone CR.
 * Blank lines are skipped (Excel leaves them at the end). A quote inside an
 * unquoted field is kept as text, as Excel does; an unclosed quote is an error
 * naming the line where the field started.
 * @example readCsv('name,type\r\n"Li, Lei",guide\n') → records [{ line: 1, cells: ['name','type'] }, { line: 2, cells: ['Li, Lei','guide'] }]
 */
export function readCsv(text: string): CsvReadResult {
  const records: CsvRecord[] = []
  let cells: string[] = []
  let field = ''
  let atFieldStart = true
  // A record with only an empty unquoted field is a blank line, and is skipped.
  let blank = true
  let line = 1
  let recordLine = 1
  let i = 0
  const endRecord = () => {
    cells.push(field)
    if (!blank) records.push({ line: recordLine, cells })
    cells = []
    field = ''
    atFieldStart = true
    blank = true
  }
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '"' && atFieldStart) {
      const openedOn = line
      atFieldStart = false
      blank = false
      i++
      for (;;) {
        if (i >= text.length)
          return { ok: false, line: openedOn, message: `A quoted field opened on line ${openedOn} is never closed.` }
        const c = text[i]!
        if (c === '"') {
          if (text[i + 1] !== '"') break
          field += '"'
          i += 2
          continue
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++
        field += c
        i++
      }
      i++
      continue
    }
    if (ch === ',') {
      cells.push(field)
      field = ''
      atFieldStart = true
      blank = false
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      endRecord()
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      recordLine = line
      continue
    }
    field += ch
    atFieldStart = false
    blank = false
    i++
  }
  if (!blank) endRecord()
  return { ok: true, records }
}
