import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { ErrorBody } from '../error-body'
import { Campaign, CampaignBody } from '../../schemas/campaign'
import { IdParam } from '../../schemas/common'
import { listCampaigns } from '../../db/campaigns'
import { getCampaignOrThrow } from '../../services/get-campaign-or-throw'
import { createCampaign, replaceCampaign } from '../../services/campaigns'

export const campaigns = router()
const Params = z.object({ id: IdParam })

// GET /api/campaigns: every campaign of the brand (one Query on the brand's key).
const listCampaignsRoute = createRoute({
  method: 'get',
  path: '/campaigns',
  operationId: 'listCampaigns',
  description: 'Every campaign of the brand, ended ones included.',
  tags: ['campaigns'],
  ...access('admin'),
  responses: { 200: jsonContent(z.object({ items: z.array(Campaign) }), 'Campaigns'), ...errorResponses },
})
campaigns.openapi(listCampaignsRoute, async (c) => c.json({ items: await listCampaigns(brandOf(c)) }, 200))

// GET /api/campaigns/:id
const getCampaignRoute = createRoute({
  method: 'get',
  path: '/campaigns/{id}',
  operationId: 'getCampaign',
  description: 'One campaign: its name, window and whether it is active.',
  tags: ['campaigns'],
  ...access('admin'),
  request: { params: Params },
  responses: { 200: jsonContent(Campaign, 'The campaign'), ...errorResponses },
})
campaigns.openapi(getCampaignRoute, async (c) => {
  const { id } = c.req.valid('param')
  return c.json(await getCampaignOrThrow(brandOf(c), id), 200)
})

// POST /api/campaigns: a new campaign (a named window campaign-scope rules target by id).
const createCampaignRoute = createRoute({
  method: 'post',
  path: '/campaigns',
  operationId: 'createCampaign',
  description: 'A new campaign: a named time window that campaign-scope commission rules target by its id.',
  tags: ['campaigns'],
  ...access('admin'),
  request: { body: jsonBody(CampaignBody) },
  responses: {
    201: jsonContent(Campaign, 'Created'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'The id is taken'),
  },
})
campaigns.openapi(createCampaignRoute, async (c) => c.json(await createCampaign(brandOf(c), c.req.valid('json')), 201))

// PUT /api/campaigns/:id: replace name, window and active (active: false ends it early).
const replaceCampaignRoute = createRoute({
  method: 'put',
  path: '/campaigns/{id}',
  operationId: 'replaceCampaign',
  description: 'Replaces the name, the window and `active` (`active: false` ends the campaign early).',
  tags: ['campaigns'],
  ...access('admin'),
  request: { params: Params, body: jsonBody(CampaignBody) },
  responses: { 200: jsonContent(Campaign, 'Replaced'), ...bodyErrorResponses },
})
campaigns.openapi(replaceCampaignRoute, async (c) =>
  c.json(await replaceCampaign(brandOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
)
