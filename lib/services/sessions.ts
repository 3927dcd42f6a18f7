import type { ConsoleClaims } from '../auth/console-session'
import { issuedAt, type SessionClaims } from '../auth/session-token'
import { getApiKeyRecord } from '../db/api-keys'
import { getDistributor } from '../db/distributors'
import { getBrandSessionStamp, putBrandSessionStamp, stampDistributorSessions } from '../db/session-stamps'
import type { Distributor } from '../schemas/distributor'
import { isLive } from './keys'

/**
 * How long one process may trust a brand's "sign everyone out" stamp it read. Per-process
 * caches are allowed only when bounded to ≤ 60 s (docs/architecture.md §9): with 30 s a
 * brand-wide sign-out reaches every Lambda instance within half a minute, and a warm
 * instance reads the stamp at most twice a minute per brand instead of on every request.
 */
export const BRAND_STAMP_TTL_MS = 30_000
const MAX_CACHED_BRANDS = 1000
const brandStamps = new Map<string, { notBefore: number | undefined; readAt: number }>()

/** The brand's stamp, from this process's cache when read less than BRAND_STAMP_TTL_MS ago. */
async function brandStamp(brandId: string, now: number): Promise<number | undefined> {
  const cached = brandStamps.get(brandId)
  if (cached && now - cached.readAt < BRAND_STAMP_TTL_MS && now >= cached.readAt) return cached.notBefore
  const notBefore = await getBrandSessionStamp(brandId)
  brandStamps.delete(brandId)
  if (brandStamps.size >= MAX_CACHED_BRANDS) brandStamps.delete(brandStamps.keys().next().value as string)
  brandStamps.set(brandId, { notBefore, readAt: now })
  return notBefore
}

export type SessionDistributor =
  | { kind: 'unknown' }
  | { kind: 'signed-out' }
  | { kind: 'found'; distributor: Distributor }

/**
 * The distributor behind a signed session: `unknown` when there is none in the session's
 * brand, `signed-out` when the session was issued before the distributor's stamp (set
 * when they were suspended or left) or the brand's (a brand-wide sign-out). The
 * distributor is one GetItem, which the request makes anyway; the brand's stamp is read
 * beside it, cached per process for at most BRAND_STAMP_TTL_MS.
 * A distributor who is not active is returned as found: callers refuse them as suspended.
 */
export async function distributorOfSession(claims: SessionClaims, now = Date.now()): Promise<SessionDistributor> {
  const [d, brandNotBefore] = await Promise.all([getDistributor(claims.d), brandStamp(claims.b, now)])
  if (!d || d.brandId !== claims.b) return { kind: 'unknown' }
  // Suspended or left: found, so the caller answers "suspended" rather than a bare "sign in again".
  if (d.status !== 'active') return { kind: 'found', distributor: d }
  const notBefore = Math.max(d.sessionsNotBefore ?? 0, brandNotBefore ?? 0)
  // At or before the stamp: a session minted in the very millisecond of a sign-out is refused, never kept.
  return notBefore > 0 && issuedAt(claims) <= notBefore ? { kind: 'signed-out' } : { kind: 'found', distributor: d }
}

/** Signs out a distributor's every session issued until now (on a suspension); returns the stamp. */
export async function signOutDistributor(distributorId: string, now = Date.now()): Promise<number> {
  await stampDistributorSessions(distributorId, now)
  return now
}

/**
 * Signs out every distributor of the brand: sessions issued before now are refused
 * within BRAND_STAMP_TTL_MS on every instance (at once on this one).
 */
export async function signOutEveryone(brandId: string, now = Date.now()): Promise<{ notBefore: string }> {
  await putBrandSessionStamp(brandId, now)
  brandStamps.delete(brandId)
  return { notBefore: new Date(now).toISOString() }
}

/**
 * Whether a console session's key still stands: the key record by id (one GetItem),
 * in the session's brand and role, neither revoked nor past a rotation's grace. So a
 * console session ends the moment its key is revoked or expires.
 */
export async function consoleSessionLive(claims: ConsoleClaims, now = Date.now()): Promise<boolean> {
  const k = await getApiKeyRecord(claims.b, claims.k)
  return !!k && k.brandId === claims.b && k.role === claims.r && isLive(k, now)
}
