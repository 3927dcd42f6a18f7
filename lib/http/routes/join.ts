import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, bodyErrorResponses, publicAccess } from '../openapi-app'
import { ErrorBody } from '../error-body'
import { rememberBrand, setSessionCookie } from '../session-cookie'
import { AppError, invalidField } from '../../errors'
import { sha256 } from '../../auth/secrets'
import { deviceOf } from '../device-cookie'
import { enforceLimit } from '../rate-limit'
import { RATE_LIMITS } from '../../config/rate-limits'
import { Distributor, JoinBody } from '../../schemas/distributor'
import { getInvite } from '../../db/distributors'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { createDistributorFor } from '../../services/create-distributor'
import { sessionFor } from '../../services/sign-in-links'
import { alreadyJoined } from '../../services/already-joined'
import { getDistributor } from '../../db/distributors'

export const join = router()

/** How long a repeated join (same requestId, same browser) gets the session again: a lost answer is retried at once. */
export const JOIN_REPLAY_MINUTES = 10

// POST /api/join: someone with an invite code becomes a distributor under the inviter and is signed in at once.
const Joined = z.object({ distributor: Distributor, sessionToken: z.string() })

const joinRoute = createRoute({
  method: 'post',
  path: '/join',
  operationId: 'join',
  description:
    "Someone with a distributor's invite code becomes a distributor under them (the brand's default recruit type) and is signed in at once: the session cookie is set and the token returned. A repeat with the same requestId answers the first join.",
  tags: ['distributors'],
  ...publicAccess,
  request: { body: jsonBody(JoinBody) },
  responses: {
    200: jsonContent(Joined, 'Joined before (same requestId)'),
    201: jsonContent(Joined, 'Joined; the session cookie is set'),
    ...bodyErrorResponses,
    409: jsonContent(
      ErrorBody,
      'Already signed in as a distributor of this brand (the message names whose team); a concurrent join with the same requestId, or the same requestId after the replay window',
    ),
  },
})
join.openapi(joinRoute, async (c) => {
  const body = c.req.valid('json')
  await enforceLimit(c, RATE_LIMITS.joinsPerAddress)
  const invite = await getInvite(body.inviteCode)
  if (!invite) throw invalidField('inviteCode', { reason: 'join.invite_invalid' })
  const inviter = await getDistributorOrThrow(invite.brandId, invite.distributorId)
  if (inviter.status !== 'active') throw invalidField('inviteCode', { reason: 'join.invite_inactive' })
  const brand = await getBrandOrThrow(invite.brandId)
  // Signed in to this brand already: one person, one account. A retry of the join that just made them (its answer
  // lost after the cookie was set) goes on below and answers the same distributor.
  const caller = c.get('caller')
  if (caller.kind === 'distributor' && caller.brandId === brand.id) {
    const me = await getDistributor(caller.distributorId)
    const retry =
      !!body.requestId &&
      me?.parentId === inviter.id &&
      Date.now() - Date.parse(me.joinedAt) <= JOIN_REPLAY_MINUTES * 60_000
    if (me && !retry) throw await alreadyJoined(me)
  }
  await enforceLimit(c, RATE_LIMITS.joinsPerInvite, body.inviteCode)
  // The requestId makes a retry idempotent only together with the invite page's device cookie:
  // someone else who learns it (a log, a shared screen) gets an account of their own, not this one.
  const device = deviceOf(c)
  const { distributor, created } = await createDistributorFor({
    brandId: brand.id,
    name: body.name,
    type: brand.programme.defaultRecruitType,
    parentId: inviter.id,
    idempotencyKey: body.requestId && device ? `join:${sha256(device)}:${body.requestId}` : undefined,
  })
  if (!created && Date.now() - Date.parse(distributor.joinedAt) > JOIN_REPLAY_MINUTES * 60_000)
    throw new AppError({
      code: 'conflict',
      message: 'This join was completed earlier; ask the brand for a sign-in link to sign in again.',
    })
  const sessionToken = sessionFor(brand.id, distributor.id)
  setSessionCookie(c, sessionToken)
  rememberBrand(c, brand.id)
  return c.json({ distributor, sessionToken }, created ? 201 : 200)
})
