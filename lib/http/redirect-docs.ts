import { OpenAPIHono, z } from '@hono/zod-openapi'
import { publicAccess } from './openapi-app'

/**
 * GET /s/{code} for the API's OpenAPI document. The click path is its own small Lambda
 * (lib/http/redirect-app.ts) that never loads zod, so its path is described here, in an
 * app that only carries the description, and merged into the document by openapi-document.ts.
 */
export function redirectDocs(): OpenAPIHono {
  const docs = new OpenAPIHono()
  docs.openAPIRegistry.registerPath({
    method: 'get',
    path: '/s/{code}',
    operationId: 'followShareLink',
    tags: ['redirect'],
    summary: 'Follow a share link',
    description:
      "A consumer opens a distributor's share link: the click is recorded (not for crawlers, once per visitor per bucket) " +
      'and the consumer is sent on to the target with `rpl_click` appended. A first visit sets the `rpl_vid` visitor cookie.',
    ...publicAccess,
    request: {
      params: z.object({
        code: z
          .string()
          .regex(/^[A-Za-z0-9]{6,32}$/)
          .openapi({ description: 'The short code of the link.' }),
      }),
    },
    responses: {
      302: {
        description: 'To the target, with `rpl_click=<clickId>` appended when the click was recorded',
        headers: {
          Location: { description: 'The target URL', schema: { type: 'string' } },
          'Set-Cookie': { description: '`rpl_vid`, the visitor id, on a first visit', schema: { type: 'string' } },
        },
      },
      404: {
        description: 'No such link: a small HTML page',
        content: { 'text/html': { schema: z.string() } },
      },
    },
  })
  return docs
}
