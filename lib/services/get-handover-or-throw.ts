import { getHandover } from '../db/handovers'
import { AppError } from '../errors'
import type { Handover } from '../schemas/handover'

/** The hand-over of a distributor who left (the caller has checked the distributor's brand), or a 404. */
export async function getHandoverOrThrow(leaverId: string): Promise<Handover> {
  const handover = await getHandover(leaverId)
  if (!handover) throw new AppError({ code: 'not_found', message: `${leaverId} has no hand-over.` })
  return handover
}
