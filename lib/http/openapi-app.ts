import { OpenAPIHono, type z } from '@hono/zod-openapi'
import { AppError, fieldsFromZod } from '../errors'
import { ErrorBody } from './error-body'
import type { AppEnv } from './env'

/**
 * A router whose zod validation failures become field-level 422s. Every
 * resource's routes are built with this, so request types, validation and
 * the OpenAPI document come from the same schemas.
 */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError({
          code: 'invalid_input',
          message: 'The request has invalid fields.',
          fields: fieldsFromZod(result.error),
        })
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

type DocumentConfig = Parameters<OpenAPIHono['getOpenAPI31Document']>[0]

/**
 * One OpenAPI 3.1 document for apps served side by side: `app`'s own (its paths
 * under its base path) with the paths and components of `beside`, which are
 * served outside it (the webhooks next to /api).
 * @example api.get('/openapi.json', (c) => c.json(documentWith(api, [webhooks], config)))
 */
export function documentWith(app: OpenAPIHono<AppEnv>, beside: OpenAPIHono<AppEnv>[], config: DocumentConfig) {
  const doc = app.getOpenAPI31Document(config)
  for (const other of beside) {
    const more = other.getOpenAPI31Document(config)
    doc.paths = { ...doc.paths, ...more.paths }
    const components: Record<string, object> = { ...doc.components }
    for (const [kind, named] of Object.entries(more.components ?? {}))
      components[kind] = { ...components[kind], ...named }
    doc.components = components
  }
  return doc
}
