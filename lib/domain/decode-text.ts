/** Which encoding a file was read as. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gbk'

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const

/**
 * Decodes an uploaded text file as Excel and WPS write it: a UTF-8 byte-order
 * mark means UTF-8; bytes that are valid UTF-8 are UTF-8; anything else is read
 * as GBK (GB18030, its superset), the encoding Excel in mainland China saves
 * "CSV (逗号分隔)" in. Node 20's full ICU (and Lambda's) decodes GBK natively,
 * so no code-page tables ship in the bundle.
 * @example decodeText(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd])) → { text: '张三', encoding: 'gbk' }
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (UTF8_BOM.every((b, i) => bytes[i] === b))
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gbk' }
  }
}
