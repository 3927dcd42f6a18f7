import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { createHmac } from 'node:crypto'
import { signSession, verifySession } from '../../../lib/auth/session-token'

const SECRET_A = 'a'.repeat(40)
const SECRET_B = 'b'.repeat(40)
const NOW = 1_800_000_000
let saved: string | undefined

beforeEach(() => {
  saved = process.env.SIGNING_SECRET
  process.env.SIGNING_SECRET = SECRET_A
})
afterEach(() => {
  if (saved === undefined) delete process.env.SIGNING_SECRET
  else process.env.SIGNING_SECRET = saved
})

describe('signSession / verifySession', () => {
  it('returns the claims of a valid token', () => {
    const claims = { d: 'd_1', b: 'b_1', exp: NOW + 60 }
    const token = signSession(claims)
    expect(token.startsWith('s1.')).toBe(true)
    expect(verifySession(token, NOW)).toEqual(claims)
  })

  it('round-trips any ids', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: NOW + 1, max: NOW + 10_000_000 }), (d, b, exp) => {
        expect(verifySession(signSession({ d, b, exp }), NOW)).toEqual({ d, b, exp })
      }),
    )
  })

  it('refuses an expired token (expiry is exclusive)', () => {
    expect(verifySession(signSession({ d: 'd', b: 'b', exp: NOW - 1 }), NOW)).toBeNull()
    expect(verifySession(signSession({ d: 'd', b: 'b', exp: NOW }), NOW)).toBeNull()
  })

  it('refuses a token signed with another secret', () => {
    const token = signSession({ d: 'd', b: 'b', exp: NOW + 60 })
    process.env.SIGNING_SECRET = SECRET_B
    expect(verifySession(token, NOW)).toBeNull()
  })

  it('refuses tampered tokens', () => {
    const token = signSession({ d: 'd_1', b: 'b_1', exp: NOW + 60 })
    const [v, body, sig] = token.split('.') as [string, string, string]
    const forgedBody = Buffer.from(JSON.stringify({ d: 'd_2', b: 'b_1', exp: NOW + 60 })).toString('base64url')
    const flip = (s: string) => (s[0] === 'A' ? 'B' : 'A') + s.slice(1)
    for (const bad of [
      `${v}.${forgedBody}.${sig}`,
      `${v}.${body}.${flip(sig)}`,
      `${v}.${flip(body)}.${sig}`,
      `s2.${body}.${sig}`,
      `${v}.${body}`,
      `${v}.${body}.`,
      `${v}.${body}.${sig}.extra`,
      `${token}x`,
      '',
      'garbage',
    ]) {
      expect(verifySession(bad, NOW), bad).toBeNull()
    }
  })

  it('refuses a correctly signed body that is not a claims object', () => {
    // Sign arbitrary bodies the same way signSession does, to reach the claims checks.
    const signBody = (json: string) => {
      process.env.SIGNING_SECRET = SECRET_A
      const body = Buffer.from(json).toString('base64url')
      return `s1.${body}.${createHmac('sha256', SECRET_A).update(`session:${body}`).digest('base64url')}`
    }
    expect(verifySession(signBody(JSON.stringify({ d: 'd', b: 'b', exp: NOW + 60 })), NOW)).toEqual({
      d: 'd',
      b: 'b',
      exp: NOW + 60,
    })
    for (const json of [
      'null',
      '[]',
      '"x"',
      '{"d":"d","b":"b"}',
      '{"d":1,"b":"b","exp":9999999999}',
      '{"d":"d","b":"b","exp":"9999999999"}',
      'not json',
    ]) {
      expect(verifySession(signBody(json), NOW), json).toBeNull()
    }
  })

  it('refuses to sign without a strong secret', () => {
    process.env.SIGNING_SECRET = 'short'
    expect(() => signSession({ d: 'd', b: 'b', exp: NOW })).toThrow(/SIGNING_SECRET/)
  })
})
