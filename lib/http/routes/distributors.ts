import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
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
const admin = [requireRole('admin')]
const IdParams = z.object({ id: IdParam })

// POST /api/distributors: add a distributor; a repeat with the same externalId returns the first (200).
distributors.openapi(
  createRoute({
    method: 'post',
    path: '/distributors',
    tags: ['distributors'],
    middleware: admin,
    request: { body: jsonBody(CreateDistributorBody) },
    responses: {
      200: jsonContent(Distributor, 'Already existed'),
      201: jsonContent(Distributor, 'Created'),
      ...errorResponses,
      409: jsonContent(z.any(), 'externalId taken by a different distributor'),
    },
  }),
  async (c) => {
    const body = c.req.valid('json')
    const { distributor, created } = await createDistributorFor({ brandId: brandOf(c), ...body })
    return c.json(distributor, created ? 201 : 200)
  },
)

// GET /api/distributors: the brand's distributors by join time, a page at a time, filtered by type, status, ring, store or a name/external id search.
distributors.openapi(
  createRoute({
    method: 'get',
    path: '/distributors',
    tags: ['distributors'],
    middleware: admin,
    request: { query: ListDistributorsQuery },
    responses: {
      200: jsonContent(z.object({ items: z.array(Distributor), nextCursor: z.string().optional() }), 'A page'),
      ...errorResponses,
    },
  }),
  async (c) => {
    const { cursor, limit, ...filter } = c.req.valid('query')
    return c.json(await searchDistributors(brandOf(c), filter, { cursor, limit }), 200)
  },
)

// GET /api/distributors/:id
distributors.openapi(
  createRoute({
    method: 'get',
    path: '/distributors/{id}',
    tags: ['distributors'],
    middleware: admin,
    request: { params: IdParams },
    responses: { 200: jsonContent(Distributor, 'The distributor'), ...errorResponses },
  }),
  async (c) => c.json(await getDistributorOrThrow(brandOf(c), c.req.valid('param').id), 200),
)

// PATCH /api/distributors/:id: rename, suspend or reactivate, change type, or move under another recruiter (leaving is POST .../leave).
distributors.openapi(
  createRoute({
    method: 'patch',
    path: '/distributors/{id}',
    tags: ['distributors'],
    middleware: admin,
    request: { params: IdParams, body: jsonBody(PatchDistributorBody) },
    responses: {
      200: jsonContent(Distributor, 'After the change'),
      ...errorResponses,
      409: jsonContent(ErrorBody, 'They left (handed over): their status no longer changes'),
      422: jsonContent(
        ErrorBody,
        'Invalid fields, or status `left`, which only POST /api/distributors/{id}/leave sets',
      ),
    },
  }),
  async (c) => c.json(await updateDistributor(brandOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
)

// POST /api/distributors/:id/sign-in-links: a single-use 15-minute sign-in URL (single sign-on for the brand's staff).
distributors.openapi(
  createRoute({
    method: 'post',
    path: '/distributors/{id}/sign-in-links',
    tags: ['distributors'],
    middleware: admin,
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
  }),
  async (c) => {
    const d = await getDistributorOrThrow(brandOf(c), c.req.valid('param').id)
    const link = await mintSignInLink(baseUrlOf(c), d.brandId, d.id)
    return c.json({ ...link, qrSvg: await qrSvg(link.url) }, 201)
  },
)
