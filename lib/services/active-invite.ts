import { getBrand } from '../db/brands'
import { getDistributor, getInvite } from '../db/distributors'
import type { Brand } from '../schemas/brand'
import type { Distributor } from '../schemas/distributor'

/**
 * The inviter and brand behind an invite code while it still recruits: undefined for an unknown
 * code, a missing brand, or an inviter who is not active (the rule POST /api/join applies).
 * One GetItem for the invite, then two in parallel.
 * @example const invite = await activeInvite('ABC2345') // invite?.inviter.name
 */
export async function activeInvite(code: string): Promise<{ inviter: Distributor; brand: Brand } | undefined> {
  const invite = await getInvite(code)
  if (!invite) return undefined
  const [inviter, brand] = await Promise.all([getDistributor(invite.distributorId), getBrand(invite.brandId)])
  if (!inviter || !brand || inviter.brandId !== brand.id || inviter.status !== 'active') return undefined
  return { inviter, brand }
}
