import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { setSessionCookie } from '../session-cookie'
import { invalidField } from '../../errors'
import { Distributor, JoinBody } from '../../schemas/distributor'
import { getInvite } from '../../db/distributors'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { createDistributorFor } from '../../services/create-distributor'
import { sessionFor } from '../../services/sign-in-links'
import { enforceLimit } from '../rate-limit'
import { RATE_LIMITS } from '../../config/rate-limits'

export const join = router()

// POST /api/join: someone with an invite code becomes a distributor under the inviter and is signed in at once.
join.openapi(
  createRoute({
    method: 'post',
    path: '/join',
    tags: ['distributors'],
    request: { body: jsonBody(JoinBody) },
    responses: {
      200: jsonContent(
        z.object({ distributor: Distributor, sessionToken: z.string() }),
        'Joined before (same requestId)',
      ),
      201: jsonContent(
        z.object({ distributor: Distributor, sessionToken: z.string() }),
        'Joined; the session cookie is set',
      ),
      ...errorResponses,
    },
  }),
  async (c) => {
    const body = c.req.valid('json')
    await enforceLimit(c, RATE_LIMITS.joinsPerAddress)
    const invite = await getInvite(body.inviteCode)
    if (!invite) throw invalidField('inviteCode', 'This invite code is not valid.')
    const inviter = await getDistributorOrThrow(invite.brandId, invite.distributorId)
    if (inviter.status !== 'active') throw invalidField('inviteCode', 'This invite is no longer active.')
    const brand = await getBrandOrThrow(invite.brandId)
    await enforceLimit(c, RATE_LIMITS.joinsPerInvite, body.inviteCode)
    const { distributor, created } = await createDistributorFor({
      brandId: brand.id,
      name: body.name,
      type: brand.programme.defaultRecruitType,
      parentId: inviter.id,
      idempotencyKey: body.requestId ? `join:${body.requestId}` : undefined,
    })
    const sessionToken = sessionFor(brand.id, distributor.id)
    setSessionCookie(c, sessionToken)
    return c.json({ distributor, sessionToken }, created ? 201 : 200)
  },
)
