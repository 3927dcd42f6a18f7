import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { baseUrlOf } from '../base-url'
import { ErrorBody } from '../error-body'
import {
  CreateDistributorBody,
  Distributor,
  ListDistributorsQuery,
  PatchDistributorBody,
} from '../../schemas/distributor'
import { IdParam } from '../../schemas/common'
import { searchDistributors } from '../../db/distributor-search'
import { createDistributorFor } from '../../services/create-distributor'
import { updateDistributor } from '../../services/update-distributor'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { mintSignInLink } from '../../services/sign-in-links'
import { qrSvg } from '../../services/share-links'

export const distributors = router()
const IdParams = z.object({ id: IdParam })

// POST /api/distributors: add a distributor; a repeat with the same externalId returns the first (200).
const createDistributorRoute = createRoute({
  method: 'post',
  path: '/distributors',
  operationId: 'createDistributor',
  description:
    'Adds a distributor (optionally under a recruiter). A repeat with the same externalId and the same details answers the first one (200).',
  tags: ['distributors'],
  ...access('admin'),
  request: { body: jsonBody(CreateDistributorBody) },
  responses: {
    200: jsonContent(Distributor, 'Already existed'),
    201: jsonContent(Distributor, 'Created'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'externalId taken by a different distributor'),
  },
})
distributors.openapi(createDistributorRoute, async (c) => {
  const body = c.req.valid('json')
  const { distributor, created } = await createDistributorFor({ brandId: brandOf(c), ...body })
  return c.json(distributor, created ? 201 : 200)
})

// GET /api/distributors: the brand's distributors by join time, a page at a time, filtered by type, status, ring, store or a name/external id search.
const listDistributorsRoute = createRoute({
  method: 'get',
  path: '/distributors',
  operationId: 'listDistributors',
  description:
    "The brand's distributors by join time, a page at a time, filtered by type, status, ring, store or a search on name and external id.",
  tags: ['distributors'],
  ...access('admin'),
  request: { query: ListDistributorsQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(Distributor), nextCursor: z.string().optional() }), 'A page'),
    ...errorResponses,
  },
})
distributors.openapi(listDistributorsRoute, async (c) => {
  const { cursor, limit, ...filter } = c.req.valid('query')
  return c.json(await searchDistributors(brandOf(c), filter, { cursor, limit }), 200)
})

// GET /api/distributors/:id
const getDistributorRoute = createRoute({
  method: 'get',
  path: '/distributors/{id}',
  operationId: 'getDistributor',
  description: 'One distributor of the brand.',
  tags: ['distributors'],
  ...access('admin'),
  request: { params: IdParams },
  responses: { 200: jsonContent(Distributor, 'The distributor'), ...errorResponses },
})
distributors.openapi(getDistributorRoute, async (c) =>
  c.json(await getDistributorOrThrow(brandOf(c), c.req.valid('param').id), 200),
)

// PATCH /api/distributors/:id: rename, suspend or reactivate, change type, or move under another recruiter (leaving is POST .../leave).
const updateDistributorRoute = createRoute({
  method: 'patch',
  path: '/distributors/{id}',
  operationId: 'updateDistributor',
  description:
    'Renames, suspends or reactivates, changes the type or moves the distributor (and their team) under another recruiter. Leaving is POST /api/distributors/{id}/leave.',
  tags: ['distributors'],
  ...access('admin'),
  request: { params: IdParams, body: jsonBody(PatchDistributorBody) },
  responses: {
    200: jsonContent(Distributor, 'After the change'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'They left (handed over): their status no longer changes'),
    422: jsonContent(ErrorBody, 'Invalid fields, or status `left`, which only POST /api/distributors/{id}/leave sets'),
  },
})
distributors.openapi(updateDistributorRoute, async (c) =>
  c.json(await updateDistributor(brandOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
)

// POST /api/distributors/:id/sign-in-links: a single-use 15-minute sign-in URL (single sign-on for the brand's staff).
const createSignInLinkRoute = createRoute({
  method: 'post',
  path: '/distributors/{id}/sign-in-links',
  operationId: 'createSignInLink',
  description:
    "A single-use sign-in URL for the distributor, valid 15 minutes, with its QR code: single sign-on from the brand's own staff systems.",
  tags: ['distributors'],
  ...access('admin'),
  request: { params: IdParams },
  responses: {
    201: jsonContent(
      z.object({
        url: z.string(),
        expiresAt: z.string(),
        qrSvg: z.string().openapi({ description: 'The URL as a QR code (SVG), to scan with a phone.' }),
      }),
      'The sign-in URL',
    ),
    ...errorResponses,
  },
})
distributors.openapi(createSignInLinkRoute, async (c) => {
  const d = await getDistributorOrThrow(brandOf(c), c.req.valid('param').id)
  const link = await mintSignInLink(baseUrlOf(c), d.brandId, d.id)
  return c.json({ ...link, qrSvg: await qrSvg(link.url) }, 201)
})
