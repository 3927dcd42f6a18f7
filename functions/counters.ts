import { countStreamClicks } from '../lib/services/count-stream-clicks'
import type { DynamoDBStreamEvent } from '../lib/db/stream-records'

/**
 * Lambda entry for the table's stream: sums each batch's new clicks into the
 * counters. Subscribe it with a filter (eventName INSERT, NewImage.entity "click")
 * so other writes do not invoke it. Throwing makes Lambda retry the whole batch;
 * the per-chunk markers make that safe.
 */
export const handler = async (event: DynamoDBStreamEvent): Promise<void> => {
  const result = await countStreamClicks(event.Records)
  console.log(JSON.stringify({ level: 'info', job: 'click-counters', records: event.Records.length, ...result }))
}
