import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
import { IdParam } from '../../schemas/common'
import { Handover, LeaveBody } from '../../schemas/handover'
import { getHandoverOrThrow } from '../../services/get-handover-or-throw'
import { handOver } from '../../services/hand-over'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'

export const handovers = router()
const admin = [requireRole('admin')]
const IdParams = z.object({ id: IdParam })

// POST /api/distributors/:id/leave: a staff member left; their customers and recruits go to the successor (re-run to resume).
handovers.openapi(
  createRoute({
    method: 'post',
    path: '/distributors/{id}/leave',
    tags: ['distributors'],
    middleware: admin,
    request: { params: IdParams, body: jsonBody(LeaveBody) },
    responses: {
      200: jsonContent(Handover, 'The hand-over: `in_progress` means call again'),
      ...errorResponses,
      409: jsonContent(z.any(), 'Already handed over to someone else'),
    },
  }),
  async (c) => c.json(await handOver(brandOf(c), c.req.valid('param').id, c.req.valid('json').successorId), 200),
)

// GET /api/distributors/:id/handover: the hand-over of a distributor who left.
handovers.openapi(
  createRoute({
    method: 'get',
    path: '/distributors/{id}/handover',
    tags: ['distributors'],
    middleware: admin,
    request: { params: IdParams },
    responses: { 200: jsonContent(Handover, 'The hand-over'), ...errorResponses },
  }),
  async (c) => {
    const d = await getDistributorOrThrow(brandOf(c), c.req.valid('param').id)
    return c.json(await getHandoverOrThrow(d.id), 200)
  },
)
