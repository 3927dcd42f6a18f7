import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, bodyErrorResponses, publicAccess } from '../openapi-app'
import { ErrorBody } from '../error-body'
import { setSessionCookie } from '../session-cookie'
import { invalidField } from '../../errors'
import { Distributor, JoinBody } from '../../schemas/distributor'
import { getInvite } from '../../db/distributors'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { createDistributorFor } from '../../services/create-distributor'
import { sessionFor } from '../../services/sign-in-links'

export const join = router()

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
    409: jsonContent(ErrorBody, 'A concurrent join with the same requestId; retry'),
  },
})
join.openapi(joinRoute, async (c) => {
  const body = c.req.valid('json')
  const invite = await getInvite(body.inviteCode)
  if (!invite) throw invalidField('inviteCode', 'This invite code is not valid.')
  const inviter = await getDistributorOrThrow(invite.brandId, invite.distributorId)
  if (inviter.status !== 'active') throw invalidField('inviteCode', 'This invite is no longer active.')
  const brand = await getBrandOrThrow(invite.brandId)
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
})
