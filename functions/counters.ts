import { logger } from '../lib/log'
import { countStreamChanges } from '../lib/services/count-stream-changes'
import type { DynamoDBStreamEvent } from '../lib/db/stream-records'

/**
 * Lambda entry for the table's stream: sums each batch's events into the report
 * counters. Subscribe it with a filter built from COUNTED_CHANGES
 * (lib/domain/counter-deltas.ts) so other writes do not invoke it. Throwing makes Lambda retry the whole batch;
 * the per-chunk markers make that safe.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const result = await countStreamChanges(event.Records)
  logger.info('job done', { job: 'report-counters', records: event.Records.length, ...result })
}
