import { getDistributor } from '../db/distributors'
import { AppError } from '../errors'
import type { Distributor } from '../schemas/distributor'

/**
 * Whose team a distributor is already in: their recruiter's name, or undefined for
 * someone the brand added at the top. One GetItem. What an invite answers someone who
 * is signed in to the same brand, instead of making them a second account.
 * @example (await uplineName(me)) ?? brand.name
 */
export async function uplineName(d: Distributor): Promise<string | undefined> {
  if (!d.parentId) return undefined
  const upline = await getDistributor(d.parentId)
  return upline && upline.brandId === d.brandId ? upline.name : undefined
}

/** The 409 POST /api/join answers a distributor who is already in the brand. */
export async function alreadyJoined(d: Distributor): Promise<AppError> {
  const upline = await uplineName(d)
  return new AppError({
    code: 'conflict',
    message: upline
      ? `You are already a distributor of this brand, in ${upline}'s team; open /m.`
      : 'You are already a distributor of this brand; open /m.',
  })
}
