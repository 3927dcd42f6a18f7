import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { ErrorBody } from '../error-body'
import { IdParam } from '../../schemas/common'
import { Handover, LeaveBody } from '../../schemas/handover'
import { getHandoverOrThrow } from '../../services/get-handover-or-throw'
import { handOver } from '../../services/hand-over'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'

export const handovers = router()
const IdParams = z.object({ id: IdParam })

// POST /api/distributors/:id/leave: a staff member left; their customers and recruits go to the successor (re-run to resume).
const leaveRoute = createRoute({
  method: 'post',
  path: '/distributors/{id}/leave',
  operationId: 'handOverDistributor',
  description:
    'A staff member left: their customer bindings and recruits are handed to the successor, a part at a time. `in_progress` means call again to resume.',
  tags: ['distributors'],
  ...access('admin'),
  request: { params: IdParams, body: jsonBody(LeaveBody) },
  responses: {
    200: jsonContent(Handover, 'The hand-over: `in_progress` means call again'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'Already handed over to someone else'),
  },
})
handovers.openapi(leaveRoute, async (c) =>
  c.json(await handOver(brandOf(c), c.req.valid('param').id, c.req.valid('json').successorId), 200),
)

// GET /api/distributors/:id/handover: the hand-over of a distributor who left.
const getHandoverRoute = createRoute({
  method: 'get',
  path: '/distributors/{id}/handover',
  operationId: 'getHandover',
  description: 'The hand-over of a distributor who left: the successor, its progress and what was moved.',
  tags: ['distributors'],
  ...access('admin'),
  request: { params: IdParams },
  responses: { 200: jsonContent(Handover, 'The hand-over'), ...errorResponses },
})
handovers.openapi(getHandoverRoute, async (c) => {
  const d = await getDistributorOrThrow(brandOf(c), c.req.valid('param').id)
  return c.json(await getHandoverOrThrow(d.id), 200)
})
