import { createRoute, z } from '@hono/zod-openapi'
import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { router, jsonContent, publicAccess } from '../openapi-app'
import { db } from '../../db/client'
import { tableName } from '../../db/table'

export const health = router()
const Health = z.object({ ok: z.boolean(), dynamodb: z.enum(['up', 'down']) })

// GET /api/health: is the table reachable? 503 when it is not.
const getHealthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  description: 'Whether the table is reachable (a keyed read of an item that never exists); 503 when it is not.',
  tags: ['health'],
  ...publicAccess,
  responses: { 200: jsonContent(Health, 'Up'), 503: jsonContent(Health, 'DynamoDB unreachable') },
})
health.openapi(getHealthRoute, async (c) => {
  try {
    // A keyed read of an item that never exists: data-plane, cheap, and allowed by the API's own IAM policy.
    await db().send(new GetCommand({ TableName: tableName(), Key: { pk: 'HEALTH', sk: 'CHECK' } }), {
      abortSignal: AbortSignal.timeout(3000),
    })
    return c.json({ ok: true, dynamodb: 'up' as const }, 200)
  } catch {
    return c.json({ ok: false, dynamodb: 'down' as const }, 503)
  }
})
