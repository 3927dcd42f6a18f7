import { PutCommand } from '@aws-sdk/lib-dynamodb'
import { keys } from './keys'
import { queryPage, readOne, strip, type KeyedRead } from './items'
import { tableName } from './table'
import { writeOrExplain } from './transact'
import type { Campaign } from '../schemas/campaign'

/**
 * Writes a campaign under its brand. `create` refuses an id already taken,
 * `replace` refuses one that does not exist; either returns false when refused.
 */
export async function putCampaign(brandId: string, campaign: Campaign, mode: 'create' | 'replace'): Promise<boolean> {
  const r = await writeOrExplain(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.campaign(brandId, campaign.id), entity: 'campaign', ...campaign },
      ConditionExpression: mode === 'create' ? 'attribute_not_exists(pk)' : 'attribute_exists(pk)',
    }),
  )
  return r.ok
}

export const campaignRead = (brandId: string, campaignId: string): KeyedRead<Campaign> => ({
  key: keys.campaign(brandId, campaignId),
  parse: strip<Campaign>,
})

/** One campaign by id, or undefined. */
export const getCampaign = (brandId: string, campaignId: string): Promise<Campaign | undefined> =>
  readOne(campaignRead(brandId, campaignId), true)

/** Every campaign of a brand, by id: one Query on the brand's key (a brand runs tens of campaigns, not thousands). */
export async function listCampaigns(brandId: string): Promise<Campaign[]> {
  const k = keys.campaignsOf(brandId)
  const out: Campaign[] = []
  let cursor: string | undefined
  do {
    const page = await queryPage<Campaign>(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': k.pk, ':p': k.skPrefix },
      },
      cursor,
    )
    out.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return out
}
