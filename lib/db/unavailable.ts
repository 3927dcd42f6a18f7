/** Error names DynamoDB answers when it sheds load: a brief wait and the same request succeed. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
])
/** Socket errors and the SDK's own timeouts (connection and request, lib/db/client.ts). */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'])

interface SdkError {
  name?: string
  code?: string
  $fault?: string
  $metadata?: { httpStatusCode?: number }
}

/**
 * True for an error the SDK gave up on (after its retries) because DynamoDB was
 * unreachable, too slow, failing (5xx) or throttling: the request may succeed
 * later unchanged, so callers answer 503 with Retry-After rather than 500. Only
 * errors that went through the SDK (they carry `$metadata`) qualify.
 * @example if (isDatabaseUnavailable(err)) throw new AppError({ code: 'unavailable', message, cause: err })
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null || !('$metadata' in err)) return false
  const e = err as SdkError
  const status = e.$metadata?.httpStatusCode ?? 0
  return (
    e.name === 'TimeoutError' ||
    NETWORK.has(e.code ?? '') ||
    e.$fault === 'server' ||
    status >= 500 ||
    THROTTLING.has(e.name ?? '')
  )
}
