import { customAlphabet } from 'nanoid'
import { createHash } from 'node:crypto'
import { createDistributor, getDistributor } from '../db/distributors'
import { placementUnder } from '../domain/ring'
import { teamDeltas } from '../domain/team'
import { AppError } from '../errors'
import type { Distributor, DistributorType, NewDistributorStatus } from '../schemas/distributor'
import { getDistributorOrThrow } from './distributor-or-throw'
import { phoneTaken } from '../db/phones'

/** Letters and digits without look-alikes (0/O, 1/l/I): safe to read aloud, type, and paste in WeChat. */
export const SAFE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'
/**
 * Invite codes double as coupon codes a consumer types at checkout: capitals and
 * digits only (32 symbols, 5 bits each), and 12 of them, 60 bits. The invite page
 * answers anyone, so the length is what makes guessing pointless: at the per-address
 * limit (lib/config/rate-limits.ts, 60 look-ups per 10 minutes, ~3.2 million a year)
 * against a million live codes, one address finds one in ~360,000 years, and even the
 * whole production stage throttle (5,000/s, every request a guess) in ~7 years.
 * Codes minted at 7 characters before stay valid: codes are looked up as stored.
 * Link codes are 8 characters, so a code's length says which one to look up first.
 */
export const COUPON_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
export const INVITE_CODE_LENGTH = 12
export const newInviteCode = customAlphabet(COUPON_ALPHABET, INVITE_CODE_LENGTH)
const newId = customAlphabet(SAFE_ALPHABET, 14)

export interface NewDistributor {
  brandId: string
  name: string
  type: DistributorType
  parentId?: string | null
  externalId?: string
  store?: string
  payeeReference?: string
  /** E.164, unique in the brand (lib/db/phones.ts). */
  phone?: string
  /** Never `left`: leaving is the hand-over (lib/services/hand-over.ts), which also moves customers and recruits. */
  status?: NewDistributorStatus
  /** Makes a retried request return the first one's distributor (id derived from it). */
  idempotencyKey?: string
}

/**
 * Creates a distributor under its recruiter (same brand only), with its ring,
 * depth and ancestors derived, its invite code claimed and its recruiters' team
 * counts raised, all or nothing. A repeat with the same external id or
 * idempotency key returns the existing distributor with `created: false`.
 */
/** Where reports count a newcomer as a recruit: their recruiter's ring, type and store as they joined. */
export const recruiterOf = (parent: Distributor | null | undefined): Distributor['recruiter'] =>
  parent ? { ring: parent.ring, type: parent.type, store: parent.store } : undefined

export async function createDistributorFor(
  input: NewDistributor,
): Promise<{ distributor: Distributor; created: boolean }> {
  const parent = input.parentId ? await getDistributorOrThrow(input.brandId, input.parentId, 'parentId') : null
  const placement = placementUnder(parent, input.type)
  const id = input.idempotencyKey
    ? `d_${createHash('sha256').update(`${input.brandId}:${input.idempotencyKey}`).digest('base64url').slice(0, 14)}`
    : `d_${newId()}`

  for (let attempt = 0; attempt < 5; attempt++) {
    const distributor: Distributor = {
      id,
      brandId: input.brandId,
      name: input.name,
      type: input.type,
      status: input.status ?? 'active',
      externalId: input.externalId,
      store: input.store,
      payeeReference: input.payeeReference,
      phone: input.phone,
      ...placement,
      inviteCode: newInviteCode(),
      joinedAt: new Date().toISOString(),
      recruiter: recruiterOf(parent),
    }
    const result = await createDistributor(distributor, teamDeltas([], placement.ancestors, [1]))
    if (result.created) return { distributor, created: true }
    if (result.reason === 'invite_taken') continue
    if (result.reason === 'phone_taken') throw phoneTaken(result.holderId)
    const existingId = result.reason === 'external_id_taken' ? result.existingId : id
    const existing = await getDistributor(existingId)
    if (!existing)
      throw new AppError({ code: 'conflict', message: 'A concurrent request is creating this distributor; retry.' })
    if (existing.type !== input.type || existing.parentId !== placement.parentId) {
      throw new AppError({
        code: 'conflict',
        message: `External id ${input.externalId ?? ''} already belongs to ${existing.id} with a different type or recruiter.`,
        reason: 'distributor.external_id_taken',
        params: { id: existing.id },
        fields: { externalId: { reason: 'distributor.external_id_taken', params: { id: existing.id } } },
      })
    }
    return { distributor: existing, created: false }
  }
  throw new AppError({ code: 'conflict', message: 'Could not allocate an invite code; retry.' })
}
