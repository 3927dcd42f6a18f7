import { Logger } from '@aws-lambda-powertools/logger'

/**
 * The one structured logger of every function (Powertools for AWS Lambda): one
 * JSON line per entry with level, message, timestamp and service, plus the keys a
 * request appends (`requestId`, `brandId`: lib/http/log-request.ts). The level
 * comes from `POWERTOOLS_LOG_LEVEL` (default INFO).
 * @example logger.error('click not recorded', { code }, err)
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'ripple' })

/** A thrown value as log attributes: `error` formatted by the logger (name, message, stack) or, if not an Error, as text. */
export const errorInput = (err: unknown): { error: Error | string } => ({
  error: err instanceof Error ? err : String(err),
})
