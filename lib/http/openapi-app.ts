import { OpenAPIHono, type z } from '@hono/zod-openapi'
import { AppError, fieldIssuesFromZod } from '../errors'
import { ErrorBody } from './error-body'
import { requireRole } from './auth'
import type { AppEnv, Role } from './env'

/**
 * A router whose zod validation failures become field-level 422s. Every
 * resource's routes are built with this, so request types, validation and
 * the OpenAPI document come from the same schemas.
 */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError({ code: 'invalid_input', fields: fieldIssuesFromZod(result.error) })
      }
    },
  })
}

/** `{ content: { 'application/json': { schema } }, description }` for createRoute. */
export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
})

/** The error responses every authenticated route can give. */
export const errorResponses = {
  400: jsonContent(ErrorBody, 'Malformed request'),
  401: jsonContent(ErrorBody, 'Missing or invalid credential'),
  403: jsonContent(ErrorBody, 'Credential lacks the role'),
  404: jsonContent(ErrorBody, "Not found (or not this brand's)"),
  422: jsonContent(ErrorBody, 'Invalid fields'),
  429: jsonContent(ErrorBody, 'Too many failed credentials or joins from this address (see Retry-After)'),
} as const

/** …and those of a route that takes a JSON body (the API's guards: at most 64 KB, sent as JSON). */
export const bodyErrorResponses = {
  ...errorResponses,
  413: jsonContent(ErrorBody, 'The body is over 64 KB'),
  415: jsonContent(ErrorBody, 'The body is not sent as application/json'),
} as const

/**
 * The credentials each role signs in with, as OpenAPI security requirements (alternatives).
 * The schemes are registered in lib/http/openapi-document.ts; how a credential is read is lib/http/auth.ts.
 */
const CREDENTIALS: Record<Role, string[]> = {
  platform: ['platformToken'],
  admin: ['brandKey', 'consoleCookie'],
  finance: ['brandKey', 'consoleCookie'],
  distributor: ['sessionCookie', 'sessionToken'],
}

/** The security requirements of a route open to these roles: each credential that can carry one of them, once. */
export const securityFor = (roles: readonly Role[]): Array<Record<string, string[]>> =>
  [...new Set(roles.flatMap((role) => CREDENTIALS[role]))].map((scheme) => ({ [scheme]: [] }))

/**
 * A route's guard and its documented security, from one list of roles, so they cannot disagree. The
 * roles themselves (an API key or console session is admin or finance) are listed as `x-roles`.
 * @example createRoute({ method: 'get', path: '/rules', ...access('admin'), responses })
 */
export const access = (...roles: Role[]) => ({
  middleware: [requireRole(...roles)],
  security: securityFor(roles),
  'x-roles': roles,
})

/** A route anyone may call: no credential (overrides the document's default). */
export const publicAccess = { security: [] }
