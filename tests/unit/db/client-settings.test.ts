import { describe, expect, it } from 'vitest'
import { FUNCTIONS } from '../../../cdk/config'
import { DYNAMODB_SDK, dynamoClientConfig } from '../../../lib/db/client'
import { isDatabaseUnavailable } from '../../../lib/db/unavailable'

describe('the DynamoDB client settings', () => {
  it('on AWS: 1 s to connect, 1 s per attempt (an error, not a warning), 3 attempts in standard mode', () => {
    const config = dynamoClientConfig({})
    expect(config.endpoint).toBeUndefined()
    expect(config.retryMode).toBe('standard')
    expect(config.maxAttempts).toBe(3)
    expect(config.requestHandler).toEqual({
      connectionTimeout: 1000,
      requestTimeout: 1000,
      throwOnRequestTimeout: true,
    })
  })

  it('a frozen database is given up on before the redirect or the api function times out', () => {
    // An attempt ends at the request timeout (its clock includes connecting); standard mode backs off
    // random × 100 ms × 2^attempt between attempts.
    const attempt = Math.max(DYNAMODB_SDK.connectionTimeoutMs, DYNAMODB_SDK.requestTimeoutMs)
    const backoff = Array.from({ length: DYNAMODB_SDK.maxAttempts - 1 }, (_, i) => 100 * 2 ** (i + 1))
    const worst = DYNAMODB_SDK.maxAttempts * attempt + backoff.reduce((a, b) => a + b, 0)
    expect(worst).toBe(3600)
    expect(worst).toBeLessThan(FUNCTIONS.redirect.timeoutSeconds * 1000 - 1000)
    expect(worst).toBeLessThan(FUNCTIONS.api.timeoutSeconds * 1000)
  })

  it('locally: fixed credentials, a longer request timeout, and DYNAMODB_REQUEST_TIMEOUT_MS overrides it', () => {
    const local = dynamoClientConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' })
    expect(local.endpoint).toBe('http://127.0.0.1:8000')
    expect(local.requestHandler).toMatchObject({ requestTimeout: DYNAMODB_SDK.localRequestTimeoutMs })
    const short = dynamoClientConfig({ DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000', DYNAMODB_REQUEST_TIMEOUT_MS: '250' })
    expect(short.requestHandler).toMatchObject({ requestTimeout: 250 })
  })
})

describe('isDatabaseUnavailable', () => {
  const sdk = (fields: Record<string, unknown>, status?: number) =>
    Object.assign(new Error('x'), { ...fields, $metadata: { httpStatusCode: status, attempts: 3 } })

  it('is true for what a retry later may fix: timeouts, refused connections, 5xx, throttling', () => {
    expect(isDatabaseUnavailable(sdk({ name: 'TimeoutError' }))).toBe(true)
    expect(isDatabaseUnavailable(sdk({ code: 'ECONNREFUSED' }))).toBe(true)
    expect(isDatabaseUnavailable(sdk({ code: 'ECONNRESET' }))).toBe(true)
    expect(isDatabaseUnavailable(sdk({ name: 'InternalServerError', $fault: 'server' }, 500))).toBe(true)
    expect(isDatabaseUnavailable(sdk({ name: 'ServiceUnavailable' }, 503))).toBe(true)
    expect(isDatabaseUnavailable(sdk({ name: 'ProvisionedThroughputExceededException', $fault: 'client' }, 400))).toBe(
      true,
    )
    expect(isDatabaseUnavailable(sdk({ name: 'ThrottlingException' }, 400))).toBe(true)
  })

  it('is false for bugs and answers: a failed condition, a missing table, a validation error, any non-SDK error', () => {
    expect(isDatabaseUnavailable(sdk({ name: 'ConditionalCheckFailedException', $fault: 'client' }, 400))).toBe(false)
    expect(isDatabaseUnavailable(sdk({ name: 'ResourceNotFoundException' }, 400))).toBe(false)
    expect(isDatabaseUnavailable(sdk({ name: 'ValidationException' }, 400))).toBe(false)
    expect(isDatabaseUnavailable(Object.assign(new Error('boom'), { code: 'ECONNREFUSED' }))).toBe(false)
    expect(isDatabaseUnavailable(new TypeError('undefined is not a function'))).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
  })
})
