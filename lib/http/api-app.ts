import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env'
import { authenticate } from './auth'
import { limitBody, requireJson } from './guards'
import { sameOriginWrites } from './same-origin'
import { apiHeaders } from './security-headers'
import { toErrorResponse } from './on-error'
import { serveOpenApiDocument } from './openapi-document'
import { AppError } from '../errors'
import { health } from './routes/health'
import { adminBrands } from './routes/admin-brands'
import { programme } from './routes/programme'
import { products } from './routes/products'
import { distributors } from './routes/distributors'
import { distributorImport } from './routes/distributor-import'
import { productImage } from './routes/product-image'
import { handovers } from './routes/handovers'
import { join } from './routes/join'
import { phoneSignIn } from './routes/phone-sign-in'
import { links } from './routes/links'
import { me } from './routes/me'
import { orders } from './routes/orders'
import { rules } from './routes/rules'
import { commissions } from './routes/commissions'
import { settlements } from './routes/settlements'
import { reports } from './routes/reports'
import { campaigns } from './routes/campaigns'
import { keys } from './routes/keys'

/**
 * The JSON API under /api: every resource's routes, one error handler, and the
 * OpenAPI document generated from the same zod schemas that validate requests.
 */
export function buildApiApp(): OpenAPIHono<AppEnv> {
  const api = new OpenAPIHono<AppEnv>().basePath('/api')
  api.use('*', apiHeaders)
  // Before the guards: the staff import takes a raw CSV body up to 4 MB and brings its own limit, type check and sign-in.
  api.use('/distributors/import', sameOriginWrites({ json: false }))
  api.route('/', distributorImport)
  // The same for a product's photo: the image bytes as the body, up to 5 MB.
  api.use('/products/:sku/image', sameOriginWrites({ json: false }))
  api.route('/', productImage)
  api.use('*', sameOriginWrites({ json: true }), limitBody, requireJson, authenticate)
  for (const r of [
    health,
    adminBrands,
    programme,
    products,
    distributors,
    handovers,
    join,
    phoneSignIn,
    links,
    me,
    orders,
    rules,
    campaigns,
    commissions,
    settlements,
    reports,
    keys,
  ])
    api.route('/', r)

  serveOpenApiDocument(api)
  const noRoute = (c: Parameters<typeof toErrorResponse>[1]) =>
    toErrorResponse(new AppError({ code: 'not_found', message: 'No such API route.' }), c)
  // Last: a mounted app's notFound is not used by the app it is mounted in, so unknown /api paths and methods answer here, as JSON.
  api.all('*', noRoute)
  api.notFound(noRoute)
  api.onError(toErrorResponse)
  return api
}
