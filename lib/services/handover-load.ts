import { countHandoverLoad } from '../db/handover-counts'

/**
 * What a leaver's hand-over would move (bound customers, direct recruits), for the confirmation that names it:
 * capped counts on the existing indexes, never a scan (lib/db/handover-counts.ts).
 */
export const handoverLoad = (leaverId: string) => countHandoverLoad(leaverId)
