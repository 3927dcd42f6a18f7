import { customAlphabet } from 'nanoid'
import { putCampaign } from '../db/campaigns'
import { AppError } from '../errors'
import type { Campaign, CampaignBody } from '../schemas/campaign'
import { SAFE_ALPHABET } from './create-distributor'
import { getCampaignOrThrow } from './get-campaign-or-throw'

const newCampaignId = customAlphabet(SAFE_ALPHABET, 10)

/** A new campaign; a given id already used by this brand is a 409 naming the field. */
export async function createCampaign(brandId: string, body: CampaignBody, now = new Date()): Promise<Campaign> {
  const at = now.toISOString()
  const { id, ...fields } = body
  const campaign: Campaign = { id: id ?? `c_${newCampaignId()}`, ...fields, createdAt: at, updatedAt: at }
  if (!(await putCampaign(brandId, campaign, 'create'))) {
    throw new AppError({
      code: 'conflict',
      message: `Campaign ${campaign.id} already exists.`,
      fields: { id: { reason: 'campaign.id_taken' } },
    })
  }
  return campaign
}

/** Replaces a campaign's name, window and active flag; its id and creation time stay. */
export async function replaceCampaign(
  brandId: string,
  id: string,
  body: CampaignBody,
  now = new Date(),
): Promise<Campaign> {
  if (body.id !== undefined && body.id !== id)
    throw new AppError({
      code: 'invalid_input',
      message: 'A campaign id cannot change.',
      reason: 'campaign.id_mismatch',
      fields: { id: { reason: 'campaign.id_mismatch' } },
    })
  const current = await getCampaignOrThrow(brandId, id)
  const { id: _id, ...fields } = body
  const campaign: Campaign = { ...current, ...fields, updatedAt: now.toISOString() }
  // Deleted between the read and the write: the same answer as never there.
  if (!(await putCampaign(brandId, campaign, 'replace')))
    throw new AppError({ code: 'not_found', message: `Campaign ${id} not found.` })
  return campaign
}
