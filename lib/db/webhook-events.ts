import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { db } from './client'
import { keys } from './keys'
import { getItem } from './items'
import { tableName } from './table'

/** Webhook event ids are remembered for a week: longer than Shopify's 48-hour retry schedule. */
const EVENT_TTL_SECONDS = 7 * 86_400

/** A processed delivery as remembered: its topic and the hash of its signed body (absent on events stored before). */
export interface WebhookEvent {
  topic: string
  bodyHash?: string
}

/** The delivery already processed under this event id, if any. */
export async function getWebhookEvent(brandId: string, eventId: string): Promise<WebhookEvent | undefined> {
  const item = await getItem(keys.webhookEvent(brandId, eventId))
  if (!item) return undefined
  return { topic: String(item.topic), ...(typeof item.bodyHash === 'string' ? { bodyHash: item.bodyHash } : {}) }
}

/** Records a processed event id with what it carried (a shortcut for repeats; orders and refunds are idempotent on their own). */
export async function rememberWebhookEvent(brandId: string, eventId: string, event: WebhookEvent): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.webhookEvent(brandId, eventId),
        topic: event.topic,
        bodyHash: event.bodyHash,
        ttl: Math.floor(Date.now() / 1000) + EVENT_TTL_SECONDS,
      },
    }),
  )
}
