import { createRoute, z } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { Rule, RuleBody } from '../../schemas/rule'
import { CommissionPreviewSchema, PreviewBody } from '../../schemas/preview'
import { IdParam } from '../../schemas/common'
import { ErrorBody } from '../error-body'
import { listRules } from '../../db/rules'
import { changeRule, createRule } from '../../services/rules'
import { previewCommissions } from '../../services/preview-commissions'
import { getBrandOrThrow } from '../../services/get-brand-or-throw'
import { presentCommissionPreview } from '../../services/present-preview'

export const rules = router()
const RuleParams = z.object({ id: IdParam })
const writeResponses = {
  ...bodyErrorResponses,
  409: jsonContent(ErrorBody, 'The rule changed while saving: reload and retry'),
  422: jsonContent(ErrorBody, 'Invalid fields, or a campaign rule whose campaign does not exist (`target`)'),
}

// GET /api/rules: every live rule of the brand.
const listRulesRoute = createRoute({
  method: 'get',
  path: '/rules',
  operationId: 'listRules',
  description: 'Every live commission rule of the brand (retired rules are not listed).',
  tags: ['rules'],
  ...access('admin'),
  responses: { 200: jsonContent(z.object({ items: z.array(Rule) }), 'Rules'), ...errorResponses },
})
rules.openapi(listRulesRoute, async (c) => c.json({ items: await listRules(brandOf(c)) }, 200))

// POST /api/rules: a new commission rule at version 1 (a campaign rule's campaign must exist).
const createRuleRoute = createRoute({
  method: 'post',
  path: '/rules',
  operationId: 'createRule',
  description:
    "A new commission rule at version 1, by scope (default, distributor type, product, category or campaign) and level. A campaign rule's campaign must exist.",
  tags: ['rules'],
  ...access('admin'),
  request: { body: jsonBody(RuleBody) },
  responses: { 201: jsonContent(Rule, 'Created'), ...writeResponses },
})
rules.openapi(createRuleRoute, async (c) => c.json(await createRule(brandOf(c), c.req.valid('json')), 201))

// PUT /api/rules/:id: replace a rule; its version goes up, old entries keep theirs.
const replaceRuleRoute = createRoute({
  method: 'put',
  path: '/rules/{id}',
  operationId: 'replaceRule',
  description:
    'Replaces a rule: its version goes up; ledger entries already written keep the version they were paid by.',
  tags: ['rules'],
  ...access('admin'),
  request: { params: RuleParams, body: jsonBody(RuleBody) },
  responses: { 200: jsonContent(Rule, 'Replaced'), ...writeResponses },
})
rules.openapi(replaceRuleRoute, async (c) =>
  c.json(await changeRule(brandOf(c), c.req.valid('param').id, { body: c.req.valid('json') }), 200),
)

// DELETE /api/rules/:id: retire a rule (its versions stay stored for old entries).
const retireRuleRoute = createRoute({
  method: 'delete',
  path: '/rules/{id}',
  operationId: 'retireRule',
  description: 'Retires a rule: new orders no longer use it; its versions stay stored for the entries they paid.',
  tags: ['rules'],
  ...access('admin'),
  request: { params: RuleParams },
  responses: { 200: jsonContent(Rule, 'The retired rule'), ...errorResponses },
})
rules.openapi(retireRuleRoute, async (c) =>
  c.json(await changeRule(brandOf(c), c.req.valid('param').id, { delete: true }), 200),
)

// POST /api/rules/preview: the commissions an order would produce, writing nothing.
const previewCommissionsRoute = createRoute({
  method: 'post',
  path: '/rules/preview',
  operationId: 'previewCommissions',
  description:
    'The commissions an order would pay, by the same code as ingestion, writing nothing: attributed like a real order, credited to `distributorId`, or priced for a hypothetical chain of one `type`.',
  tags: ['rules'],
  ...access('admin'),
  request: { body: jsonBody(PreviewBody) },
  responses: { 200: jsonContent(CommissionPreviewSchema, 'What the order would pay'), ...bodyErrorResponses },
})
rules.openapi(previewCommissionsRoute, async (c) =>
  c.json(
    presentCommissionPreview(await previewCommissions(await getBrandOrThrow(brandOf(c)), c.req.valid('json'))),
    200,
  ),
)
