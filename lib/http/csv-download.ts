/**
 * The headers of a CSV download: UTF-8 text, saved under an ASCII file name that
 * every client understands and, when given, a UTF-8 one (a Chinese brand name)
 * for the clients that read RFC 6266's `filename*`.
 * @example csvDownloadHeaders('ripple-b1-trend.csv', '山茶花-trend.csv')
 */
export function csvDownloadHeaders(asciiName: string, utf8Name?: string): Record<string, string> {
  const utf8 = utf8Name ? `; filename*=UTF-8''${encodeURIComponent(utf8Name)}` : ''
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${asciiName}"${utf8}`,
  }
}
