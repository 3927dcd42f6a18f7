import { createRoute } from '@hono/zod-openapi'
import { router, jsonBody, jsonContent, access, bodyErrorResponses, errorResponses } from '../openapi-app'
import { brandOf } from '../auth'
import { ErrorBody } from '../error-body'
import {
  ApiKeyList,
  ApiKeyView,
  CreateKeyBody,
  KeyIdParams,
  NewApiKey,
  NewWebhookSecret,
  RotateBody,
  SignedOut,
  SignOutBody,
} from '../../schemas/keys'
import { createKey, listKeys, revokeKey, rotateKey, rotateWebhookSecret } from '../../services/keys'
import { signOutEveryone } from '../../services/sessions'

/**
 * The brand's credentials, for its admins (an admin key or an admin's console session):
 * API keys listed, created, rotated and revoked, the webhook secret rotated, and every
 * distributor signed out. New secrets are shown once; only their hashes are stored.
 */
export const keys = router()

const conflict = { 409: jsonContent(ErrorBody, 'Already rotated or revoked, or the last active admin key') } as const

const listKeysRoute = createRoute({
  method: 'get',
  path: '/keys',
  tags: ['keys'],
  operationId: 'listApiKeys',
  summary: "The brand's API keys",
  description: 'Every key: id, role, label, created, last four characters and status; never the key itself.',
  ...access('admin'),
  responses: { 200: jsonContent(ApiKeyList, 'The keys, newest first'), ...errorResponses },
})

const createKeyRoute = createRoute({
  method: 'post',
  path: '/keys',
  tags: ['keys'],
  operationId: 'createApiKey',
  summary: 'Create an API key',
  description:
    'A new admin or finance key, shown once in the answer. With a requestId a repeat is a 409 rather than a second key (the key itself is not kept, so it cannot be shown again).',
  ...access('admin'),
  request: { body: jsonBody(CreateKeyBody) },
  responses: { 201: jsonContent(NewApiKey, 'The new key, shown once'), ...conflict, ...bodyErrorResponses },
})

const rotateKeyRoute = createRoute({
  method: 'post',
  path: '/keys/{id}/rotate',
  tags: ['keys'],
  operationId: 'rotateApiKey',
  summary: 'Rotate an API key',
  description:
    'A new key of the same role and label, shown once; the old key keeps working for graceHours (0: refused at once), then is refused, and console sessions it opened end with it. Not replayable: a repeat finds the old key already rotated and is a 409 naming its replacement, never a second new key.',
  ...access('admin'),
  request: { params: KeyIdParams, body: jsonBody(RotateBody) },
  responses: { 201: jsonContent(NewApiKey, 'The new key, shown once'), ...conflict, ...bodyErrorResponses },
})

const revokeKeyRoute = createRoute({
  method: 'post',
  path: '/keys/{id}/revoke',
  tags: ['keys'],
  operationId: 'revokeApiKey',
  summary: 'Revoke an API key',
  description:
    "Refused at once, with every console session it opened. The brand's last active admin key cannot be revoked (409). Revoking a revoked key answers it as it is.",
  ...access('admin'),
  request: { params: KeyIdParams },
  responses: { 200: jsonContent(ApiKeyView, 'The key, revoked'), ...conflict, ...bodyErrorResponses },
})

const rotateWebhookRoute = createRoute({
  method: 'post',
  path: '/webhook-secret/rotate',
  tags: ['keys'],
  operationId: 'rotateWebhookSecret',
  summary: 'Rotate the webhook secret',
  description:
    'A new Ripple webhook secret, shown in the answer; during graceHours both the old and the new secret verify, after it only the new one. A repeat with the same requestId answers the same secret and changes nothing.',
  ...access('admin'),
  request: { body: jsonBody(RotateBody) },
  responses: { 201: jsonContent(NewWebhookSecret, 'The new secret'), ...conflict, ...bodyErrorResponses },
})

const signOutRoute = createRoute({
  method: 'post',
  path: '/sessions/sign-out-everyone',
  tags: ['keys'],
  operationId: 'signOutEveryone',
  summary: 'Sign every distributor out',
  description:
    "Every distributor session of the brand issued before now is refused, on every server within a minute; distributors sign in again with a new link. Repeating it is harmless (it moves the moment forward). Console sessions end with their key's revocation instead.",
  ...access('admin'),
  request: { body: jsonBody(SignOutBody) },
  responses: { 200: jsonContent(SignedOut, 'Signed out'), ...bodyErrorResponses },
})

// GET /api/keys: the brand's keys, without the keys themselves.
keys.openapi(listKeysRoute, async (c) => c.json({ items: await listKeys(brandOf(c)) }, 200))

// POST /api/keys: a new key, shown once.
keys.openapi(createKeyRoute, async (c) => c.json(await createKey(brandOf(c), c.req.valid('json')), 201))

// POST /api/keys/:id/rotate: a new key now, the old one until the grace ends.
keys.openapi(rotateKeyRoute, async (c) =>
  c.json(await rotateKey(brandOf(c), c.req.valid('param').id, c.req.valid('json').graceHours), 201),
)

// POST /api/keys/:id/revoke: refused from now on.
keys.openapi(revokeKeyRoute, async (c) => c.json(await revokeKey(brandOf(c), c.req.valid('param').id), 200))

// POST /api/webhook-secret/rotate: a new webhook secret; the old one verifies until the grace ends.
keys.openapi(rotateWebhookRoute, async (c) => c.json(await rotateWebhookSecret(brandOf(c), c.req.valid('json')), 201))

// POST /api/sessions/sign-out-everyone: every distributor session issued before now is refused.
keys.openapi(signOutRoute, async (c) => c.json(await signOutEveryone(brandOf(c)), 200))
