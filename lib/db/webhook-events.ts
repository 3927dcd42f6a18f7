import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem } from './items'
import { tableName } from './table'

/** Webhook event ids are remembered for a week: longer than Shopify's 48-hour retry schedule. */
const EVENT_TTL_SECONDS = 7 * 86_400

/** True when this delivery's event id was already processed. */
export async function seenWebhookEvent(brandId: string, eventId: string): Promise<boolean> {
  return !!(await getItem(keys.webhookEvent(brandId, eventId)))
}

/** Records a processed event id (a shortcut for repeats; orders and refunds are idempotent on their own). */
export async function rememberWebhookEvent(brandId: string, eventId: string, topic: string): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.webhookEvent(brandId, eventId), topic, ttl: Math.floor(Date.now() / 1000) + EVENT_TTL_SECONDS },
    }),
  )
}
