import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, errorResponses } from '../openapi-app'
import { brandOf, requireRole } from '../auth'
import { Rule, RuleBody } from '../../schemas/rule'
import { PreviewBody } from '../../schemas/preview'
import { IdParam } from '../../schemas/common'
import { ErrorBody } from '../error-body'
import { listRules } from '../../db/rules'
import { changeRule, createRule } from '../../services/rules'
import { previewCommissions } from '../../services/preview-commissions'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'

export const rules = router()
const admin = [requireRole('admin')]
const RuleParams = z.object({ id: IdParam })
const writeResponses = {
  ...errorResponses,
  422: jsonContent(ErrorBody, 'Invalid fields, or a campaign rule whose campaign does not exist (`target`)'),
}

// GET /api/rules: every live rule of the brand.
rules.openapi(
  createRoute({
    method: 'get',
    path: '/rules',
    tags: ['rules'],
    middleware: admin,
    responses: { 200: jsonContent(z.object({ items: z.array(Rule) }), 'Rules'), ...errorResponses },
  }),
  async (c) => c.json({ items: await listRules(brandOf(c)) }, 200),
)

// POST /api/rules: a new commission rule at version 1 (a campaign rule's campaign must exist).
rules.openapi(
  createRoute({
    method: 'post',
    path: '/rules',
    tags: ['rules'],
    middleware: admin,
    request: { body: jsonBody(RuleBody) },
    responses: { 201: jsonContent(Rule, 'Created'), ...writeResponses },
  }),
  async (c) => c.json(await createRule(brandOf(c), c.req.valid('json')), 201),
)

// PUT /api/rules/:id: replace a rule; its version goes up, old entries keep theirs.
rules.openapi(
  createRoute({
    method: 'put',
    path: '/rules/{id}',
    tags: ['rules'],
    middleware: admin,
    request: { params: RuleParams, body: jsonBody(RuleBody) },
    responses: { 200: jsonContent(Rule, 'Replaced'), ...writeResponses },
  }),
  async (c) => c.json(await changeRule(brandOf(c), c.req.valid('param').id, { body: c.req.valid('json') }), 200),
)

// DELETE /api/rules/:id: retire a rule (its versions stay stored for old entries).
rules.openapi(
  createRoute({
    method: 'delete',
    path: '/rules/{id}',
    tags: ['rules'],
    middleware: admin,
    request: { params: RuleParams },
    responses: { 200: jsonContent(Rule, 'The retired rule'), ...errorResponses },
  }),
  async (c) => c.json(await changeRule(brandOf(c), c.req.valid('param').id, { delete: true }), 200),
)

// POST /api/rules/preview: the commissions an order would produce, writing nothing.
rules.openapi(
  createRoute({
    method: 'post',
    path: '/rules/preview',
    tags: ['rules'],
    middleware: admin,
    request: { body: jsonBody(PreviewBody) },
    responses: { 200: jsonContent(z.any(), 'What the order would pay'), ...errorResponses },
  }),
  async (c) => c.json(await previewCommissions(await getBrandOrThrow(brandOf(c)), c.req.valid('json')), 200),
)
