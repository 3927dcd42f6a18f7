/**
 * Encodes text as GBK (GB18030's two-byte part), the way Excel in mainland China
 * saves a CSV. Tests only: the table is built by decoding every two-byte code
 * with the platform's decoder, and checked against fixed bytes in the tests.
 */
let table: Map<string, number[]> | undefined

function gbkTable(): Map<string, number[]> {
  if (table) return table
  table = new Map()
  const decoder = new TextDecoder('gbk')
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail])
    }
  }
  return table
}

export function encodeGbk(text: string): Uint8Array {
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else {
      const bytes = gbkTable().get(ch)
      if (!bytes) throw new Error(`not in GBK: ${ch}`)
      out.push(...bytes)
    }
  }
  return new Uint8Array(out)
}
