import { getCampaign } from '../db/campaigns'
import { AppError } from '../errors'
import type { Campaign } from '../schemas/campaign'

/** The brand's campaign by id, or a 404. */
export async function getCampaignOrThrow(brandId: string, campaignId: string): Promise<Campaign> {
  const campaign = await getCampaign(brandId, campaignId)
  if (!campaign) throw new AppError({ code: 'not_found', message: `Campaign ${campaignId} not found.` })
  return campaign
}
