import { createRoute } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses } from '../openapi-app'
import { distributorOf } from '../auth'
import { ErrorBody } from '../error-body'
import { baseUrlOf } from '../base-url'
import { CreateLinkBody, Link } from '../../schemas/link'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { getDistributorOrThrow } from '../../services/distributor-or-throw'
import { presentLink, shareLinkFor } from '../../services/share-links'

export const links = router()

// POST /api/links: a distributor's tracked share link for a product or an allowed URL (same target → same link).
const createLinkRoute = createRoute({
  method: 'post',
  path: '/links',
  operationId: 'createLink',
  description:
    "The signed-in distributor's tracked share link for a product or a URL on one of the brand's allowed domains; the same target answers the same link.",
  tags: ['links'],
  ...access('distributor'),
  request: { body: jsonBody(CreateLinkBody) },
  responses: {
    200: jsonContent(Link, 'The existing link'),
    201: jsonContent(Link, 'A new link'),
    ...bodyErrorResponses,
    409: jsonContent(ErrorBody, 'No free code could be allocated; retry'),
  },
})
links.openapi(createLinkRoute, async (c) => {
  const { brandId, distributorId } = distributorOf(c)
  const [brand, distributor] = await Promise.all([
    getBrandOrThrow(brandId),
    getDistributorOrThrow(brandId, distributorId),
  ])
  const { link, created } = await shareLinkFor(distributor, brand.programme, c.req.valid('json'))
  return c.json(await presentLink(baseUrlOf(c), link), created ? 201 : 200)
})
