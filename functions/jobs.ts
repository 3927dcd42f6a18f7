import { logger } from '../lib/log'
import { releaseHolds } from '../lib/services/release-holds'

/** Lambda entry for the scheduled jobs (EventBridge): moves held commissions to available. */
export const holdRelease = async (): Promise<{ released: number; days: number }> => {
  const result = await releaseHolds()
  logger.info('job done', { job: 'hold-release', ...result })
  return result
}
