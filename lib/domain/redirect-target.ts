/**
 * True when a share target is an http(s) URL whose host is one of the brand's
 * allowed domains or a subdomain of one: the guard against open redirects. A domain
 * listed with a port (`shop.cn:8443`) allows that port only; without one, any port of
 * that host (a local shop runs on its own port).
 * @example isAllowedTarget('https://m.shop.cn/p/1', ['shop.cn']) === true
 */
export function isAllowedTarget(url: string, allowedDomains: readonly string[]): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false
  if (u.username || u.password) return false
  const host = u.hostname.toLowerCase()
  const defaultPort = u.protocol === 'https:' ? '443' : '80'
  const port = u.port || defaultPort
  return allowedDomains.some((entry) => {
    const [, d = '', p] = /^(.*?)(?::(\d{1,5}))?$/.exec(entry.toLowerCase()) ?? []
    return (host === d || host.endsWith(`.${d}`)) && (p === undefined || port === p)
  })
}

/**
 * The target with `rpl_click=<id>` added, keeping its query string and fragment.
 * @example withClickParam('https://s.cn/p?a=1#top', 'c1') === 'https://s.cn/p?a=1&rpl_click=c1#top'
 */
export function withClickParam(target: string, clickId: string): string {
  const u = new URL(target)
  // Append to the query as written: URLSearchParams would re-encode the shop's own
  // parameters (`a%20b` → `a+b`, `flag` → `flag=`), which some shops read differently.
  const kept = u.search
    .slice(1)
    .split('&')
    .filter((p) => p !== '' && !/^rpl_click(=|$)/.test(p))
  u.search = `?${[...kept, `rpl_click=${encodeURIComponent(clickId)}`].join('&')}`
  return u.toString()
}
