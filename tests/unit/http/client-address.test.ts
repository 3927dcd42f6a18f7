import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { addressSubject, clientAddress } from '../../../lib/http/client-address'

describe('addressSubject', () => {
  it('keeps IPv4, and unwraps IPv4-mapped IPv6', () => {
    expect(addressSubject('203.0.113.9')).toBe('203.0.113.9')
    expect(addressSubject('::ffff:203.0.113.9')).toBe('203.0.113.9')
  })

  it('takes IPv6 by its /64, one spelling per network', () => {
    const net = '2001:0db8:0000:0001::/64'
    expect(addressSubject('2001:db8:0:1::1')).toBe(net)
    expect(addressSubject('2001:DB8:0:1:ffff:ffff:ffff:ffff')).toBe(net)
    expect(addressSubject('2001:db8:0:1:a::b')).toBe(net)
    expect(addressSubject('2001:db8::1')).toBe('2001:0db8:0000:0000::/64')
    expect(addressSubject('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64')
    expect(addressSubject('::1')).toBe('0000:0000:0000:0000::/64')
  })

  it('keeps something unparseable as a bounded string rather than throwing', () => {
    expect(addressSubject('1::2::3')).toBe('1::2::3')
    expect(addressSubject('x'.repeat(100))).toHaveLength(64)
  })
})

describe('clientAddress', () => {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c) ?? 'none'))

  it('reads API Gateway sourceIp, never X-Forwarded-For', async () => {
    const headers = { 'x-forwarded-for': '192.0.2.1' }
    const env = { requestContext: { http: { sourceIp: '198.51.100.7' } } }
    expect(await (await app.request('/', { headers }, env)).text()).toBe('198.51.100.7')
    expect(await (await app.request('/', { headers })).text()).toBe('none')
  })

  it("reads the Node server's socket peer", async () => {
    const env = { incoming: { socket: { remoteAddress: '::ffff:127.0.0.1' } } }
    expect(await (await app.request('/', {}, env)).text()).toBe('127.0.0.1')
  })
})
