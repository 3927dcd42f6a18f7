import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isAllowedTarget, withClickParam } from '../../../lib/domain/redirect-target'

const allowed = ['shop.example.com']

describe('isAllowedTarget', () => {
  it('allows the domain and its subdomains over http(s)', () => {
    expect(isAllowedTarget('https://shop.example.com/p/1', allowed)).toBe(true)
    expect(isAllowedTarget('http://shop.example.com', allowed)).toBe(true)
    expect(isAllowedTarget('https://m.shop.example.com/p/1?x=1#y', allowed)).toBe(true)
    expect(isAllowedTarget('https://a.b.shop.example.com/', allowed)).toBe(true)
    expect(isAllowedTarget('https://SHOP.Example.COM/p', allowed)).toBe(true)
    expect(isAllowedTarget('https://shop.example.com:443/p', allowed)).toBe(true)
    expect(isAllowedTarget('https://other.cn/p', ['shop.example.com', 'other.cn'])).toBe(true)
  })

  it('compares ports: a domain with a port allows only that port, a bare domain any port', () => {
    expect(isAllowedTarget('https://shop.example.com:8443/p', allowed)).toBe(true)
    expect(isAllowedTarget('http://shop.example.com:8080/p', allowed)).toBe(true)
    expect(isAllowedTarget('https://shop.example.com:8443/p', ['shop.example.com:8443'])).toBe(true)
    expect(isAllowedTarget('https://m.shop.example.com:8443/p', ['shop.example.com:8443'])).toBe(true)
    expect(isAllowedTarget('https://shop.example.com/p', ['shop.example.com:8443'])).toBe(false)
    expect(isAllowedTarget('https://shop.example.com:9000/p', ['shop.example.com:8443'])).toBe(false)
    expect(isAllowedTarget('http://localhost:3000/p', ['localhost:3000'])).toBe(true)
    expect(isAllowedTarget('http://localhost:4000/p', ['localhost:3000'])).toBe(false)
  })

  it('rejects other schemes, hosts and look-alikes', () => {
    for (const url of [
      'javascript:alert(1)',
      'javascript://shop.example.com/%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://shop.example.com/p',
      'https://evil.com/p',
      'https://example.com/p',
      'https://shop.example.com.evil.com/p',
      'https://evilshop.example.com/p',
      'https://shop.example.co/p',
      'https://shop.example.com@evil.com/p',
      'https://user:pw@shop.example.com/p',
      'https://evil.com\\@shop.example.com/p',
      'https://evil.com#@shop.example.com',
      '//shop.example.com/p',
      '/p/1',
      'not a url',
      '',
    ]) {
      expect(isAllowedTarget(url, allowed), url).toBe(false)
    }
  })

  it('never allows a host that is neither the domain nor ends in ".domain"', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const host = new URL(url).hostname
        const ok = host === 'shop.example.com' || host.endsWith('.shop.example.com')
        if (!ok) expect(isAllowedTarget(url, allowed)).toBe(false)
      }),
    )
  })
})

describe('withClickParam', () => {
  it('appends rpl_click and keeps the existing query and fragment', () => {
    expect(withClickParam('https://s.cn/p?a=1#top', 'c1')).toBe('https://s.cn/p?a=1&rpl_click=c1#top')
    expect(withClickParam('https://s.cn/p', 'c1')).toBe('https://s.cn/p?rpl_click=c1')
    expect(withClickParam('https://s.cn/p#frag', 'c1')).toBe('https://s.cn/p?rpl_click=c1#frag')
  })

  it('keeps the existing query string byte for byte (flags, %20, UTF-8)', () => {
    expect(withClickParam('https://s.cn/p?flag&x=a%20b&y=%E4%B8%AD#top', 'c1')).toBe(
      'https://s.cn/p?flag&x=a%20b&y=%E4%B8%AD&rpl_click=c1#top',
    )
    expect(withClickParam('https://s.cn/p?q=a+b', 'c1')).toBe('https://s.cn/p?q=a+b&rpl_click=c1')
  })

  it('replaces a stale rpl_click rather than adding a second one', () => {
    const u = new URL(withClickParam('https://s.cn/p?rpl_click=old&a=1', 'c2'))
    expect(u.searchParams.getAll('rpl_click')).toEqual(['c2'])
    expect(u.searchParams.get('a')).toBe('1')
  })

  it('keeps every original parameter, for any URL', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const before = new URL(url)
        const after = new URL(withClickParam(url, 'c_X'))
        expect(after.searchParams.get('rpl_click')).toBe('c_X')
        expect(after.hash).toBe(before.hash)
        expect(after.pathname).toBe(before.pathname)
        for (const [k, v] of before.searchParams)
          if (k !== 'rpl_click') expect(after.searchParams.getAll(k)).toContain(v)
      }),
    )
  })
})
