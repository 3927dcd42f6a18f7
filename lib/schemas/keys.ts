import { z } from '@hono/zod-openapi'
import { IdParam } from './common'

export const ApiKeyRoleSchema = z.enum(['admin', 'finance']).openapi({
  description: 'admin: everything the brand can do; finance: settlements, commissions and reports.',
})
export type ApiKeyRole = z.infer<typeof ApiKeyRoleSchema>

/** A client's id for one request, so a repeat of it is recognised (see each route). */
const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'format.request_id')
  .optional()
  .openapi({ description: 'Your id for this request (8-64 URL-safe characters); a repeat of it is recognised.' })

/** Hours the replaced secret stays valid: 0 (refused at once) to 168 (a week). */
const GraceHours = z
  .number()
  .int()
  .min(0)
  .max(168)
  .openapi({ description: 'Hours the old secret keeps working: 0 (refused at once) to 168 (a week).', example: 24 })

export const KeyIdParams = z.object({
  id: IdParam.openapi({ param: { name: 'id', in: 'path' }, example: 'key_V1StGXR8Z5jd' }),
})

export const CreateKeyBody = z
  .object({
    role: ApiKeyRoleSchema,
    label: z.string().trim().min(1).max(60).openapi({ description: 'What the key is for.', example: 'ERP export' }),
    requestId: RequestId,
  })
  .strict()
  .openapi('CreateKeyInput')

export const RotateBody = z.object({ graceHours: GraceHours, requestId: RequestId }).strict().openapi('RotateInput')

export const KeyStatusSchema = z.enum(['active', 'expiring', 'revoked']).openapi({
  description: 'active; expiring: replaced by a rotation and refused from `until`; revoked: refused.',
})

/** A key as listed: never the key itself. */
export const ApiKeyView = z
  .object({
    id: z.string(),
    role: ApiKeyRoleSchema,
    label: z.string(),
    createdAt: z.string(),
    last4: z.string().openapi({ description: 'The last four characters of the key.' }),
    status: KeyStatusSchema,
    until: z.string().optional().openapi({ description: 'expiring: when it stops working; revoked: since when.' }),
    replacedBy: z.string().optional(),
  })
  .openapi('ApiKey')
export type ApiKeyView = z.infer<typeof ApiKeyView>

export const ApiKeyList = z.object({ items: z.array(ApiKeyView) }).openapi('ApiKeyList')

export const NewApiKey = z
  .object({
    key: z.string().openapi({ description: 'The new key: shown this once, only its hash is stored.' }),
    apiKey: ApiKeyView,
    replaced: ApiKeyView.optional().openapi({ description: 'After a rotation: the old key, now expiring.' }),
  })
  .openapi('NewApiKey')

export const NewWebhookSecret = z
  .object({
    webhookSecret: z.string().openapi({ description: 'The new webhook secret: shown once (and again to a repeat).' }),
    previousValidUntil: z.string().openapi({ description: 'Until when the old secret still verifies.' }),
  })
  .openapi('NewWebhookSecret')

export const SignOutBody = z.object({}).strict().openapi('SignOutEveryoneInput')

export const SignedOut = z
  .object({ notBefore: z.string().openapi({ description: 'Distributor sessions issued before this are refused.' }) })
  .openapi('SignedOutEveryone')
