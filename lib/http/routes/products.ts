import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { Product, ProductBody } from '../../schemas/product'
import { PageQuery } from '../../schemas/common'
import { listProducts, putProduct } from '../../db/products'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { minorOrThrow } from '../../services/money-fields'

export const products = router()

// POST /api/products: add a product, or replace the one with the same SKU (safe to retry).
const putProductRoute = createRoute({
  method: 'post',
  path: '/products',
  operationId: 'putProduct',
  description:
    'Adds a product, or replaces the one with the same SKU (safe to retry). The price is in the brand currency.',
  tags: ['products'],
  ...access('admin'),
  request: { body: jsonBody(ProductBody) },
  responses: { 200: jsonContent(Product, 'Replaced'), 201: jsonContent(Product, 'Created'), ...bodyErrorResponses },
})
products.openapi(putProductRoute, async (c) => {
  const body = c.req.valid('json')
  const brand = await getBrandOrThrow(brandOf(c))
  const product = {
    ...body,
    price: minorOrThrow(body.price, brand.programme.currency, 'price'),
    updatedAt: new Date().toISOString(),
  }
  const { created, product: stored } = await putProduct(brand.id, product)
  return c.json(stored, created ? 201 : 200)
})

// GET /api/products: the catalogue, a page at a time.
const listProductsRoute = createRoute({
  method: 'get',
  path: '/products',
  operationId: 'listProducts',
  description: "The brand's catalogue, a page at a time (distributors read it to pick what to share).",
  tags: ['products'],
  ...access('admin', 'finance', 'distributor'),
  request: { query: PageQuery },
  responses: {
    200: jsonContent(z.object({ items: z.array(Product), nextCursor: z.string().optional() }), 'A page of products'),
    ...errorResponses,
  },
})
products.openapi(listProductsRoute, async (c) => {
  const { cursor, limit } = c.req.valid('query')
  return c.json(await listProducts(brandOf(c), { cursor, limit }), 200)
})
