import { describe, expect, it } from 'vitest'
import { call } from '../support/client'

describe('GET /api/health', () => {
  it('is 200 { ok: true, dynamodb: "up" } without a credential', async () => {
    const r = await call('GET', '/api/health')
    expect(r.status).toBe(200)
    expect(r.body).toEqual({ ok: true, dynamodb: 'up' })
  })

  it('is 503 { ok: false, dynamodb: "down" } when the table is unreachable', async () => {
    const saved = process.env.TABLE_NAME
    process.env.TABLE_NAME = `missing_${Date.now()}`
    try {
      const r = await call('GET', '/api/health')
      expect(r.status).toBe(503)
      expect(r.body).toEqual({ ok: false, dynamodb: 'down' })
    } finally {
      process.env.TABLE_NAME = saved
    }
    expect((await call('GET', '/api/health')).status).toBe(200)
  })
})
