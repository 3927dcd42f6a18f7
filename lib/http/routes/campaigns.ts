import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
import { ErrorBody } from '../error-body'
import { Campaign, CampaignBody } from '../../schemas/campaign'
import { IdParam } from '../../schemas/common'
import { listCampaigns } from '../../db/campaigns'
import { getCampaignOrThrow } from '../../services/get-campaign-or-throw'
import { createCampaign, replaceCampaign } from '../../services/campaigns'

export const campaigns = router()
const admin = [requireRole('admin')]
const Params = z.object({ id: IdParam })

// GET /api/campaigns: every campaign of the brand (one Query on the brand's key).
campaigns.openapi(
  createRoute({
    method: 'get',
    path: '/campaigns',
    tags: ['campaigns'],
    middleware: admin,
    responses: { 200: jsonContent(z.object({ items: z.array(Campaign) }), 'Campaigns'), ...errorResponses },
  }),
  async (c) => c.json({ items: await listCampaigns(brandOf(c)) }, 200),
)

// GET /api/campaigns/:id
campaigns.openapi(
  createRoute({
    method: 'get',
    path: '/campaigns/{id}',
    tags: ['campaigns'],
    middleware: admin,
    request: { params: Params },
    responses: { 200: jsonContent(Campaign, 'The campaign'), ...errorResponses },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    return c.json(await getCampaignOrThrow(brandOf(c), id), 200)
  },
)

// POST /api/campaigns: a new campaign (a named window campaign-scope rules target by id).
campaigns.openapi(
  createRoute({
    method: 'post',
    path: '/campaigns',
    tags: ['campaigns'],
    middleware: admin,
    request: { body: jsonBody(CampaignBody) },
    responses: {
      201: jsonContent(Campaign, 'Created'),
      ...errorResponses,
      409: jsonContent(ErrorBody, 'The id is taken'),
    },
  }),
  async (c) => c.json(await createCampaign(brandOf(c), c.req.valid('json')), 201),
)

// PUT /api/campaigns/:id: replace name, window and active (active: false ends it early).
campaigns.openapi(
  createRoute({
    method: 'put',
    path: '/campaigns/{id}',
    tags: ['campaigns'],
    middleware: admin,
    request: { params: Params, body: jsonBody(CampaignBody) },
    responses: { 200: jsonContent(Campaign, 'Replaced'), ...errorResponses },
  }),
  async (c) => c.json(await replaceCampaign(brandOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
)
