/** Parses our CSV (RFC 4180, CRLF, optional BOM) back into rows of cells (tests only). */
export function parseCsv(text: string): string[][] {
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

/** Rows as objects keyed by the header row. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header = [], ...rows] = parseCsv(text)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

/** A decimal string of major units as integer minor units, exactly (2 decimals). */
export const minorOf = (text: string): number => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(text)
  if (!m) throw new Error(`not an amount: ${text}`)
  const v = Number(m[2]) * 100 + Number(m[3])
  return m[1] ? -v : v
}
